// Texts of the compact list (Custom Labels).
import SELECT_ROW from '@salesforce/label/c.OnDemandSync_UI_SelectRow';
import LIST_LABEL from '@salesforce/label/c.OnDemandSync_UI_ListLabel';

export const LABELS = Object.freeze({
    selectRow: SELECT_ROW,
    listLabel: LIST_LABEL
});
