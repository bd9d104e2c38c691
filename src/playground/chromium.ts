/**
 * Starts Debian's Chromium (apt-get install -y chromium) through playwright-core for the browser
 * tests and the benchmark. Playwright's own browser download is not used. Each launch gets a
 * fresh profile directory, removed again on close. CHROMIUM_PATH points at another binary.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, no sandbox (containers), and no network beyond this machine. */
export const CHROMIUM_ARGS: readonly string[] = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'
];

export interface LaunchedChromium {
    readonly context: BrowserContext;
    close(): Promise<void>;
}

export function chromiumPath(): string {
    return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

export async function launchChromium(
    viewport: { width: number; height: number } = { width: 1440, height: 900 },
    /** The browser's own time zone (an IANA name); default the machine's. */
    timezoneId?: string
): Promise<LaunchedChromium> {
    const executablePath = chromiumPath();
    if (!existsSync(executablePath)) {
        throw new Error(
            `No Chromium at ${executablePath}. Install Debian's (apt-get install -y chromium) ` +
                'or set CHROMIUM_PATH.'
        );
    }
    const userDataDir = mkdtempSync(join(tmpdir(), 'on-demand-sync-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath,
        headless: true,
        args: [...CHROMIUM_ARGS],
        viewport,
        ...(timezoneId ? { timezoneId } : {})
    });
    return {
        context,
        close: async () => {
            await context.close();
            rmSync(userDataDir, { recursive: true, force: true });
        }
    };
}
