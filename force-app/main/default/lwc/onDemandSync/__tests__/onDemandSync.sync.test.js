// Syncing: one request per click, a spinner, a result on every row, the summary toast, partial
// failure, error paths and governor-limit warnings before and after; rows disabled while a sync
// is in flight, and its answer kept off another record the rep moved to meanwhile.
import getSyncContext from '@salesforce/apex/OnDemandSyncController.getSyncContext';
import requestSync from '@salesforce/apex/OnDemandSyncController.requestSync';
import {
    LABEL,
    ACCOUNT_ID,
    OTHER_ACCOUNT_ID,
    EU,
    US,
    LATAM,
    APAC,
    copy,
    flushPromises,
    $,
    rowOf,
    select,
    chooseRows,
    mountWithContext,
    useCardTestClock
} from '../../../../../test/onDemandSyncTestKit';

jest.mock('../labels', () =>
    require('../../../../../test/jest-mocks/customLabels').withLabelTexts(
        jest.requireActual('../labels')
    )
);

const CONTEXT = require('./data/getSyncContext.json');
const ALL_READY = require('./data/getSyncContextAllReady.json');
const REQUESTED = require('./data/requestSync.json');
const PARTIAL = require('./data/requestSyncPartialFailure.json');

function deferred() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
        resolve = res;
        reject = rej;
    });
    return { promise, resolve, reject };
}

async function render(context = CONTEXT, props = {}) {
    const toasts = [];
    const element = await mountWithContext(context, props, {
        lightning__showtoast: (event) => toasts.push(event.detail)
    });
    return { element, toasts };
}

function limitsPanel(element) {
    return element.shadowRoot.querySelector('c-on-demand-sync-limits');
}

