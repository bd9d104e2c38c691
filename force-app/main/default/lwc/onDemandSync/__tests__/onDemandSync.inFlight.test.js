// A sync in flight: its row checkboxes are disabled, and when the rep moves to another record
// before the answer, that answer (its toast, summary and follow-up) does not appear there.
import getSyncContext from '@salesforce/apex/OnDemandSyncController.getSyncContext';
import requestSync from '@salesforce/apex/OnDemandSyncController.requestSync';
import {
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

function deferred() {
    let resolve;
    const promise = new Promise((res) => {
        resolve = res;
    });
    return { promise, resolve };
}

describe('c-on-demand-sync with a sync in flight', () => {
    useCardTestClock();

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
