// Texts of the background sync panel (Custom Labels).
import TITLE from '@salesforce/label/c.OnDemandSync_UI_BackgroundTitle';
import OFFER from '@salesforce/label/c.OnDemandSync_UI_BackgroundOffer';
import CONFIRM from '@salesforce/label/c.OnDemandSync_UI_BackgroundConfirm';
import START from '@salesforce/label/c.OnDemandSync_UI_BackgroundStart';
import CANCEL from '@salesforce/label/c.OnDemandSync_UI_BackgroundCancel';
import PROGRESS from '@salesforce/label/c.OnDemandSync_UI_BackgroundProgress';
import ERROR from '@salesforce/label/c.OnDemandSync_UI_BackgroundError';
import STATUS_QUEUED from '@salesforce/label/c.OnDemandSync_UI_BackgroundStatusQueued';
import STATUS_RUNNING from '@salesforce/label/c.OnDemandSync_UI_BackgroundStatusRunning';
import STATUS_COMPLETED from '@salesforce/label/c.OnDemandSync_UI_BackgroundStatusCompleted';
import STATUS_FAILED from '@salesforce/label/c.OnDemandSync_UI_BackgroundStatusFailed';
import STATUS_ABORTED from '@salesforce/label/c.OnDemandSync_UI_BackgroundStatusAborted';

export const LABELS = {
    title: TITLE,
    offer: OFFER,
    confirm: CONFIRM,
    start: START,
    cancel: CANCEL,
    progress: PROGRESS,
    error: ERROR
};

/** The job's status, in the rep's words. */
export const STATUS_TEXT = {
    QUEUED: STATUS_QUEUED,
    RUNNING: STATUS_RUNNING,
    COMPLETED: STATUS_COMPLETED,
    FAILED: STATUS_FAILED,
    ABORTED: STATUS_ABORTED
};
