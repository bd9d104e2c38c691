import { LightningElement, api } from 'lwc';
import startBackgroundSync from '@salesforce/apex/OnDemandSyncController.startBackgroundSync';
import getBackgroundJob from '@salesforce/apex/OnDemandSyncController.getBackgroundJob';
import { LABELS, STATUS_TEXT } from './labels';

/** How often a running job is read again. */
export const POLL_MS = 3000;
const SESSION_SIZE = 10;
/** OnDemandSyncJobCapacity: ids per execution with 100 callouts and a 10% margin. */
const IDS_PER_EXECUTION = 90;
const FINISHED = new Set(['COMPLETED', 'FAILED', 'ABORTED']);

function format(text, ...values) {
    return values.reduce((result, value, index) => result.split(`{${index}}`).join(value), text);
}

/**
 * Offers "Sync all N in the background" when an Account has more syncable billing accounts than
 * one selection takes, starts the job after a confirmation, and shows its progress, read from
 * the server (so it survives a reload). Fires `progress` whenever the counts change, so the card
 * reloads its rows as results arrive.
 */
export default class OnDemandSyncBackground extends LightningElement {
    @api recordId;
    /** Billing accounts of the Account that have a Zuora id. */
    @api syncableCount = 0;
    /** The most billing accounts one selection takes. */
    @api pageCap = 8;

    labels = LABELS;
    job = null;
    confirming = false;
    busy = false;
    errorText = null;
    connected = false;
    timer = null;

    connectedCallback() {
        this.connected = true;
        // Only an Account larger than a selection can have a job: a small one costs no request.
        if (this.syncableCount > this.pageCap) {
            this.read();
        }
    }

    disconnectedCallback() {
        this.connected = false;
        clearTimeout(this.timer);
    }

    get visible() {
        return this.job !== null || this.syncableCount > this.pageCap;
    }

    /** A new job can start: the Account is larger than a selection and none is running. */
    get canOffer() {
        return (
            this.syncableCount > this.pageCap &&
            (this.job === null || FINISHED.has(this.job.status))
        );
    }

    get offerText() {
        return format(LABELS.offer, this.syncableCount);
    }

    get confirmText() {
        const sessions = Math.ceil(this.syncableCount / SESSION_SIZE);
        const executions = Math.ceil(this.syncableCount / IDS_PER_EXECUTION);
        return format(LABELS.confirm, this.syncableCount, sessions, executions);
    }

    get statusText() {
        return STATUS_TEXT[this.job.status] || this.job.status;
    }

    get percentDone() {
        const { total, pending } = this.job;
        return total > 0 ? Math.round(((total - pending) * 100) / total) : 100;
    }

    get progressText() {
        const { requested, skipped, failed, pending, total } = this.job;
        return format(LABELS.progress, requested, skipped, failed, pending, total);
    }

    handleOffer() {
        this.confirming = true;
        this.errorText = null;
    }

    handleCancel() {
        this.confirming = false;
    }

    async handleStart() {
        if (this.busy) {
            return;
        }
        this.busy = true;
        try {
            this.show(await startBackgroundSync({ accountId: this.recordId }));
        } catch (error) {
            this.errorText = format(LABELS.error, messageOf(error));
        } finally {
            this.busy = false;
            this.confirming = false;
        }
    }

    async read() {
        if (!this.recordId || !this.connected) {
            return;
        }
        try {
            this.show(await getBackgroundJob({ accountId: this.recordId }));
        } catch (error) {
            this.errorText = format(LABELS.error, messageOf(error));
        }
    }

    show(job) {
        const before = this.job;
        this.job = job || null;
        this.errorText = null;
        const changed =
            this.job !== null &&
            (before === null ||
                before.jobId !== this.job.jobId ||
                before.pending !== this.job.pending ||
                before.status !== this.job.status);
        if (changed && before !== null) {
            this.dispatchEvent(new CustomEvent('progress', { detail: { ...this.job } }));
        }
        clearTimeout(this.timer);
        if (this.job !== null && !FINISHED.has(this.job.status) && this.connected) {
            // The job runs on the server; reading it again on a timer is how its progress shows.
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            this.timer = setTimeout(() => this.read(), POLL_MS);
        }
    }
}

function messageOf(error) {
    const body = error && error.body;
    return (body && body.message) || (error && error.message) || String(error);
}
