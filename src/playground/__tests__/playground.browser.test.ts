/**
 * The onDemandSync component in a real browser (Debian's Chromium through playwright-core),
 * on the playground's mock Account record page, against the emulated org. One server and one
 * browser for the whole file; every test starts from a new org and a new page, and fails when
 * the browser's console shows an error or a warning the test did not expect.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { format } from '../../bridge/messages';
import {
    AdjustableClock,
    generateBillingAccounts,
    parseCustomLabels,
    SAMPLE_ACCOUNT_IDS,
    SAMPLE_ACCOUNTS,
    SAMPLE_FAILURE_MESSAGE
} from '../../org-emulator';
import { launchChromium, type LaunchedChromium } from '../chromium';
import { withoutZuoraAdapter } from '../environment';
import { startPlayground, type RunningPlayground } from '../server';
import { ensurePlaygroundBuilt, PROJECT_ROOT } from './support/build';
import {
    card,
    focused,
    newPage,
    openAccount,
    row,
    rowCheckbox,
    screenshot,
    syncButton,
    table,
    toasts,
    toggleRow,
    until,
    withoutCache,
    type Problems
} from './support/page';

jest.setTimeout(60000);

/** The org's own texts, read from the labels metadata as the playground build reads them. */
const LABELS = parseCustomLabels(
    readFileSync(
        join(PROJECT_ROOT, 'force-app/main/default/labels/CustomLabels.labels-meta.xml'),
        'utf8'
    )
);
function label(name: string, ...args: unknown[]): string {
    const value = LABELS[`OnDemandSync_${name}`];
    if (value === undefined) throw new Error(`No Custom Label OnDemandSync_${name}`);
    return format(value, ...args);
}

const ACME = SAMPLE_ACCOUNT_IDS.threeBillingAccounts;
const GLOBEX = SAMPLE_ACCOUNT_IDS.twelveBillingAccounts;
const APEX = '/__playground/apex/';

let playground: RunningPlayground;
let chromium: LaunchedChromium;
let page: Page;
let problems: Problems;
/** Problems a test expects (e.g. the 503 of a resource it made fail), as text fragments. */
let expectedProblems: string[];

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
    playground.reset();
    playground.failingResources.clear();
    playground.resourceLatencyMs = 0;
    expectedProblems = [];
    ({ page, problems } = await newPage(chromium.context));
});

afterEach(async () => {
    await page.close();
    const unexpected = problems.list.filter(
        (problem) => !expectedProblems.some((expected) => problem.includes(expected))
    );
    expect(unexpected).toEqual([]);
});

async function open(accountId: string): Promise<void> {
    await openAccount(page, playground.url, accountId);
}

async function selectRows(...indexes: number[]): Promise<void> {
    for (const index of indexes) {
        await toggleRow(page, index);
        await until(() => rowCheckbox(page, index).isChecked(), `row ${index} to be selected`);
    }
}

async function sync(): Promise<void> {
    await syncButton(page, label('UI_SyncButton')).click();
}

function toastWith(text: string) {
    return toasts(page).filter({ hasText: text });
}

