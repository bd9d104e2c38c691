/**
 * Caching as the org does it for static resources: the page links app.js, the SLDS style sheet
 * and every static resource under URLs stamped with their content, which answer with a year of
 * immutable caching; the page itself, plain URLs and old stamps are revalidated. The playground
 * here serves a scratch build folder, so the test can change a file and see its stamp move.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_ACCOUNT_IDS } from '../../org-emulator';
import { startPlayground, type RunningPlayground } from '../server';
import { IMMUTABLE } from '../static-files';

const YEAR_IMMUTABLE = 'public, max-age=31536000, immutable';
const ACME = SAMPLE_ACCOUNT_IDS.threeBillingAccounts;
let appDir: string;
let playground: RunningPlayground;

beforeAll(async () => {
    appDir = mkdtempSync(join(tmpdir(), 'playground-caching-'));
    writeFileSync(join(appDir, 'app.js'), 'console.log("first build");\n');
    writeFileSync(join(appDir, 'slds.css'), 'body { margin: 0; }\n');
    playground = await startPlayground({ port: 0, appDir });
});

afterAll(async () => {
    await playground.close();
    rmSync(appDir, { recursive: true, force: true });
});

interface PageUrls {
    readonly app: string;
    readonly css: string;
    readonly resources: Record<string, string>;
}

async function pageUrls(): Promise<PageUrls> {
    const html = await (await fetch(`${playground.url}/?account=${ACME}`)).text();
    const app = /<script src="([^"]+)" defer><\/script>/.exec(html)?.[1] ?? '';
    const css = /<link rel="stylesheet" href="([^"]+)">/.exec(html)?.[1] ?? '';
    const data = /<script type="application\/json" id="playground-data">(.*?)<\/script>/s.exec(
        html
    )?.[1];
    const resources = (JSON.parse(data ?? '{}') as { resources?: Record<string, string> })
        .resources;
    return { app, css, resources: resources ?? {} };
}

const cacheControl = async (path: string): Promise<string | null> => {
    const response = await fetch(`${playground.url}${path}`);
    await response.arrayBuffer();
    expect(response.status).toBe(200);
    return response.headers.get('cache-control');
};

describe('stamped URLs', () => {
    test('the page links app.js, the SLDS style sheet and the static resources stamped', async () => {
        const urls = await pageUrls();
        expect(urls.app).toMatch(/^\/app\/[0-9a-f]{16}\/app\.js$/);
        expect(urls.css).toMatch(/^\/assets\/[0-9a-f]{16}\/styles\/slds\.css$/);
        expect(urls.resources.OnDemandSyncBridge).toMatch(
            /^\/resource\/[0-9a-f]{16}\/OnDemandSyncBridge$/
        );
        const page = await fetch(`${playground.url}/?account=${ACME}`);
        expect(page.headers.get('cache-control')).toBe('no-store');
    });

    test('a stamped URL answers with a year of immutable caching', async () => {
        expect(IMMUTABLE).toBe(YEAR_IMMUTABLE);
        const urls = await pageUrls();
        expect(await cacheControl(urls.app)).toBe(YEAR_IMMUTABLE);
        expect(await cacheControl(urls.css)).toBe(YEAR_IMMUTABLE);
        expect(await cacheControl(urls.resources.OnDemandSyncBridge ?? '')).toBe(YEAR_IMMUTABLE);
        const bridge = await fetch(`${playground.url}${urls.resources.OnDemandSyncBridge ?? ''}`);
        expect(await bridge.text()).toBe(
            readFileSync(
                join(
                    __dirname,
                    '../../../force-app/main/default/staticresources/OnDemandSyncBridge.js'
                ),
                'utf8'
            )
        );
    });

    test('the files the style sheet names relative to itself are cached with it', async () => {
        const urls = await pageUrls();
        const folder = urls.css.replace(/styles\/slds\.css$/, '');
        expect(await cacheControl(`${folder}icons/standard/account.svg`)).toBe(YEAR_IMMUTABLE);
        expect(await cacheControl('/assets/icons/standard/account.svg')).toBe('no-cache');
    });

    test('plain URLs and other stamps are revalidated', async () => {
        expect(await cacheControl('/app.js')).toBe('no-cache');
        expect(await cacheControl('/resource/OnDemandSyncBridge')).toBe('no-cache');
        expect(await cacheControl('/resource/1700000000000/OnDemandSyncBridge')).toBe('no-cache');
        expect(await cacheControl('/app/0123456789abcdef/app.js')).toBe('no-cache');
        expect(await cacheControl('/assets/styles/slds.css')).toBe('no-cache');
    });

    test('a changed file gets a new stamp, and its old stamp is no longer cached', async () => {
        const before = await pageUrls();
        writeFileSync(join(appDir, 'app.js'), 'console.log("second build");\n');
        const after = await pageUrls();
        expect(after.app).not.toBe(before.app);
        expect(after.css).toBe(before.css);
        expect(await cacheControl(after.app)).toBe(YEAR_IMMUTABLE);
        const old = await fetch(`${playground.url}${before.app}`);
        expect(old.headers.get('cache-control')).toBe('no-cache');
        expect(await old.text()).toContain('second build');
    });
});
