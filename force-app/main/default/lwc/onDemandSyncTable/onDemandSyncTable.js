import LightningDatatable from 'lightning/datatable';
import syncStateTemplate from './syncState.html';

/**
 * The billing account table: Lightning's datatable with one cell type of its own, `syncState`:
 * the state's icon and short text, a short note under it (when the row can sync again), and the
 * long explanation as the cell's tooltip and as assistive text, so that a row stays one or two
 * lines high and a screen reader still reads everything.
 */
export default class OnDemandSyncTable extends LightningDatatable {
    static customTypes = {
        syncState: {
            template: syncStateTemplate,
            standardCellLayout: true,
            typeAttributes: ['icon', 'note', 'detail']
        }
    };
}
