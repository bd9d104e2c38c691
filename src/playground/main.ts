/**
 * `npm start` runs this (bundled into dist/playground/server.cjs by src/playground/build.mjs):
 * the playground on 127.0.0.1, port PORT (default 3000), with the faults the environment asks
 * for (see ./environment.ts). Stops cleanly on Ctrl+C.
 */
import { applySetup, describeSetup, setupFromEnvironment } from './environment';
import { startPlayground } from './server';
import { SAMPLE_ACCOUNTS } from '../org-emulator';

async function main(): Promise<void> {
    const port =
        process.env.PORT === undefined || process.env.PORT === '' ? 3000 : Number(process.env.PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new RangeError(`PORT must be a port number, not "${process.env.PORT}"`);
    }
    const setup = setupFromEnvironment(process.env);
    const playground = await startPlayground({
        port,
        host: '127.0.0.1',
        failingResources: setup.failingResources,
        resourceLatencyMs: setup.resourceLatencyMs,
        timeZone: setup.timeZone,
        locale: setup.locale
    });
    applySetup(playground.org, setup);
    const lines = [
        `Zuora On-Demand Sync playground: ${playground.url}/`,
        '',
        'Sample Accounts:',
        ...SAMPLE_ACCOUNTS.map(
            (sample) =>
                `  ${playground.url}/?account=${sample.id}  ${sample.name}: ${sample.situation}`
        ),
        '',
        `Apex REST: ${playground.url}/services/apexrest/zuora/ondemandsync/v1/`,
        `  zuora-sync --instance-url ${playground.url} --access-token any --account ${SAMPLE_ACCOUNTS[1].id}`,
        `Control:   ${playground.url}/__emulator/state, ${playground.url}/__emulator/faults`
    ];
    const faults = describeSetup(setup);
    if (faults.length) lines.push('', 'Injected faults:', ...faults.map((line) => `  ${line}`));
    lines.push('', 'Press Ctrl+C to stop.');
    console.log(lines.join('\n'));
    const stop = (): void => {
        playground.close().then(
            () => process.exit(0),
            () => process.exit(1)
        );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') {
        console.error(
            `Port ${process.env.PORT ?? 3000} is in use; set PORT to another port, e.g. PORT=3001 npm start`
        );
    } else {
        console.error(
            `The playground could not start: ${error instanceof Error ? error.message : String(error)}`
        );
    }
    process.exit(1);
});
