// `npm run screenshots`: the README's pictures of the playground, taken with Debian's Chromium
// at 1440 pixels wide and written to docs/images/:
//   playground.png       Acme Corporation after a sync of its 3 billing accounts
//   narrow-region.png    the same Account with the card in a narrow region (?region=small)
//   background-sync.png  Contoso Holdings with a background sync in progress
// Uses the playground running on 127.0.0.1:$PORT (default 3000) when there is one, with its
// current data; otherwise builds and starts one there, and stops it at the end.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { projectRoot } from './project.mjs';
import { preparePlayground } from './start.mjs';

const PORT = process.env.PORT ? Number(process.env.PORT) : 3000;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const IMAGES = join(projectRoot, 'docs', 'images');
const WIDTH = 1440;

/** 'playground' when the playground answers on the port, 'other' for anything else, or null. */
async function whoListens() {
    try {
        const response = await fetch(`${ORIGIN}/__emulator/state`, {
            signal: AbortSignal.timeout(3000)
        });
        return response.ok ? 'playground' : 'other';
    } catch (error) {
        return error.cause?.code === 'ECONNREFUSED' ? null : 'other';
    }
}

/**
 * Starts the built playground on the port, with background jobs left queued (nothing runs
 * them), so the background job is pictured in progress.
 */
function startServer(startPlayground) {
    return startPlayground({
        port: PORT,
        host: '127.0.0.1',
        orgOptions: { backgroundExecutionDelayMs: null }
    });
}

/** Opens an Account's page and waits until the card has left its loading state. */
async function openAccount(page, accountId, query = '') {
    await page.goto(`${ORIGIN}/?account=${accountId}${query}`);
    await page.locator('c-on-demand-sync [data-id="loading"]').waitFor({ state: 'detached' });
    // The table, or in a narrow region the compact list.
    await page.locator('c-on-demand-sync [data-id="table"]').first().waitFor();
}

/** Ticks the `index`-th row (1-based) as a user does: a click on the drawn checkbox. */
async function tickRow(page, index) {
    const box = page
        .getByRole('grid')
        .getByRole('checkbox', { name: new RegExp(`^Select Item ${index}(?!\\d)`) });
    if (await box.isDisabled()) {
        throw new Error(
            `Row ${index} cannot be selected (it was synced moments ago): restart the playground for fresh samples.`
        );
    }
    await box.locator('xpath=following-sibling::label/span[1]').click();
}

async function shoot(page, name) {
    const path = join(IMAGES, name);
    await page.screenshot({ path, fullPage: true, animations: 'disabled' });
    console.log(`Wrote docs/images/${name}`);
}

async function afterSync(page, ids) {
    await openAccount(page, ids.threeBillingAccounts);
    for (const index of [1, 2, 3]) await tickRow(page, index);
    await page.locator('c-on-demand-sync [data-id="sync"] button').click();
    await page.locator('#toast-region .slds-notify_toast').first().waitFor();
    await page.locator('c-on-demand-sync [data-id="follow-up"]').waitFor();
    await shoot(page, 'playground.png');
}

async function narrowRegion(page, ids) {
    await openAccount(page, ids.twelveBillingAccounts, '&region=small');
    await shoot(page, 'narrow-region.png');
}

async function backgroundSync(page, ids) {
    await openAccount(page, ids.manyBillingAccounts);
    const panel = page.locator('c-on-demand-sync [data-id="background"]');
    await panel.locator('[data-id="background-offer"] button').click();
    await panel.locator('[data-id="background-start"] button').click();
    // The job is queued: all its sessions run in one async execution, which a playground this
    // script started leaves waiting (a running one starts it 1.5 s later).
    const bar = panel.locator('lightning-progress-bar');
    await bar.waitFor();
    if (Number(await bar.evaluate((element) => element.value)) >= 100) {
        throw new Error('The background job ended before it could be pictured.');
    }
    await shoot(page, 'background-sync.png');
}

async function main() {
    const listening = await whoListens();
    if (listening === 'other') {
        throw new Error(`Port ${PORT} is in use by something other than the playground; set PORT.`);
    }
    await preparePlayground();
    const require = createRequire(import.meta.url);
    const { launchChromium, startPlayground, SAMPLE_ACCOUNT_IDS } = require(
        join(projectRoot, 'dist', 'playground', 'playground.cjs')
    );
    let server = null;
    if (listening === 'playground') {
        console.log(`Using the playground already running on ${ORIGIN} (its current data).`);
    } else {
        console.log(`Starting the playground on ${ORIGIN}...`);
        server = await startServer(startPlayground);
    }
    const chromium = await launchChromium({ width: WIDTH, height: 900 });
    try {
        mkdirSync(IMAGES, { recursive: true });
        const page = await chromium.context.newPage();
        page.setDefaultTimeout(20000);
        await afterSync(page, SAMPLE_ACCOUNT_IDS);
        await narrowRegion(page, SAMPLE_ACCOUNT_IDS);
        await backgroundSync(page, SAMPLE_ACCOUNT_IDS);
    } finally {
        await chromium.close();
        await server?.close();
    }
}

main().catch((error) => {
    console.error(`Screenshots failed: ${error.message}`);
    process.exit(1);
});
