// The summary toast after a sync.
import { LABELS } from './labels';

/** Success when all were requested, warning when some were, error when none was. */
export function summaryToast(summary, message) {
    if (summary.requested === summary.total) {
        return { title: LABELS.toastRequested, message, variant: 'success' };
    }
    if (summary.requested > 0) {
        return { title: LABELS.toastPartial, message, variant: 'warning' };
    }
    return { title: LABELS.toastNone, message, variant: 'error' };
}
