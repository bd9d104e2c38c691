import { LightningElement, api } from 'lwc';
import { LABELS } from './labels';

/**
 * The billing accounts as a compact list (a phone, a narrow region): each with a checkbox, its
 * name, its sync state with when it can sync again, and the explanation on a line of its own.
 * Same properties and `rowselection` event as lightning-datatable, so the card treats both alike.
 */
export default class OnDemandSyncList extends LightningElement {
    /** The rows to show (the card's visible rows). */
    @api data = [];
    /** Ids of the selected rows. */
    @api selectedRows = [];
    /** Ids of rows that cannot be selected. */
    @api disabledRows = [];
    /** Most rows that can be selected at once. */
    @api maxRowSelection;

    listLabel = LABELS.listLabel;

    get items() {
        const selected = new Set(this.selectedRows || []);
        const disabled = new Set(this.disabledRows || []);
        const full = selected.size >= (this.maxRowSelection || Infinity);
        return (this.data || []).map((row) => ({
            ...row,
            selected: selected.has(row.id),
            // As the datatable does at its cap: only the chosen rows stay changeable.
            disabled: disabled.has(row.id) || (full && !selected.has(row.id)),
            checkboxLabel: LABELS.selectRow.replace('{0}', () => row.name)
        }));
    }

    /** The card may refuse a change: every checkbox shows what the card holds, after each render. */
    renderedCallback() {
        const selected = new Set(this.selectedRows || []);
        this.template.querySelectorAll('lightning-input[data-row-id]').forEach((input) => {
            input.checked = selected.has(input.dataset.rowId);
        });
    }

    handleToggle(event) {
        const id = event.target.dataset.rowId;
        const selected = new Set(this.selectedRows || []);
        if (event.target.checked) {
            selected.add(id);
        } else {
            selected.delete(id);
        }
        const selectedRows = (this.data || []).filter((row) => selected.has(row.id));
        this.dispatchEvent(new CustomEvent('rowselection', { detail: { selectedRows } }));
    }
}
