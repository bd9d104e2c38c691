// Columns of the billing account table; the datatable shares the card's width between them.
// On a phone (form factor Small), and in a narrow region of a record page such as its right-hand
// column (flexipageRegionWidth SMALL), only what a rep needs to choose and to see a result.
import FORM_FACTOR from '@salesforce/client/formFactor';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { LABELS } from './labels';

const PHONE_COLUMNS = ['recordUrl', 'syncState', 'syncDetail'];

const ALL_COLUMNS = Object.freeze([
    {
        label: LABELS.columnName,
        fieldName: 'recordUrl',
        type: 'url',
        typeAttributes: { label: { fieldName: 'name' }, target: '_self' },
        sortable: true,
        wrapText: true
    },
    {
        label: LABELS.columnAccountNumber,
        fieldName: 'accountNumber',
        type: 'text',
        sortable: true
    },
    {
        label: LABELS.columnStatus,
        fieldName: 'status',
        type: 'text',
        sortable: true
    },
    {
        label: LABELS.columnBalance,
        fieldName: 'balance',
        type: 'currency',
        typeAttributes: {
            currencyCode: { fieldName: 'currencyIsoCode' },
            currencyDisplayAs: 'code'
        },
        cellAttributes: { alignment: 'left' },
        sortable: true
    },
    {
        label: LABELS.columnLastUpdated,
        fieldName: 'lastModified',
        type: 'date',
        typeAttributes: {
            year: 'numeric',
            month: 'short',
            day: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
            // The user's Salesforce time zone, as the sentences beside it (time.js) use.
            timeZone: TIME_ZONE
        },
        sortable: true
    },
    {
        label: LABELS.columnSyncState,
        fieldName: 'syncState',
        type: 'text',
        cellAttributes: { iconName: { fieldName: 'syncIcon' } },
        sortable: true
    },
    {
        label: LABELS.columnDetails,
        fieldName: 'syncDetail',
        type: 'text',
        wrapText: true
    }
]);

// One array per layout: the datatable sees the same columns on every render.
const COMPACT_COLUMNS = Object.freeze(
    ALL_COLUMNS.filter((column) => PHONE_COLUMNS.includes(column.fieldName))
);

/**
 * The columns for a form factor ('Large', 'Medium' or 'Small') and, on a record page, the width
 * of the region holding the card ('SMALL', 'MEDIUM' or 'LARGE'; undefined elsewhere).
 */
export function columnsFor(formFactor, regionWidth) {
    return formFactor === 'Small' || regionWidth === 'SMALL' ? COMPACT_COLUMNS : ALL_COLUMNS;
}

export const COLUMNS = columnsFor(FORM_FACTOR);

/** The columns for this device and a region width. */
export function columnsForRegion(regionWidth) {
    return columnsFor(FORM_FACTOR, regionWidth);
}
