import LightningDatatable from 'lightning/datatable';
import billingAccountTemplate from './billingAccount.html';
import syncStateTemplate from './syncState.html';

/**
 * The billing account table: Lightning's datatable with two cell types of its own, so that a row
 * stays two lines high and a screen reader still reads everything:
 * - `billingAccount`: the name as a link (the whole name as its tooltip), the account number
 *   under it;
 * - `syncState`: the state's icon and short text, a short note under it (when the row can sync
 *   again), and the long explanation as the cell's tooltip and as assistive text.
 */
export default class OnDemandSyncTable extends LightningDatatable {
    static customTypes = {
        billingAccount: {
            template: billingAccountTemplate,
            standardCellLayout: true,
            typeAttributes: ['label', 'number']
        },
        syncState: {
            template: syncStateTemplate,
            standardCellLayout: true,
            typeAttributes: ['icon', 'note', 'detail']
        }
    };
}
