// After Zuora accepts a request the data still has to arrive: the card reads the context again
// with backoff for up to 10 minutes, marks rows Updated and refreshes the record page.
import getSyncContext from '@salesforce/apex/OnDemandSyncController.getSyncContext';
import requestSync from '@salesforce/apex/OnDemandSyncController.requestSync';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import {
    LABEL,
    NOW,
    ACCOUNT_ID,
    OTHER_ACCOUNT_ID,
    EU,
    US,
    APAC,
    copy,
    addCard,
    removeCards,
    $,
    rowOf,
    chooseRows
} from '../../../../../test/onDemandSyncTestKit';

jest.mock('../labels', () =>
    require('../../../../../test/jest-mocks/customLabels').withLabelTexts(
        jest.requireActual('../labels')
    )
);

const CONTEXT = require('./data/getSyncContext.json');
const REQUESTED = require('./data/requestSync.json');

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Lets resolved promises and re-renders run without moving the fake clock. */
async function flush() {
    for (let i = 0; i < 5; i++) {
        // eslint-disable-next-line no-await-in-loop
        await jest.advanceTimersByTimeAsync(0);
    }
}

/** The context as Zuora's write leaves it: these billing accounts changed at `at`. */
function contextWithChanges(ids, at) {
    const context = copy(CONTEXT);
    context.billingAccounts.forEach((account) => {
        if (ids.includes(account.id)) {
            account.lastModified = new Date(at).toISOString();
        }
    });
    return context;
}

let hidden = false;

async function renderAndSync() {
    getSyncContext.mockResolvedValue(copy(CONTEXT));
    const refreshes = [];
    const element = addCard({}, { lightning__refresh: (event) => refreshes.push(event) });
    await flush();

    chooseRows(element, [EU, APAC]);
    requestSync.mockResolvedValue(copy(REQUESTED));
    await flush();
    $(element, 'sync').click();
    await flush();
    getSyncContext.mockClear();
    return { element, refreshes };
}

function setHidden(value) {
    hidden = value;
    document.dispatchEvent(new CustomEvent('visibilitychange'));
}

