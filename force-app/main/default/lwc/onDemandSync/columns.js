// Columns of the billing account table in a wide region (the main column of a record page).
// Fixed widths for the columns whose values have a known length (numbers, dates, short states),
// so that no header, amount or time is cut at 1280 px and wider; the name, with the account
// number under it, takes the rest (a long name ends in an ellipsis, whole in its tooltip). A
// narrow region or a phone gets the compact list instead (layout.js).
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { LABELS } from './labels';

const fixed = (width) => ({ initialWidth: width, hideDefaultActions: true, sortable: true });

export const COLUMNS = Object.freeze([
    {
        label: LABELS.columnName,
        fieldName: 'recordUrl',
        // onDemandSyncTable's cell: the name as a link on one line (the whole name as tooltip),
        // the account number under it.
        type: 'billingAccount',
        typeAttributes: { label: { fieldName: 'name' }, number: { fieldName: 'accountNumber' } },
        hideDefaultActions: true,
        sortable: true
    },
    { ...fixed(85), label: LABELS.columnStatus, fieldName: 'status', type: 'text' },
    {
        ...fixed(140),
        label: LABELS.columnBalance,
        fieldName: 'balance',
        // Lightning's currency cell: right-aligned, in the row's own currency.
        type: 'currency',
        typeAttributes: {
            currencyCode: { fieldName: 'currencyIsoCode' },
            currencyDisplayAs: 'code'
        }
    },
    {
        ...fixed(170),
        label: LABELS.columnLastUpdated,
        fieldName: 'lastModified',
        type: 'date',
        // The short date and time Lightning shows in related lists ("12/3/2026, 6:05 AM").
        typeAttributes: {
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: '2-digit',
            // The user's Salesforce time zone, as the sentences beside it (time.js) use.
            timeZone: TIME_ZONE
        }
    },
    {
        ...fixed(170),
        label: LABELS.columnSyncState,
        fieldName: 'syncState',
        // onDemandSyncTable's cell: icon and state, when it can sync again, the explanation as
        // tooltip and assistive text.
        type: 'syncState',
        typeAttributes: {
            icon: { fieldName: 'syncIcon' },
            note: { fieldName: 'syncNote' },
            detail: { fieldName: 'syncDetail' }
        }
    }
]);
