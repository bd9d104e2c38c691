// Table columns for each form factor.
jest.mock('../labels', () =>
    require('../../../../../test/jest-mocks/customLabels').withLabelTexts(
        jest.requireActual('../labels')
    )
);

const { columnsFor, COLUMNS } = require('../columns');

describe('billing account columns', () => {
    it('shows every column on desktop and tablet, sharing the width the card has', () => {
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
        expect(columnsFor('Large').filter((column) => column.initialWidth)).toEqual([]);
    });

    it('keeps name, sync state and details on a phone', () => {
        const phone = columnsFor('Small');
        expect(phone.map((column) => column.label)).toEqual([
            'Billing account',
            'Sync state',
            'Details'
        ]);
    });

    it('keeps the same three columns in a narrow region of a record page, on any device', () => {
        expect(columnsFor('Large', 'SMALL')).toBe(columnsFor('Small'));
        expect(columnsFor('Medium', 'SMALL')).toBe(columnsFor('Small'));
        expect(columnsFor('Small', 'LARGE')).toBe(columnsFor('Small'));
        expect(columnsFor('Large', 'MEDIUM')).toHaveLength(7);
        expect(columnsFor('Large', 'LARGE')).toHaveLength(7);
    });
});