describe('c-on-demand-sync sync', () => {
    useCardTestClock();

    it('sends the selection, shows a spinner, then each row its result and a summary toast', async () => {
        const { element, toasts } = await render();
        await select(element, [EU, APAC]);
        const answer = deferred();
        requestSync.mockReturnValue(answer.promise);

        $(element, 'sync').click();
        await flushPromises();
        expect(requestSync).toHaveBeenCalledWith({
            accountId: ACCOUNT_ID,
            billingAccountIds: [EU, APAC]
        });
        expect($(element, 'syncing').alternativeText).toBe(LABEL.OnDemandSync_UI_Syncing);
        expect($(element, 'sync').disabled).toBe(true);
        expect($(element, 'selection-status').textContent.trim()).toBe(
            LABEL.OnDemandSync_UI_SyncReasonBusy
        );
        expect(rowOf(element, EU).syncState).toBe(LABEL.OnDemandSync_UI_StateSending);

        answer.resolve(copy(REQUESTED));
        await flushPromises();
        expect($(element, 'syncing')).toBeNull();
        for (const id of [EU, APAC]) {
            expect(rowOf(element, id)).toMatchObject({
                syncState: LABEL.OnDemandSync_UI_StateRequested,
                syncDetail: LABEL.OnDemandSync_UI_DetailRequested,
                selectable: false
            });
        }
        expect($(element, 'table').selectedRows).toEqual([]);
        expect($(element, 'table').disabledRows).toEqual(expect.arrayContaining([EU, APAC]));
        expect(toasts).toEqual([
            {
                title: LABEL.OnDemandSync_UI_ToastRequested,
                message: '2 selected: 2 requested, 0 failed, 0 skipped.',
                variant: 'success'
            }
        ]);
        expect($(element, 'announcer').textContent.trim()).toBe(
            '2 selected: 2 requested, 0 failed, 0 skipped.'
        );
        // The result stays on the card, and the focus moves to it (not to the page body).
        const summary = $(element, 'result-summary');
        expect(summary.textContent.trim()).toBe('2 selected: 2 requested, 0 failed, 0 skipped.');
        expect(element.shadowRoot.activeElement).toBe(summary);
        // Requested rows say when they can sync again, under their state.
        expect(rowOf(element, EU).syncNote).toMatch(/^Sync again at \d{1,2}:\d{2}/);
        expect($(element, 'partial-failure')).toBeNull();
        expect($(element, 'follow-up').textContent.trim()).toBe(
            "Waiting for Zuora's data. This card checks again for up to 10 minutes."
        );
    });

    it('says no row can be synced right now when the sync left none selectable', async () => {
        const { element } = await render();
        // Acme US cools down and Acme Latam has no Zuora id; the sync takes the other two.
        await select(element, [EU, APAC]);
        requestSync.mockResolvedValue(copy(REQUESTED));

        $(element, 'sync').click();
        await flushPromises();

        expect($(element, 'table').data.filter((row) => row.selectable)).toEqual([]);
        expect($(element, 'sync').disabled).toBe(true);
        expect($(element, 'selection-status').textContent.trim()).toBe(
            LABEL.OnDemandSync_UI_NothingSelectable
        );
        expect(LABEL.OnDemandSync_UI_NothingSelectable).not.toBe(
            LABEL.OnDemandSync_UI_Msg_SelectionEmpty
        );
    });

    it('sends one request per click, whatever the user does', async () => {
        const { element } = await render();
        await select(element, [EU]);
        const answer = deferred();
        requestSync.mockReturnValue(answer.promise);

        const button = $(element, 'sync');
        button.click();
        button.click();
        button.dispatchEvent(new CustomEvent('click'));
        await flushPromises();
        // Enter held down: more clicks while the request runs.
        button.click();
        button.click();
        expect(requestSync).toHaveBeenCalledTimes(1);

        answer.resolve(copy({ ...REQUESTED, results: [REQUESTED.results[0]] }));
        await flushPromises();
        // Nothing is selected any more: another click sends nothing.
        button.click();
        await flushPromises();
        expect(requestSync).toHaveBeenCalledTimes(1);
        expect($(element, 'announcer').textContent.trim()).toBe(
            LABEL.OnDemandSync_UI_Msg_SelectionEmpty
        );
    });

    it('shows a partial failure: each row its own status and message, and the counts', async () => {
        const { element, toasts } = await render(ALL_READY);
        await select(element, [EU, US, APAC]);
        requestSync.mockResolvedValue(copy(PARTIAL));

        $(element, 'sync').click();
        await flushPromises();

        expect(rowOf(element, EU).syncState).toBe(LABEL.OnDemandSync_UI_StateRequested);
        expect(rowOf(element, US)).toMatchObject({
            syncState: LABEL.OnDemandSync_UI_StateSkipped,
            syncDetail: PARTIAL.results[1].message,
            syncIcon: 'utility:info',
            selectable: false
        });
        expect(rowOf(element, APAC)).toMatchObject({
            syncState: LABEL.OnDemandSync_UI_StateFailed,
            syncDetail: 'Account 2c92 is locked by another sync job',
            syncIcon: 'utility:error',
            selectable: true
        });
        expect(toasts).toEqual([
            {
                title: LABEL.OnDemandSync_UI_ToastPartial,
                message: '3 selected: 1 requested, 1 failed, 1 skipped.',
                variant: 'warning'
            }
        ]);
        expect($(element, 'partial-failure').textContent.trim()).toBe(
            '2 of 3 billing accounts were not synced. Each row says why.'
        );
        await expect(element).toBeAccessible();
    });

    it('says nothing was synced when no item was requested', async () => {
        const { element, toasts } = await render(ALL_READY);
        await select(element, [APAC]);
        requestSync.mockResolvedValue(copy({ ...PARTIAL, results: [PARTIAL.results[2]] }));

        $(element, 'sync').click();
        await flushPromises();
        expect(toasts[0]).toMatchObject({
            title: LABEL.OnDemandSync_UI_ToastNone,
            message: '1 selected: 0 requested, 1 failed, 0 skipped.',
            variant: 'error'
        });
        expect($(element, 'follow-up')).toBeNull();
    });

    it('marks an item the answer left out as failed', async () => {
        const { element } = await render();
        await select(element, [EU, APAC]);
        requestSync.mockResolvedValue(copy({ ...REQUESTED, results: [REQUESTED.results[0]] }));

        $(element, 'sync').click();
        await flushPromises();
        expect(rowOf(element, APAC)).toMatchObject({
            syncState: LABEL.OnDemandSync_UI_StateFailed,
            syncDetail: LABEL.OnDemandSync_UI_Msg_ItemNoResult
        });
    });

    it('shows an Apex error in the error panel and keeps the selection for another try', async () => {
        const { element, toasts } = await render();
        await select(element, [EU]);
        const message = 'Zuora could not take the request: Read timed out';
        requestSync.mockRejectedValue({
            status: 500,
            body: { message, exceptionType: 'System.AuraHandledException' }
        });

        $(element, 'sync').click();
        await flushPromises();
        const panel = $(element, 'sync-error');
        expect(panel.title).toBe(LABEL.OnDemandSync_UI_SyncErrorTitle);
        expect(panel.message).toBe(message);
        // The focus goes to the panel's title: inside the panel, so Tab reaches its Details.
        expect(panel.shadowRoot.activeElement).toBe(
            panel.shadowRoot.querySelector('[data-id="title"]')
        );
        expect(panel.hasAttribute('tabindex')).toBe(false);
        expect(toasts).toEqual([
            { title: LABEL.OnDemandSync_UI_SyncErrorTitle, message, variant: 'error' }
        ]);
        expect(rowOf(element, EU).syncState).toBe(LABEL.OnDemandSync_UI_StateReady);
        expect($(element, 'table').selectedRows).toEqual([EU]);
        expect($(element, 'sync').disabled).toBe(false);
        await expect(element).toBeAccessible();

        requestSync.mockResolvedValue(copy({ ...REQUESTED, results: [REQUESTED.results[0]] }));
        $(element, 'sync').click();
        await flushPromises();
        expect($(element, 'sync-error')).toBeNull();
        expect(requestSync).toHaveBeenCalledTimes(2);
    });

    it('switches to the permission state when the server answers INSUFFICIENT_ACCESS', async () => {
        const { element } = await render();
        await select(element, [EU]);
        requestSync.mockRejectedValue({
            status: 403,
            body: [{ errorCode: 'INSUFFICIENT_ACCESS', message: 'No permission' }]
        });
        $(element, 'sync').click();
        await flushPromises();
        expect($(element, 'notice').dataset.state).toBe('noPermission');
    });

    it('switches to the not-configured state when the server answers ZUORA_NOT_CONFIGURED', async () => {
        const { element } = await render();
        await select(element, [EU]);
        requestSync.mockRejectedValue({
            status: 500,
            body: [{ errorCode: 'ZUORA_NOT_CONFIGURED', message: 'Not set up' }]
        });
        $(element, 'sync').click();
        await flushPromises();
        expect($(element, 'notice').dataset.state).toBe('notConfigured');
    });

    it('warns before syncing when the org has nearly used up its API requests', async () => {
        const context = copy(CONTEXT);
        context.limits[0].used = 13800;
        context.canViewLimits = true;
        const { element } = await render(context);

        const panel = limitsPanel(element);
        expect(panel.warnings).toEqual([
            expect.objectContaining({
                name: 'DailyApiRequests',
                used: 13800,
                max: 15000,
                percent: 92,
                message:
                    "Your org has used 92% of today's API requests; syncs may fail until tomorrow."
            })
        ]);
        const warning = panel.shadowRoot.querySelector('[data-id="warning"]');
        expect(warning.textContent).toContain("92% of today's API requests");
        // The numbers for an admin: org readings only before a sync.
        expect(panel.showNumbers).toBe(true);
        expect(panel.limits.map((limit) => limit.name)).toEqual([
            'DailyApiRequests',
            'DailyAsyncApexExecutions'
        ]);
        await expect(element).toBeAccessible();
    });

    it("shows a rep the warning but not the admins' limits panel", async () => {
        const context = copy(CONTEXT);
        context.limits[0].used = 13800;
        context.canViewLimits = false;
        const { element } = await render(context);
        const panel = limitsPanel(element);
        expect(panel.warnings).toHaveLength(1);
        expect(panel.shadowRoot.querySelector('[data-id="warning"]')).not.toBeNull();
        expect(panel.showNumbers).toBe(false);
        expect(panel.shadowRoot.querySelector('[data-id="numbers"]')).toBeNull();
    });

    it('keeps the panel off for admins too when the design attribute turns it off', async () => {
        const context = copy(CONTEXT);
        context.canViewLimits = true;
        const { element } = await render(context, { showLimitsPanel: false });
        expect(limitsPanel(element).showNumbers).toBe(false);
    });

    it('applies the stricter of the design threshold and the org setting', async () => {
        const context = copy(CONTEXT);
        context.limits[0].used = 12750; // 85 %
        context.settings.warningThresholdPercent = 100;
        let { element } = await render(context, { warningThresholdPercent: 90 });
        expect(limitsPanel(element).warnings).toEqual([]);

        document.body.removeChild(element);
        context.settings.warningThresholdPercent = 85;
        ({ element } = await render(context, { warningThresholdPercent: 90 }));
        expect(limitsPanel(element).warnings.map((warning) => warning.percent)).toEqual([85]);
    });

    it('warns after syncing from the limits in the response', async () => {
        const { element } = await render();
        await select(element, [EU]);
        const answer = copy({ ...REQUESTED, results: [REQUESTED.results[0]] });
        answer.limits[0].used = 96; // Callouts
        requestSync.mockResolvedValue(answer);

        $(element, 'sync').click();
        await flushPromises();
        const panel = limitsPanel(element);
        expect(panel.warnings.map((warning) => warning.message)).toEqual([
            "The last sync used 96% of Salesforce's limit on calls to Zuora for one request; sync fewer records at a time."
        ]);
        expect(panel.warnings[0].severity).toBe('error');
        expect(panel.limits.map((limit) => `${limit.scope}:${limit.name}`)).toEqual([
            'org:DailyApiRequests',
            'org:DailyAsyncApexExecutions',
            'transaction:Callouts',
            'transaction:SoqlQueries',
            'transaction:DmlStatements',
            'transaction:CpuTime',
            'transaction:HeapSize'
        ]);
    });

    it('hides the numbers when the admin turned the limits panel off', async () => {
        const { element } = await render(CONTEXT, { showLimitsPanel: false });
        const panel = limitsPanel(element);
        expect(panel.showNumbers).toBe(false);
        expect(panel.shadowRoot.querySelector('[data-id="numbers"]')).toBeNull();
    });

    it('disables every row checkbox until the answer, and ignores selection changes', async () => {
        const element = await mountWithContext(ALL_READY);
        await select(element, [EU]);
        const answer = deferred();
        requestSync.mockReturnValue(answer.promise);

        $(element, 'sync').click();
        await flushPromises();
        expect([...$(element, 'table').disabledRows].sort()).toEqual([EU, US, LATAM, APAC].sort());
        chooseRows(element, [APAC]);
        await flushPromises();
        expect($(element, 'table').selectedRows).toEqual([]);

        const answered = copy(REQUESTED);
        answered.results = answered.results.filter((result) => result.id === EU);
        answer.resolve(answered);
        await flushPromises();
        // The synced row cools down; the others can be chosen again.
        const disabled = $(element, 'table').disabledRows;
        expect(disabled).toContain(EU);
        expect(disabled).not.toContain(US);
        expect(disabled).not.toContain(APAC);
        await select(element, [APAC]);
        expect($(element, 'table').selectedRows).toEqual([APAC]);
    });

    it('shows nothing of a sync answered after the rep moved to another record', async () => {
        const toasts = [];
        const element = await mountWithContext(
            CONTEXT,
            {},
            { lightning__showtoast: (event) => toasts.push(event.detail) }
        );
        await select(element, [EU, APAC]);
        const answer = deferred();
        requestSync.mockReturnValue(answer.promise);
        $(element, 'sync').click();
        await flushPromises();

        const other = copy(CONTEXT);
        other.accountId = OTHER_ACCOUNT_ID;
        getSyncContext.mockResolvedValue(other);
        element.recordId = OTHER_ACCOUNT_ID;
        await flushPromises();
        const contextCalls = getSyncContext.mock.calls.length;
        // The new record is ready at once: no spinner, nothing disabled by the old sync.
        expect($(element, 'syncing')).toBeNull();
        expect($(element, 'table').disabledRows).not.toContain(EU);

        answer.resolve(copy(REQUESTED));
        await flushPromises();
        expect(requestSync).toHaveBeenCalledWith(
            expect.objectContaining({ accountId: ACCOUNT_ID })
        );
        expect(toasts).toEqual([]);
        expect($(element, 'follow-up')).toBeNull();
        expect($(element, 'partial-failure')).toBeNull();
        expect(rowOf(element, APAC).selectable).toBe(true);
        expect($(element, 'announcer').textContent.trim()).toBe('');
        // No follow-up reads for the previous record.
        expect(getSyncContext.mock.calls.length).toBe(contextCalls);
    });
});