describe('c-on-demand-sync follow-up', () => {
    beforeAll(() => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    });

    beforeEach(() => {
        hidden = false;
        jest.useFakeTimers({ now: NOW });
    });

    afterEach(() => {
        removeCards();
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    it('reads the context again with backoff and marks each row Updated when its data arrives', async () => {
        const { element, refreshes } = await renderAndSync();
        getSyncContext.mockResolvedValue(copy(CONTEXT));

        await jest.advanceTimersByTimeAsync(5 * SECOND - 1);
        expect(getSyncContext).not.toHaveBeenCalled();
        await jest.advanceTimersByTimeAsync(1);
        await flush();
        expect(getSyncContext).toHaveBeenCalledTimes(1);
        expect(getSyncContext).toHaveBeenCalledWith({ accountId: ACCOUNT_ID });
        expect(rowOf(element, EU).syncState).toBe(LABEL.OnDemandSync_UI_StateRequested);
        expect(refreshes).toHaveLength(0);

        // Zuora's data for Acme EU arrives; the next check is 10 s later.
        getSyncContext.mockResolvedValue(contextWithChanges([EU], NOW + 12 * SECOND));
        await jest.advanceTimersByTimeAsync(10 * SECOND);
        await flush();
        expect(getSyncContext).toHaveBeenCalledTimes(2);
        expect(rowOf(element, EU)).toMatchObject({
            syncState: LABEL.OnDemandSync_UI_StateUpdated,
            syncIcon: 'utility:success'
        });
        expect(rowOf(element, EU).syncDetail).toMatch(
            /^New data from Zuora arrived at 2:00\sAM\. You can sync it again at 2:30\sAM\.$/
        );
        expect(rowOf(element, APAC).syncState).toBe(LABEL.OnDemandSync_UI_StateRequested);
        expect(refreshes).toHaveLength(1);
        expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([
            { recordId: ACCOUNT_ID },
            { recordId: EU }
        ]);
        expect($(element, 'announcer').textContent.trim()).toBe(
            'Acme EU: new data from Zuora arrived.'
        );

        // Then Acme APAC, 20 s later: nothing is left to wait for, the checks stop.
        getSyncContext.mockResolvedValue(contextWithChanges([EU, APAC], NOW + 30 * SECOND));
        await jest.advanceTimersByTimeAsync(20 * SECOND);
        await flush();
        expect(getSyncContext).toHaveBeenCalledTimes(3);
        expect(rowOf(element, APAC).syncState).toBe(LABEL.OnDemandSync_UI_StateUpdated);
        expect(refreshes).toHaveLength(2);
        expect($(element, 'follow-up').textContent.trim()).toBe(LABEL.OnDemandSync_UI_FollowUpDone);

        await jest.advanceTimersByTimeAsync(15 * MINUTE);
        expect(getSyncContext).toHaveBeenCalledTimes(3);
    });

    it('gives up after 10 minutes and says the data has not arrived yet', async () => {
        const { element, refreshes } = await renderAndSync();
        getSyncContext.mockResolvedValue(copy(CONTEXT));

        await jest.advanceTimersByTimeAsync(10 * MINUTE);
        await flush();
        // 5, 15, 35, 75 s, then every minute, and a last check at the 10-minute mark.
        expect(getSyncContext).toHaveBeenCalledTimes(13);
        expect(rowOf(element, EU)).toMatchObject({
            syncState: LABEL.OnDemandSync_UI_StateNotArrived,
            syncDetail:
                'No new data arrived within 10 minutes. Zuora may still be working; check again later.'
        });
        expect($(element, 'follow-up').textContent.trim()).toBe(
            'Stopped checking after 10 minutes; some data has not arrived yet. Reload the page later to see it.'
        );
        expect(refreshes).toHaveLength(0);

        await jest.advanceTimersByTimeAsync(30 * MINUTE);
        expect(getSyncContext).toHaveBeenCalledTimes(13);
    });

    it('keeps checking when one read fails', async () => {
        const { element } = await renderAndSync();
        getSyncContext.mockRejectedValueOnce({ status: 500, body: { message: 'Busy' } });
        getSyncContext.mockResolvedValue(contextWithChanges([EU, APAC], NOW + 10 * SECOND));

        await jest.advanceTimersByTimeAsync(15 * SECOND);
        await flush();
        expect(getSyncContext).toHaveBeenCalledTimes(2);
        expect(rowOf(element, EU).syncState).toBe(LABEL.OnDemandSync_UI_StateUpdated);
        expect($(element, 'error')).toBeNull();
    });

    it('stops checking when the card is removed from the page', async () => {
        const { element } = await renderAndSync();
        getSyncContext.mockResolvedValue(copy(CONTEXT));
        document.body.removeChild(element);

        await jest.advanceTimersByTimeAsync(15 * MINUTE);
        expect(getSyncContext).not.toHaveBeenCalled();
    });

    it('forgets the syncs of the previous record when the record changes', async () => {
        const { element } = await renderAndSync();
        const other = copy(CONTEXT);
        other.accountId = OTHER_ACCOUNT_ID;
        getSyncContext.mockResolvedValue(other);
        element.recordId = OTHER_ACCOUNT_ID;
        await flush();
        expect(getSyncContext).toHaveBeenCalledTimes(1);
        expect(rowOf(element, EU).syncState).toBe(LABEL.OnDemandSync_UI_StateReady);
        expect($(element, 'follow-up')).toBeNull();

        await jest.advanceTimersByTimeAsync(15 * MINUTE);
        expect(getSyncContext).toHaveBeenCalledTimes(1);
    });

    it('stops checking while the page is hidden and checks at once when it shows again', async () => {
        const { element } = await renderAndSync();
        getSyncContext.mockResolvedValue(copy(CONTEXT));

        setHidden(true);
        await jest.advanceTimersByTimeAsync(3 * MINUTE);
        await flush();
        expect(getSyncContext).not.toHaveBeenCalled();
        expect($(element, 'follow-up').textContent.trim()).toBe(
            LABEL.OnDemandSync_UI_FollowUpPaused
        );

        getSyncContext.mockResolvedValue(contextWithChanges([EU, APAC], NOW + MINUTE));
        setHidden(false);
        await flush();
        expect(getSyncContext).toHaveBeenCalledTimes(1);
        expect(rowOf(element, APAC).syncState).toBe(LABEL.OnDemandSync_UI_StateUpdated);
        expect($(element, 'follow-up').textContent.trim()).toBe(LABEL.OnDemandSync_UI_FollowUpDone);
    });

    it('makes a row selectable again when its cooldown ends', async () => {
        getSyncContext.mockResolvedValue(copy(CONTEXT));
        const element = addCard();
        await flush();
        expect(rowOf(element, US).selectable).toBe(false);

        await jest.advanceTimersByTimeAsync(25 * MINUTE + 2 * SECOND);
        await flush();
        expect(rowOf(element, US)).toMatchObject({
            selectable: true,
            syncState: LABEL.OnDemandSync_UI_StateReady
        });
        expect($(element, 'table').disabledRows).not.toContain(US);
        expect(getSyncContext).toHaveBeenCalledTimes(1);
    });
});