describe('loading', () => {
    test('shows the Account page and its billing accounts after one data request and the bridge', async () => {
        const requests: Request[] = [];
        page.on('request', (request) => requests.push(request));
        await open(ACME);
        await table(page).waitFor();

        await expect(page.locator('[data-id="account-name"]').innerText()).resolves.toBe(
            'Acme Corporation'
        );
        await expect(
            card(page).locator('lightning-card h2').first().innerText()
        ).resolves.toContain('Zuora On-Demand Sync');
        for (const column of ['UI_ColumnName', 'UI_ColumnLastUpdated', 'UI_ColumnSyncState']) {
            await table(page)
                .getByRole('columnheader', { name: label(column) })
                .first()
                .waitFor({ state: 'attached' });
        }
        const paths = requests.map(
            (request) => `${request.method()} ${new URL(request.url()).pathname}`
        );
        expect(paths.filter((path) => path.includes(APEX))).toEqual([
            `POST ${APEX}OnDemandSyncController.getSyncContext`
        ]);
        const resources = paths.filter((path) => path.startsWith('GET /resource/'));
        expect(resources).toHaveLength(1);
        expect(resources[0]).toMatch(/^GET \/resource\/[0-9a-f]{16}\/OnDemandSyncBridge$/);
        await screenshot(page, '01-loaded');
    });

    test('a second load in the same browser fetches only the page and one data request', async () => {
        await open(ACME);
        await table(page).waitFor();
        await page.close();

        const fetched: string[] = [];
        const record = (request: { method?: string; url?: string }): void => {
            fetched.push(
                `${request.method ?? ''} ${new URL(request.url ?? '/', 'http://x').pathname}`
            );
        };
        playground.server.on('request', record);
        try {
            ({ page, problems } = await newPage(chromium.context));
            await open(ACME);
            await table(page).waitFor();
            await row(page, 'Acme EU').waitFor();
        } finally {
            playground.server.off('request', record);
        }
        expect(fetched).toEqual(['GET /', `POST ${APEX}OnDemandSyncController.getSyncContext`]);
    });

    test('lists every billing account with its state, and the switcher links to every sample', async () => {
        await open(ACME);
        await table(page).waitFor();
        for (const name of ['Acme APAC', 'Acme EU', 'Acme US']) {
            await row(page, name)
                .filter({ hasText: label('UI_StateReady') })
                .waitFor();
        }
        expect(await table(page).getByRole('row').count()).toBe(4);

        const switcher = page.getByRole('navigation', { name: 'Sample Accounts' });
        for (const sample of SAMPLE_ACCOUNTS) {
            await expect(
                switcher.getByRole('link', { name: sample.name }).getAttribute('href')
            ).resolves.toBe(`/?account=${sample.id}`);
        }
        await switcher.getByRole('link', { name: 'Globex International' }).click();
        await page.waitForURL(`**/?account=${GLOBEX}`);
        await row(page, 'Globex London').waitFor();
        expect(await table(page).getByRole('row').count()).toBe(13);
        await expect(
            switcher
                .getByRole('link', { name: 'Globex International' })
                .getAttribute('aria-current')
        ).resolves.toBe('page');
    });

    test('an Account without billing accounts shows the empty state', async () => {
        await open(SAMPLE_ACCOUNT_IDS.noBillingAccounts);
        const notice = card(page).locator('[data-id="notice"]');
        await notice.filter({ hasText: label('UI_EmptyTitle') }).waitFor();
        await expect(notice.innerText()).resolves.toContain(label('UI_EmptyMessage'));
        await screenshot(page, '02-empty');
    });
});

describe('selecting', () => {
    test('the real datatable stops the selection at the maximum of 8', async () => {
        await open(GLOBEX);
        await table(page).waitFor();
        await selectRows(1, 2, 3, 4, 5, 6, 7, 8);
        for (const index of [9, 10, 11, 12]) {
            await until(() => rowCheckbox(page, index).isDisabled(), `row ${index} to be disabled`);
        }
        expect(await rowCheckbox(page, 1).isDisabled()).toBe(false);
        await card(page)
            .locator('[data-id="selection-notice"]')
            .filter({ hasText: label('UI_SelectionCapReached', 8) })
            .waitFor();
        await card(page)
            .locator('[data-id="selection-status"]')
            .filter({ hasText: label('UI_Msg_SelectionOk', 8, 8) })
            .waitFor();
        await screenshot(page, '03-selection-cap');

        await toggleRow(page, 8);
        await until(
            async () => !(await rowCheckbox(page, 9).isDisabled()),
            'row 9 to be enabled again'
        );
    });

    test('many billing accounts: a page of rows, the next as the rep scrolls, selections kept', async () => {
        const many = generateBillingAccounts(120, { accountName: 'Paging Holdings' });
        playground
            .reset()
            .seed({ accounts: [many.account], billingAccounts: many.billingAccounts });
        await open(many.account.id);
        const drawn = table(page).locator('tbody tr');
        await until(async () => (await drawn.count()) === 50, 'the first 50 rows');
        await selectRows(1);

        await table(page).hover();
        for (const rows of [100, 120]) {
            await page.mouse.wheel(0, 20000);
            await until(async () => (await drawn.count()) === rows, `${rows} rows after scrolling`);
        }
        expect(await rowCheckbox(page, 1).isChecked()).toBe(true);

        // The filter searches every row, also those not drawn yet after a new load.
        const last = many.billingAccounts[119].name;
        await card(page).getByRole('searchbox').fill(last);
        await until(async () => (await drawn.count()) === 2, 'the match and the selected row');
        await row(page, last).waitFor();
        expect(await rowCheckbox(page, 1).isChecked()).toBe(true);
    });

    test('the Sync button waits for a selection', async () => {
        await open(ACME);
        await table(page).waitFor();
        const button = syncButton(page, label('UI_SyncButton'));
        expect(await button.isDisabled()).toBe(true);
        await expect(card(page).locator('[data-id="selection-status"]').innerText()).resolves.toBe(
            label('UI_Msg_SelectionEmpty')
        );
        await selectRows(2);
        await until(async () => !(await button.isDisabled()), 'the Sync button to be enabled');
    });
});

