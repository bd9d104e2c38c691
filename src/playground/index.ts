/**
 * The playground as a library (bundled into dist/playground/playground.cjs for the scripts):
 * the server, the browser launcher, and the emulated org's sample data generators.
 */
export { startPlayground, type PlaygroundOptions, type RunningPlayground } from './server';
export { launchChromium, CHROMIUM_ARGS, type LaunchedChromium } from './chromium';
export {
    generateBillingAccounts,
    sampleSeed,
    SAMPLE_ACCOUNT_IDS,
    SAMPLE_ACCOUNTS
} from '../org-emulator';
export { servedSizes } from './static-files';
