// Table columns for each form factor.
jest.mock('../labels', () =>
    require('../../../../../test/jest-mocks/customLabels').withLabelTexts(
        jest.requireActual('../labels')
    )
);

const { columnsFor, COLUMNS } = require('../columns');

describe('billing account columns', () => {
    it('shows every column on desktop and tablet, Details taking the remaining width', () => {
        expect(COLUMNS).toBe(columnsFor('Large'));
        expect(columnsFor('Medium').map((column) => column.fieldName)).toEqual([
            'recordUrl',
            'accountNumber',
            'status',
            'balance',
            'lastModified',
            'syncState',
            'syncDetail'
        ]);
        expect(columnsFor('Large').find((c) => c.fieldName === 'syncDetail').initialWidth).toBe(
            undefined
        );
    });

    it('keeps name, sync state and details on a phone, without fixed widths', () => {
        const phone = columnsFor('Small');
        expect(phone.map((column) => [column.label, column.initialWidth])).toEqual([
            ['Billing account', undefined],
            ['Sync state', undefined],
            ['Details', undefined]
        ]);
    });
});
