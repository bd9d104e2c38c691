// `npm run bench:playground`: how fast the record page card becomes usable, measured in the
// playground with Debian's Chromium. Prints numbers; it is not a test and fails only when it
// cannot measure.
//   requests    every request the browser makes until the card is usable (the page and the
//               style sheet included), on a first load (empty cache) and on a second load in the
//               same browser, with those the server saw (goal for the second load: the page and
//               one data request; every bundle from the cache)
//   bundles     bytes of app.js, the bridge and the SLDS style sheet: raw, gzip, brotli
//   usable      time from navigation until the table is usable, with 3 and with 500 billing
//               accounts (median of --runs loads, first loads with the cache off and second loads
//               with it on), and their ratio
//   sync        time from the click on Sync until every row shows its result, minus the
//               latency injected into the org's answer
// Usage: node scripts/benchmark-playground.mjs [--runs 5] [--latency 300] [--no-build]
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { projectRoot } from './project.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at === -1 ? fallback : Number(args[at + 1]);
};
const RUNS = option('--runs', 5);
const LATENCY_MS = option('--latency', 300);
const BIG = 500;

if (!args.includes('--no-build')) {
    const build = spawnSync(process.execPath, ['src/playground/build.mjs'], {
        cwd: projectRoot,
        stdio: 'inherit'
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
}

const require = createRequire(import.meta.url);
const {
    startPlayground,
    launchChromium,
    generateBillingAccounts,
    servedSizes,
    SAMPLE_ACCOUNT_IDS
} = require(join(projectRoot, 'dist', 'playground', 'playground.cjs'));

const BIG_ACCOUNT = '0015g00000BnChMAAV';
const big = generateBillingAccounts(BIG, {
    accountId: BIG_ACCOUNT,
    accountName: 'Benchmark Holdings'
});

/** Rows the card draws before the rep scrolls (its page size). */
const FIRST_PAGE_ROWS = 50;

/* global document, window -- the two functions below run in the page */
/**
 * Runs in the page: the card is usable once its Sync button and its first page of table rows
 * (`rows`, or the card's page size of 50 when there are more) are drawn.
 */
const USABLE = (rows) => {
    const card = document.querySelector('c-on-demand-sync');
    const root = card && card.shadowRoot;
    const table = root && root.querySelector('[data-id="table"]');
    const button = root && root.querySelector('[data-id="sync"]');
    const drawn =
        table && table.shadowRoot ? table.shadowRoot.querySelectorAll('tbody tr').length : 0;
    if (button && drawn >= rows) {
        window.__usableAt = window.__usableAt || performance.now();
        return true;
    }
    return false;
};

/** Runs in the page: every given row of the table shows `state`. */
const ROWS_SHOW = ([count, state]) => {
    const card = document.querySelector('c-on-demand-sync');
    const table = card.shadowRoot.querySelector('[data-id="table"]');
    const rows = [...table.shadowRoot.querySelectorAll('tbody tr')].slice(0, count);
    const done = rows.length === count && rows.every((row) => row.innerText.includes(state));
    if (done) window.__resultsAt = window.__resultsAt || performance.now();
    return done;
};

const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => `${value.toFixed(0)} ms`;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

function resetOrg(playground) {
    const org = playground.reset();
    org.seed({ accounts: [big.account], billingAccounts: big.billingAccounts });
    return org;
}

/**
 * A new page of the browser, with its cache off (`cold`: as on a first visit) or on, and a record
 * of every request it makes: { url, method, cached } by CDP request id.
 */
async function newPage(browser, { cold }) {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: cold });
    const requests = new Map();
    cdp.on('Network.requestWillBeSent', (event) => {
        const url = new URL(event.request.url);
        if (url.protocol === 'data:') return;
        requests.set(event.requestId, {
            line: `${event.request.method} ${url.pathname}${url.search}`,
            cached: false
        });
    });
    const fromCache = (requestId) => {
        const request = requests.get(requestId);
        if (request) request.cached = true;
    };
    cdp.on('Network.requestServedFromCache', (event) => fromCache(event.requestId));
    cdp.on('Network.responseReceived', (event) => {
        if (event.response.fromDiskCache || event.response.fromPrefetchCache) {
            fromCache(event.requestId);
        }
    });
    return { page, requests };
}

/** Loads an Account until its card is usable; resolves to the time, the requests, the server hits. */
async function timeUntilUsable(browser, playground, accountId, rows, { cold }) {
    const { page, requests } = await newPage(browser, { cold });
    const served = [];
    const count = (request) => served.push(`${request.method} ${request.url}`);
    playground.server.on('request', count);
    try {
        await page.goto(`${playground.url}/?account=${accountId}`);
        await page.waitForFunction(USABLE, Math.min(rows, FIRST_PAGE_ROWS), {
            polling: 'raf',
            timeout: 60000
        });
    } finally {
        playground.server.off('request', count);
    }
    const usableAt = await page.evaluate('window.__usableAt');
    const before = [...requests.values()].map(
        (request) => `${request.line}${request.cached ? '  (from the cache)' : ''}`
    );
    return { page, usableAt, before, served };
}

