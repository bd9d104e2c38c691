// Selecting billing accounts: unsyncable rows, the selection cap, filter and sort.
import {
    LABEL,
    EU,
    US,
    LATAM,
    APAC,
    flushPromises,
    $,
    rowOf,
    select,
    mountWithContext,
    useCardTestClock
} from '../../../../../test/onDemandSyncTestKit';

jest.mock('../labels', () =>
    require('../../../../../test/jest-mocks/customLabels').withLabelTexts(
        jest.requireActual('../labels')
    )
);

const CONTEXT = require('./data/getSyncContext.json');
const MANY = require('./data/getSyncContextMany.json');

describe('c-on-demand-sync selection', () => {
    useCardTestClock();

    it('marks rows that cannot be synced, disables them and says why and until when', async () => {
        const element = await mountWithContext(CONTEXT);
        const table = $(element, 'table');
        expect(table.disabledRows).toEqual([US, LATAM]);

        const latam = rowOf(element, LATAM);
        expect(latam.selectable).toBe(false);
        expect(latam.syncState).toBe(LABEL.OnDemandSync_UI_StateNoZuoraId);
        expect(latam.syncDetail).toBe(LABEL.OnDemandSync_UI_DetailNoZuoraId);
        expect(latam.syncIcon).toBe('utility:ban');

        const us = rowOf(element, US);
        expect(us.selectable).toBe(false);
        expect(us.syncState).toBe(LABEL.OnDemandSync_UI_StateCoolingDown);
        // 10:25 UTC in the test user's time zone (America/Los_Angeles), 25 minutes from now.
        expect(us.syncDetail).toMatch(/at 2:25\sAM \(in 25 min\)\.$/);
        expect(rowOf(element, EU).selectable).toBe(true);
        expect(rowOf(element, APAC).selectable).toBe(true);
    });

    it('disables Sync with the reason while nothing is selected', async () => {
        const element = await mountWithContext(CONTEXT);
        expect($(element, 'sync').disabled).toBe(true);
        expect($(element, 'selection-status').textContent.trim()).toBe(
            LABEL.OnDemandSync_UI_Msg_SelectionEmpty
        );

        await select(element, [EU]);
        expect($(element, 'sync').disabled).toBe(false);
        expect($(element, 'selection-status').textContent.trim()).toBe('1 of at most 8 selected.');
        expect($(element, 'table').selectedRows).toEqual([EU]);
    });

    it('refuses an unsyncable row and tells the rep why, also to screen readers', async () => {
        const element = await mountWithContext(CONTEXT);
        await select(element, [EU, US]);

        expect($(element, 'table').selectedRows).toEqual([EU]);
        const notice = $(element, 'selection-notice').textContent.trim();
        expect(notice).toMatch(/^Acme US can't be selected: Zuora takes one sync per account/);
        expect($(element, 'announcer').textContent.trim()).toBe(notice);
    });

    it('caps the selection at the maximum and shows the reason when the cap is reached', async () => {
        const element = await mountWithContext(MANY);
        const table = $(element, 'table');
        expect(table.maxRowSelection).toBe(8);
        const ids = table.data.map((row) => row.id);

        await select(element, ids.slice(0, 7));
        expect($(element, 'selection-notice')).toBeNull();

        await select(element, ids.slice(0, 8));
        expect($(element, 'table').selectedRows).toHaveLength(8);
        const notice = $(element, 'selection-notice').textContent.trim();
        expect(notice).toBe(
            "You've selected the maximum of 8. Zuora syncs at most 8 billing accounts at a time: sync these first, then the rest."
        );
        expect($(element, 'announcer').textContent.trim()).toBe(notice);

        // More than the cap at once (e.g. a select-all): the earlier choices are kept.
        await select(element, ids);
        expect($(element, 'table').selectedRows).toEqual(ids.slice(0, 8));
    });

    it('honours a lower maximum set by the admin', async () => {
        const element = await mountWithContext(MANY, { maxSelection: 2 });
        const ids = $(element, 'table').data.map((row) => row.id);
        await select(element, ids.slice(0, 3));
        expect($(element, 'table').selectedRows).toEqual(ids.slice(0, 2));
        expect($(element, 'selection-status').textContent.trim()).toBe('2 of at most 2 selected.');
    });

    it('offers no filter for a few rows', async () => {
        const element = await mountWithContext(CONTEXT);
        expect($(element, 'filter')).toBeNull();
    });

    it('filters many rows, keeping selected rows in the list', async () => {
        const element = await mountWithContext(MANY);
        const berlin = rowOf(element, 'a0X8d00000Np4WdEAJ');
        await select(element, [berlin.id]);

        const filter = $(element, 'filter');
        filter.dispatchEvent(new CustomEvent('change', { detail: { value: 'mad' } }));
        await flushPromises();
        expect($(element, 'table').data.map((row) => row.name)).toEqual([
            'Globex Berlin',
            'Globex Madrid'
        ]);
        expect($(element, 'filter-status').textContent.trim()).toBe(
            'Showing 2 of 11 billing accounts. Selected ones always stay in the list.'
        );

        filter.dispatchEvent(new CustomEvent('change', { detail: { value: 'nowhere' } }));
        await select(element, []);
        expect($(element, 'table').data).toHaveLength(0);
        expect($(element, 'filter-status').textContent.trim()).toBe(
            'No billing accounts match "nowhere".'
        );
        await expect(element).toBeAccessible();
    });

    it('sorts by name, by number and keeps empty values last', async () => {
        const element = await mountWithContext(CONTEXT);
        const table = $(element, 'table');

        table.dispatchEvent(
            new CustomEvent('sort', { detail: { fieldName: 'recordUrl', sortDirection: 'desc' } })
        );
        await flushPromises();
        expect(table.sortedBy).toBe('recordUrl');
        expect(table.sortedDirection).toBe('desc');
        expect(table.data.map((row) => row.name)).toEqual([
            'Acme US',
            'Acme Latam (not yet in Zuora)',
            'Acme EU',
            'Acme APAC'
        ]);

        table.dispatchEvent(
            new CustomEvent('sort', { detail: { fieldName: 'balance', sortDirection: 'asc' } })
        );
        await flushPromises();
        expect(table.data.map((row) => row.balance)).toEqual([0, 87.25, 1250.5, null]);
    });
});
