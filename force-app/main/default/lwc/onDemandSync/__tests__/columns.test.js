// Table columns and the choice between the table and the compact list.
jest.mock('../labels', () =>
    require('../../../../../test/jest-mocks/customLabels').withLabelTexts(
        jest.requireActual('../labels')
    )
);

const { COLUMNS } = require('../columns');
const { isCompact } = require('../layout');

describe('billing account columns', () => {
    it('shows five columns: the account number under the name, the explanation in the state', () => {
        expect(COLUMNS.map((column) => column.fieldName)).toEqual([
            'recordUrl',
            'status',
            'balance',
            'lastModified',
            'syncState'
        ]);
        const name = COLUMNS.find((column) => column.fieldName === 'recordUrl');
        expect(name.type).toBe('billingAccount');
        expect(name.typeAttributes).toEqual({
            label: { fieldName: 'name' },
            number: { fieldName: 'accountNumber' }
        });
        const state = COLUMNS.find((column) => column.fieldName === 'syncState');
        expect(state.type).toBe('syncState');
        expect(state.typeAttributes.detail).toEqual({ fieldName: 'syncDetail' });
        expect(state.typeAttributes.note).toEqual({ fieldName: 'syncNote' });
    });

    it('shows balances in their currency and times through the date type, in the user zone', () => {
        const balance = COLUMNS.find((column) => column.fieldName === 'balance');
        expect(balance.type).toBe('currency');
        expect(balance.typeAttributes.currencyCode).toEqual({ fieldName: 'currencyIsoCode' });
        // Lightning right-aligns currency cells unless a column says otherwise.
        expect(balance.cellAttributes).toBeUndefined();
        const lastUpdated = COLUMNS.find((column) => column.fieldName === 'lastModified');
        expect(lastUpdated.type).toBe('date');
        expect(lastUpdated.typeAttributes.timeZone).toEqual(expect.any(String));
    });

    it('gives every column but the name a fixed width, and no header menu', () => {
        expect(COLUMNS.filter((column) => !column.initialWidth).map((c) => c.fieldName)).toEqual([
            'recordUrl'
        ]);
        expect(COLUMNS.every((column) => column.hideDefaultActions)).toBe(true);
    });
});

describe('layout', () => {
    it('shows the compact list on a phone and in a narrow region, on any device', () => {
        expect(isCompact('Small')).toBe(true);
        expect(isCompact('Large', 'SMALL')).toBe(true);
        expect(isCompact('Medium', 'SMALL')).toBe(true);
        expect(isCompact('Small', 'LARGE')).toBe(true);
        expect(isCompact('Large', 'MEDIUM')).toBe(false);
        expect(isCompact('Large', 'LARGE')).toBe(false);
        expect(isCompact('Large')).toBe(false);
    });
});