async function main() {
    const playground = await startPlayground({ port: 0 });
    const browser = await launchChromium();
    try {
        resetOrg(playground);
        const acme = SAMPLE_ACCOUNT_IDS.threeBillingAccounts;

        // Requests before the card is usable: a first load, then a second one in the same browser.
        const first = await timeUntilUsable(browser, playground, acme, 3, { cold: true });
        await first.page.close();
        const warming = await timeUntilUsable(browser, playground, acme, 3, { cold: false });
        await warming.page.close();
        const second = await timeUntilUsable(browser, playground, acme, 3, { cold: false });
        await second.page.close();

        // Bundle sizes, as served.
        const files = {
            'app.js (component, LWC, base components)': join(
                projectRoot,
                'dist',
                'playground',
                'app.js'
            ),
            'OnDemandSyncBridge (static resource)': join(
                projectRoot,
                'force-app/main/default/staticresources/OnDemandSyncBridge.js'
            ),
            'slds.css (SLDS)': join(projectRoot, 'dist', 'playground', 'slds.css')
        };

        // Time until usable, 3 and 500 billing accounts, first loads and second loads.
        const usable = { cold: { 3: [], [BIG]: [] }, cached: { 3: [], [BIG]: [] } };
        for (let run = 0; run < RUNS; run++) {
            for (const cold of [true, false]) {
                for (const [accountId, rows] of [
                    [acme, 3],
                    [BIG_ACCOUNT, BIG]
                ]) {
                    const measured = await timeUntilUsable(browser, playground, accountId, rows, {
                        cold
                    });
                    usable[cold ? 'cold' : 'cached'][rows].push(measured.usableAt);
                    await measured.page.close();
                }
            }
        }

        // Click to results, minus the injected latency.
        const sync = [];
        for (let run = 0; run < RUNS; run++) {
            const org = resetOrg(playground);
            const { page } = await timeUntilUsable(browser, playground, acme, 3, { cold: false });
            for (const index of [1, 2, 3]) {
                await page
                    .getByRole('checkbox', { name: new RegExp(`^Select Item ${index}(?!\\d)`) })
                    .locator('xpath=following-sibling::label/span[1]')
                    .click();
            }
            org.injectFaults({ latencyMs: LATENCY_MS });
            await page.evaluate(`document.addEventListener('click', () => {
                window.__clickedAt = window.__clickedAt || performance.now();
            }, true)`);
            await page.locator('c-on-demand-sync [data-id="sync"] button').click();
            await page.waitForFunction(ROWS_SHOW, [3, 'Requested'], {
                polling: 'raf',
                timeout: 30000
            });
            const [clickedAt, resultsAt] = await page.evaluate(
                '[window.__clickedAt, window.__resultsAt]'
            );
            sync.push(resultsAt - clickedAt - LATENCY_MS);
            await page.close();
        }

        const describeLoad = (name, load, goal) => {
            const data = load.served.filter((line) => line.includes('/__playground/apex/'));
            return [
                `${name}: ${load.before.length} requests by the browser, ${load.served.length} reached the server ` +
                    `(${data.length} data request${data.length === 1 ? '' : 's'})${goal}`,
                ...load.before.map((line) => `  ${line}`)
            ];
        };
        const secondGoal =
            second.served.length === 2 &&
            second.served.some((line) => line.includes('/__playground/apex/'))
                ? ' - goal (the page + 1 data request) met'
                : ' - goal (the page + 1 data request) MISSED';
        const lines = [
            `Playground benchmark (Chromium, headless; medians of ${RUNS} loads)`,
            '',
            ...describeLoad('First load (empty cache)', first, ''),
            ...describeLoad('Second load (same browser)', second, secondGoal),
            '',
            'Bundles (raw / gzip / brotli):'
        ];
        for (const [name, file] of Object.entries(files)) {
            const size = servedSizes(file);
            lines.push(`  ${name}: ${kib(size.raw)} / ${kib(size.gzip)} / ${kib(size.br)}`);
        }
        const runs = (values) => `${ms(median(values))}  (runs: ${values.map(ms).join(', ')})`;
        for (const [kind, title] of [
            ['cold', 'first load, cache off'],
            ['cached', 'second load, from the cache']
        ]) {
            const small = median(usable[kind][3]);
            const large = median(usable[kind][BIG]);
            lines.push(
                '',
                `Time until usable (navigation start to table drawn, ${title}):`,
                `  3 billing accounts:   ${runs(usable[kind][3])}`,
                `  ${BIG} billing accounts: ${runs(usable[kind][BIG])}`,
                `  ratio ${BIG}/3: ${(large / small).toFixed(2)}`
            );
        }
        lines.push(
            '',
            `Click on Sync to every row's result, minus the ${LATENCY_MS} ms injected latency:`,
            `  ${ms(median(sync))}  (runs: ${sync.map(ms).join(', ')})`
        );
        console.log(lines.join('\n'));
    } finally {
        await browser.close();
        await playground.close();
    }
}

main().catch((error) => {
    console.error(`The benchmark could not run: ${error.stack ?? error}`);
    process.exit(1);
});
