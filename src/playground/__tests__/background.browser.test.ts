/**
 * Background sync on the Account page, in a real browser against the emulated org: the offer on
 * a large Account, the confirmation, progress read from the server, a reload in the middle, the
 * end, and a session Zuora could not take. The org's async queue is driven by the test (one
 * execution at a time), so each step is seen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { format } from '../../bridge/messages';
import { parseCustomLabels, SAMPLE_ACCOUNT_IDS, SAMPLE_ACCOUNTS } from '../../org-emulator';
import { SAMPLE_MANY_COUNT } from '../../org-emulator/data/seed';
import { launchChromium, type LaunchedChromium } from '../chromium';
import { startPlayground, type RunningPlayground } from '../server';
import { ensurePlaygroundBuilt, PROJECT_ROOT } from './support/build';
import {
    card,
    newPage,
    openAccount,
    screenshot,
    table,
    until,
    type Problems
} from './support/page';

jest.setTimeout(60000);

const LABELS = parseCustomLabels(
    readFileSync(
        join(PROJECT_ROOT, 'force-app/main/default/labels/CustomLabels.labels-meta.xml'),
        'utf8'
    )
);
function label(name: string, ...args: unknown[]): string {
    return format(LABELS[`OnDemandSync_${name}`] as string, ...args);
}

const CONTOSO = SAMPLE_ACCOUNT_IDS.manyBillingAccounts;

let playground: RunningPlayground;
let chromium: LaunchedChromium;
let page: Page;
let problems: Problems;

beforeAll(async () => {
    ensurePlaygroundBuilt();
    playground = await startPlayground({ port: 0, toastDurationMs: 10000 });
    chromium = await launchChromium();
}, 180000);

afterAll(async () => {
    await chromium?.close();
    await playground?.close();
});

beforeEach(async () => {
    // The test runs the org's background executions itself.
    playground.reset({ backgroundExecutionDelayMs: null });
    ({ page, problems } = await newPage(chromium.context));
});

afterEach(async () => {
    await page.close();
    expect(problems.list).toEqual([]);
});

function panel() {
    return card(page).locator('[data-id="background"]');
}

async function progressText(): Promise<string> {
    return panel().locator('[data-id="background-progress"]').innerText();
}

async function startBackgroundSync(): Promise<void> {
    await openAccount(page, playground.url, CONTOSO);
    await table(page).waitFor();
    await panel()
        .getByRole('button', { name: label('UI_BackgroundOffer', SAMPLE_MANY_COUNT) })
        .click();
    await expect(panel().locator('[data-id="background-confirm"]').innerText()).resolves.toBe(
        label('UI_BackgroundConfirm', SAMPLE_MANY_COUNT, 5, 1)
    );
    await panel()
        .getByRole('button', { name: label('UI_BackgroundStart') })
        .click();
    await until(
        async () => (await progressText()).includes(`of ${SAMPLE_MANY_COUNT}`),
        'the job to show'
    );
}

describe('background sync', () => {
    test('is offered only on an Account with more billing accounts than a selection', async () => {
        expect(SAMPLE_ACCOUNTS.some((sample) => sample.id === CONTOSO)).toBe(true);
        await openAccount(page, playground.url, SAMPLE_ACCOUNT_IDS.threeBillingAccounts);
        await table(page).waitFor();
        await expect(panel().count()).resolves.toBe(0);
    });

    test('starts after a confirmation, shows progress, survives a reload and ends', async () => {
        await startBackgroundSync();
        const queued = playground.org.jobs.latestForAccount(CONTOSO);
        expect(queued).toMatchObject({ status: 'QUEUED', total: SAMPLE_MANY_COUNT });
        expect(await progressText()).toBe(
            label('UI_BackgroundProgress', 0, 0, 0, SAMPLE_MANY_COUNT, SAMPLE_MANY_COUNT)
        );

        // A second click shows the running job instead of starting another.
        await page.reload();
        await table(page).waitFor();
        await until(
            async () => (await progressText()).includes(`of ${SAMPLE_MANY_COUNT}`),
            'the running job to show after a reload'
        );
        await expect(
            panel()
                .getByRole('button', { name: label('UI_BackgroundOffer', SAMPLE_MANY_COUNT) })
                .count()
        ).resolves.toBe(0);

        await playground.org.jobs.runAll();
        await until(
            async () =>
                (await progressText()) ===
                label('UI_BackgroundProgress', SAMPLE_MANY_COUNT, 0, 0, 0, SAMPLE_MANY_COUNT),
            'the finished counts'
        );
        await expect(panel().innerText()).resolves.toContain(label('UI_BackgroundStatusCompleted'));
        // The rows show their results: every billing account now cools down.
        await until(
            async () => (await table(page).getByText(label('UI_StateCoolingDown')).count()) > 0,
            'the rows to show their new state'
        );
        expect(playground.org.jobs.notifications()).toHaveLength(1);
        await screenshot(page, 'background-finished');
    });

    test('a session Zuora could not take fails its rows, and the job goes on', async () => {
        await startBackgroundSync();
        playground.org.injectFaults({ zuoraOutage: 'Zuora is down for maintenance' });
        await playground.org.jobs.runAll();
        await until(
            async () =>
                (await progressText()) ===
                label('UI_BackgroundProgress', 0, 0, SAMPLE_MANY_COUNT, 0, SAMPLE_MANY_COUNT),
            'the failed counts'
        );
        const rows = playground.org
            .auditRows()
            .filter((auditRow) => auditRow.syncJobId !== undefined);
        expect(rows.every((auditRow) => auditRow.status === 'FAILED')).toBe(true);
    });
});