describe('syncing', () => {
    test('shows a result on each row and a summary toast', async () => {
        await open(ACME);
        await table(page).waitFor();
        await selectRows(1, 2, 3);
        await sync();

        for (const name of ['Acme APAC', 'Acme EU', 'Acme US']) {
            await row(page, name)
                .filter({ hasText: label('UI_StateRequested') })
                .waitFor();
        }
        const summary = label('UI_Summary', 3, 3, 0, 0);
        await toastWith(summary)
            .filter({ hasText: label('UI_ToastRequested') })
            .waitFor();
        await expect(toastWith(summary).getAttribute('data-variant')).resolves.toBe('success');
        await card(page).locator('[data-id="follow-up"]').waitFor();
        await screenshot(page, '04-sync-results');
        const logged = playground.org.auditRows().filter((entry) => entry.accountId === ACME);
        expect(logged.map((entry) => [entry.recordName, entry.status, entry.source])).toEqual([
            ['Acme APAC', 'REQUESTED', 'UI'],
            ['Acme EU', 'REQUESTED', 'UI'],
            ['Acme US', 'REQUESTED', 'UI']
        ]);
    });

    test('a record Zuora refuses fails on its row with Zuora’s words; the others go through', async () => {
        await open(SAMPLE_ACCOUNT_IDS.failingSync);
        await table(page).waitFor();
        await selectRows(1, 2);
        await sync();

        const refused = row(page, 'Umbrella Health Benelux');
        await refused.filter({ hasText: label('UI_StateFailed') }).waitFor();
        await refused.filter({ hasText: SAMPLE_FAILURE_MESSAGE.slice(0, 40) }).waitFor();
        await row(page, 'Umbrella Health UK')
            .filter({ hasText: label('UI_StateRequested') })
            .waitFor();
        await card(page)
            .locator('[data-id="partial-failure"]')
            .filter({ hasText: label('UI_PartialFailure', 1, 2) })
            .waitFor();
        await toastWith(label('UI_Summary', 2, 1, 1, 0)).waitFor();
        await screenshot(page, '05-partial-failure');
    });

    test('rows in their cooldown window and rows without a Zuora id cannot be picked', async () => {
        await open(SAMPLE_ACCOUNT_IDS.coolingDown);
        const cooling = row(page, 'Initech Austin');
        await cooling.filter({ hasText: label('UI_StateCoolingDown') }).waitFor();
        expect(await cooling.getByRole('checkbox').isDisabled()).toBe(true);
        expect(await row(page, 'Initech Dallas').getByRole('checkbox').isDisabled()).toBe(false);
        await screenshot(page, '06-cooldown');

        await open(SAMPLE_ACCOUNT_IDS.missingZuoraId);
        const noZuora = row(page, 'Stark Logistics Canada');
        await noZuora.filter({ hasText: label('UI_StateNoZuoraId') }).waitFor();
        expect(await noZuora.getByRole('checkbox').isDisabled()).toBe(true);
    });

    test('a synced row becomes a cooldown row, and shows the new data once Zuora writes it', async () => {
        await open(ACME);
        await table(page).waitFor();
        await selectRows(2);
        await sync();
        await row(page, 'Acme EU')
            .filter({ hasText: label('UI_StateRequested') })
            .waitFor();
        expect(await row(page, 'Acme EU').getByRole('checkbox').isDisabled()).toBe(true);

        // Zuora writes the data back about three minutes later; the card checks again after 5 s.
        advanceOrgClock(4);
        await row(page, 'Acme EU')
            .filter({ hasText: label('UI_StateUpdated') })
            .waitFor({ timeout: 20000 });
    });

    test('the spinner shows while a slow org answers', async () => {
        await open(ACME);
        await table(page).waitFor();
        playground.org.injectFaults({ latencyMs: 1500 });
        await selectRows(1);
        const clicked = Date.now();
        await sync();
        await card(page).locator('[data-id="syncing"]').waitFor();
        await row(page, 'Acme APAC')
            .filter({ hasText: label('UI_StateRequested') })
            .waitFor();
        expect(Date.now() - clicked).toBeGreaterThanOrEqual(1500);
        await card(page).locator('[data-id="syncing"]').waitFor({ state: 'detached' });
    });
});

