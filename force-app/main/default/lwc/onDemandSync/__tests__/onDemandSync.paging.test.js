// Many billing accounts: the table draws a page of rows and the next one as the rep scrolls to its
// end, while the filter, sort, selection and sync results still cover every row.
import getSyncContext from '@salesforce/apex/OnDemandSyncController.getSyncContext';
import requestSync from '@salesforce/apex/OnDemandSyncController.requestSync';
import {
    LABEL,
    copy,
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

const MANY = require('./data/getSyncContextMany.json');
const TOTAL = 120;

/** The many-rows context with TOTAL billing accounts: Branch 001 to Branch 120. */
function bigContext() {
    const context = copy(MANY);
    const template = context.billingAccounts[0];
    context.billingAccounts = Array.from({ length: TOTAL }, (_, index) => {
        const number = String(index + 1).padStart(3, '0');
        return {
            ...template,
            id: `a0X8d00000Pg${number}`,
            name: `Branch ${number}`,
            accountNumber: `A00009${number}`,
            zuoraId: `2c92c0f8aa99bde1465df5fca27d6${number}`
        };
    });
    return context;
}

function render() {
    return mountWithContext(bigContext());
}

const names = (element) => $(element, 'table').data.map((row) => row.name);

async function loadMore(element) {
    $(element, 'table').dispatchEvent(new CustomEvent('loadmore'));
    await flushPromises();
}

async function filter(element, value) {
    $(element, 'filter').dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await flushPromises();
}

describe('c-on-demand-sync paging', () => {
    useCardTestClock();

    it('draws the first page only and the next one each time the rep reaches the end', async () => {
        const element = await render();
        const table = $(element, 'table');
        expect(table.data).toHaveLength(50);
        expect(table.data[0].name).toBe('Branch 001');
        expect(table.enableInfiniteLoading).toBe(true);

        await loadMore(element);
        expect($(element, 'table').data).toHaveLength(100);
        await loadMore(element);
        expect($(element, 'table').data).toHaveLength(TOTAL);
        expect($(element, 'table').enableInfiniteLoading).toBe(false);
        await loadMore(element);
        expect($(element, 'table').data).toHaveLength(TOTAL);
    });

    it('filters every row, not just the drawn ones, and counts them all', async () => {
        const element = await render();
        await filter(element, 'branch 11');
        expect(names(element)).toEqual([
            'Branch 110',
            'Branch 111',
            'Branch 112',
            'Branch 113',
            'Branch 114',
            'Branch 115',
            'Branch 116',
            'Branch 117',
            'Branch 118',
            'Branch 119'
        ]);
        expect($(element, 'table').enableInfiniteLoading).toBe(false);
        expect($(element, 'filter-status').textContent.trim()).toBe(
            `Showing 10 of ${TOTAL} billing accounts. Selected ones always stay in the list.`
        );

        // A new filter starts again at the first page.
        await filter(element, 'branch');
        expect($(element, 'table').data).toHaveLength(50);
        expect($(element, 'filter-status').textContent.trim()).toBe(
            `Showing ${TOTAL} of ${TOTAL} billing accounts. Selected ones always stay in the list.`
        );
    });

    it('sorts every row before drawing the first page', async () => {
        const element = await render();
        $(element, 'table').dispatchEvent(
            new CustomEvent('sort', { detail: { fieldName: 'recordUrl', sortDirection: 'desc' } })
        );
        await flushPromises();
        expect(names(element).slice(0, 2)).toEqual(['Branch 120', 'Branch 119']);
        expect($(element, 'table').data).toHaveLength(50);
    });

    it('keeps every selection when more rows load, the filter changes or a row is out of sight', async () => {
        const element = await render();
        const first = rowOf(element, 'a0X8d00000Pg001').id;
        await select(element, [first]);
        await loadMore(element);
        const later = $(element, 'table').data[80].id;
        await select(element, [first, later]);
        expect($(element, 'table').selectedRows).toEqual([first, later]);

        // Filtered out: the selected rows stay in the list and selected.
        await filter(element, 'branch 12');
        expect(names(element)).toEqual(['Branch 001', 'Branch 081', 'Branch 120']);
        expect($(element, 'table').selectedRows).toEqual([first, later]);

        // Sorted so that one is beyond the first page: choosing another row keeps it.
        await filter(element, '');
        $(element, 'table').dispatchEvent(
            new CustomEvent('sort', { detail: { fieldName: 'recordUrl', sortDirection: 'desc' } })
        );
        await flushPromises();
        expect(rowOf(element, first)).toBeUndefined();
        const top = $(element, 'table').data[0].id;
        await select(element, [later, top]);
        expect($(element, 'table').selectedRows).toEqual([first, later, top]);
        expect($(element, 'selection-status').textContent.trim()).toBe('3 of at most 8 selected.');
    });

    it('shows the result of a sync on a row of a later page', async () => {
        const element = await render();
        await loadMore(element);
        const row = $(element, 'table').data[70];
        await select(element, [row.id]);
        requestSync.mockResolvedValue({
            requestId: 'paging',
            results: [
                {
                    id: row.id,
                    zuoraId: row.zuoraId,
                    name: row.name,
                    status: 'REQUESTED',
                    message: 'Sync requested.',
                    cooldownUntil: null
                }
            ],
            limits: []
        });
        getSyncContext.mockResolvedValue(bigContext());

        $(element, 'sync').click();
        await flushPromises();
        await flushPromises();
        expect($(element, 'table').data).toHaveLength(100);
        expect(rowOf(element, row.id).syncState).toBe(LABEL.OnDemandSync_UI_StateRequested);
    });
});