describe('limits', () => {
    test('warns when the org has used most of today’s API requests', async () => {
        playground.org.injectFaults({ apiRequestsUsed: 14500 });
        await open(ACME);
        await table(page).waitFor();
        const percent = Math.floor((14500 / 15000) * 100);
        const warning = card(page)
            .locator('[data-id="warning"]')
            .filter({ hasText: `${percent}%` });
        await warning.waitFor();
        await expect(warning.innerText()).resolves.toContain(
            label('UI_Msg_LimitDailyApiRequests', percent)
        );
        await screenshot(page, '07-limit-warning');
    });
});

describe('error states', () => {
    test('the Account cannot be read: an error panel, and Try again recovers', async () => {
        playground.org.injectFaults({ errorRate: 1, latencyMs: 300 });
        await open(ACME);
        const error = card(page).locator('[data-id="error"][data-state="loadError"]');
        await error.filter({ hasText: label('UI_LoadErrorTitle') }).waitFor();
        expectedProblems.push('status of 503');
        await screenshot(page, '08-load-error');

        playground.org.clearFaults();
        await card(page)
            .getByRole('button', { name: label('UI_Retry') })
            .click();
        await table(page).waitFor();
    });

    test('the data request fails while the bridge is still loading: the same panel, nothing unhandled', async () => {
        playground.resourceLatencyMs = 500;
        playground.org.injectFaults({ errorRate: 1 });
        await withoutCache(page);
        await open(ACME);
        await card(page)
            .locator('[data-id="error"][data-state="loadError"]')
            .filter({ hasText: label('UI_LoadErrorTitle') })
            .waitFor();
        expectedProblems.push('status of 503');
    });

    test('the bridge static resource cannot be loaded', async () => {
        playground.failingResources.add('OnDemandSyncBridge');
        await withoutCache(page);
        await open(ACME);
        const error = card(page).locator('[data-id="error"][data-state="bridgeError"]');
        await error.filter({ hasText: label('UI_BridgeErrorTitle') }).waitFor();
        await expect(error.innerText()).resolves.toContain(label('UI_BridgeErrorMessage'));
        expectedProblems.push('status of 503', 'OnDemandSyncBridge net::ERR_ABORTED');
        await screenshot(page, '09-bridge-error');

        playground.failingResources.clear();
        await card(page)
            .getByRole('button', { name: label('UI_Retry') })
            .click();
        await table(page).waitFor();
    });

    test('a user without the permission set is told so', async () => {
        playground.org.setPermission(false);
        await open(ACME);
        await card(page)
            .locator('[data-id="notice"][data-state="noPermission"]')
            .filter({ hasText: label('UI_NoPermissionTitle') })
            .waitFor();
        await screenshot(page, '10-no-permission');
    });

    test('an org where Zuora is not set up says so', async () => {
        withoutZuoraAdapter(playground.org);
        await open(ACME);
        await card(page)
            .locator('[data-id="notice"][data-state="notConfigured"]')
            .filter({ hasText: label('UI_NotConfiguredTitle') })
            .waitFor();
    });

    test('a refused sync request shows an error panel and an error toast, and keeps the rows', async () => {
        await open(ACME);
        await table(page).waitFor();
        const message = 'unable to obtain exclusive access to this record';
        playground.org.injectFaults({
            failures: { [ACME]: { errorCode: 'UNABLE_TO_LOCK_ROW', message } }
        });
        await selectRows(1);
        await sync();
        await card(page)
            .locator('[data-id="sync-error"]')
            .filter({ hasText: label('UI_SyncErrorTitle') })
            .waitFor();
        const toast = toastWith(label('UI_SyncErrorTitle'));
        await toast.waitFor();
        await expect(toast.getAttribute('data-variant')).resolves.toBe('error');
        await row(page, 'Acme APAC')
            .filter({ hasText: label('UI_StateReady') })
            .waitFor();
        expectedProblems.push('status of 500');
        await screenshot(page, '11-sync-error');
    });

    test('Zuora unreachable: every sent row fails with a message a rep can act on', async () => {
        await open(ACME);
        await table(page).waitFor();
        playground.org.injectFaults({ zuoraOutage: 'Connection timed out' });
        await selectRows(1, 3);
        await sync();
        for (const name of ['Acme APAC', 'Acme US']) {
            await row(page, name)
                .filter({ hasText: label('UI_StateFailed') })
                .waitFor();
        }
        await toastWith(label('UI_Summary', 2, 0, 2, 0)).waitFor();
        await row(page, 'Acme EU')
            .filter({ hasText: label('UI_StateReady') })
            .waitFor();
    });

    test('an id that is not an Account says so, with no Try again', async () => {
        expectedProblems.push('status of 500');
        await page.goto(`${playground.url}/?account=not-an-id`);
        const notice = card(page).locator('[data-id="notice"][data-state="invalidRecord"]');
        await notice.waitFor();
        await expect(notice.innerText()).resolves.toContain(
            label('Error_InvalidAccountId', 'not-an-id')
        );
        await expect(card(page).locator('[data-id="retry"]').count()).resolves.toBe(0);
        await expect(page.locator('[data-id="account-name"]').innerText()).resolves.toBe(
            'Account not found'
        );
    });

    test('an Account that does not exist is not found, not an Account without billing accounts', async () => {
        expectedProblems.push('status of 500');
        await page.goto(`${playground.url}/?account=0015g00000ZzZzZ`);
        const notice = card(page).locator('[data-id="notice"][data-state="notFound"]');
        await notice.waitFor();
        const text = await notice.innerText();
        expect(text).toContain(label('UI_NotFoundTitle'));
        expect(text).toContain(label('Error_AccountNotFound'));
        expect(text).not.toContain(label('UI_EmptyTitle'));
        await expect(card(page).locator('[data-id="retry"]').count()).resolves.toBe(0);
    });
});

describe('who sees what', () => {
    test('the Salesforce limits panel is for admins; a rep still sees the warning', async () => {
        playground.org.injectFaults({ apiRequestsUsed: 13800 });
        await open(ACME);
        await table(page).waitFor();
        const panel = card(page).locator('c-on-demand-sync-limits');
        await panel.locator('[data-id="numbers"]').waitFor();
        await panel.locator('[data-id="warning"]').first().waitFor();

        playground.org.setLimitsPermission(false);
        await open(ACME);
        await table(page).waitFor();
        await panel.locator('[data-id="warning"]').first().waitFor();
        await expect(panel.locator('[data-id="numbers"]').count()).resolves.toBe(0);
        await expect(card(page).innerText()).resolves.not.toContain(label('UI_LimitsHeading'));
    });
});

describe('keyboard', () => {
    test('a sync can be done with the keyboard alone', async () => {
        await open(ACME);
        await table(page).waitFor();
        // Tab to the table: it takes one tab stop, on its first data cell.
        for (let presses = 0; !(await focused(page)).includes('rowheader'); presses++) {
            if (presses > 30)
                throw new Error(`The table never took the focus (last: ${await focused(page)})`);
            await page.keyboard.press('Tab');
        }
        // The datatable's grid keys: arrows move between cells, Space on the checkbox cell ticks
        // it (and enters the cell), Escape goes back to moving between cells.
        await press('ArrowLeft', 'gridcell');
        await press('Space', 'checkbox');
        await until(() => rowCheckbox(page, 1).isChecked(), 'row 1 to be selected by Space');
        await press('Escape', 'gridcell');
        await press('ArrowDown', 'gridcell');
        await press('Space', 'checkbox');
        await until(() => rowCheckbox(page, 2).isChecked(), 'row 2 to be selected by Space');
        await press('Escape', 'gridcell');
        await page.keyboard.press('Shift+Tab');
        await until(
            async () => (await focused(page)).includes(label('UI_SyncButton')),
            'the Sync button to take the focus'
        );
        await page.keyboard.press('Enter');
        await toastWith(label('UI_Summary', 2, 2, 0, 0)).waitFor();
        for (const name of ['Acme APAC', 'Acme EU']) {
            await row(page, name)
                .filter({ hasText: label('UI_StateRequested') })
                .waitFor();
        }
        // The focus lands on the result, not on the page body the disabled button dropped it to.
        await until(
            async () => (await focused(page)).startsWith(`P  ${label('UI_Summary', 2, 2, 0, 0)}`),
            'the result summary to take the focus'
        );
        await screenshot(page, '12-keyboard');
    });
});

/** Presses a key, then waits until the focus is on an element whose description has `where`. */
async function press(key: string, where: string): Promise<void> {
    const before = await focused(page);
    await page.keyboard.press(key);
    await until(async () => {
        const now = await focused(page);
        return now !== before && now.includes(where);
    }, `the focus to be on a ${where} after ${key}`);
}

function advanceOrgClock(minutes: number): void {
    const { clock } = playground.org;
    if (!(clock instanceof AdjustableClock)) throw new Error('The org’s clock cannot be moved');
    clock.advance(minutes * 60000);
}
