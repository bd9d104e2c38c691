/**
 * A simulated Zuora behind the gateway seam, behaving as Zuora documents On-Demand Sync:
 * - one Apex callout per item; when the transaction has no callout left, the remaining items
 *   come back as failures, not as an exception;
 * - only one sync per Zuora account at a time: a request for an account whose sync is still
 *   running is dropped. Assumption (Zuora does not document the answer): the dropped request is
 *   still acknowledged as a success with a job id, so nothing tells the caller; the job is
 *   recorded as DROPPED and brings no fresh data;
 * - the data arrives later: a job completes `syncMinutes` after the request, and Zuora's writes
 *   then spend the org's daily API requests.
 */
import type { Clock } from '../clock';
import { SeededRandom } from '../random';
import { delay } from '../delay';
import type {
    GatewayContext,
    GatewayResult,
    GatewaySession,
    OnDemandSyncGateway,
    SessionItem
} from './gateway';

export type SyncJobState = 'RUNNING' | 'COMPLETED' | 'DROPPED';

export interface SyncJob {
    readonly jobId: string;
    readonly recordId: string | null;
    readonly zuoraId: string | null;
    /** ISO time Zuora took the request. */
    readonly requestedAt: string;
    /** ISO time the data is written back. */
    readonly completesAt: string;
    state: SyncJobState;
}

export interface SimulatedZuoraOptions {
    readonly clock: Clock;
    /** Seed of the job ids. Default 1. */
    readonly seed?: number;
    /** Minutes from request to fresh data in Salesforce. Default 3. */
    readonly syncMinutes?: number;
    /** API requests Zuora spends writing one account's data back. Default 6. */
    readonly apiRequestsPerSync?: number;
    /** Real milliseconds each callout takes. Default none. */
    readonly calloutLatencyMs?: () => number;
    /** Zuora's refusal message for an item, or null when Zuora takes it. */
    readonly refusal?: (item: SessionItem) => string | null;
    /** When it returns a message, the whole call throws it (Zuora unreachable). */
    readonly outage?: () => string | null;
    /** Called when a job's data has arrived, with the API requests it spent. */
    readonly onSynced?: (job: SyncJob, apiRequests: number) => void;
}

/** The message of an item that found no callout left in the transaction. */
export const CALLOUT_LIMIT_MESSAGE =
    'Not sent: this request reached the Salesforce limit of 100 callouts per transaction.';

export class SimulatedZuoraGateway implements OnDemandSyncGateway {
    private readonly log: SyncJob[] = [];
    private readonly random: SeededRandom;

    constructor(private readonly options: SimulatedZuoraOptions) {
        this.random = new SeededRandom(options.seed ?? 1);
    }

    async send(session: GatewaySession, context: GatewayContext): Promise<GatewayResult[]> {
        const outage = this.options.outage?.() ?? null;
        if (outage !== null) {
            throw new Error(outage);
        }
        this.settle(context.now);
        const results: GatewayResult[] = [];
        for (const item of session.items) {
            results.push(await this.sendItem(item, context));
        }
        return results;
    }

    private async sendItem(item: SessionItem, context: GatewayContext): Promise<GatewayResult> {
        if (!context.transaction.useCallout()) {
            return this.result(item, false, null, CALLOUT_LIMIT_MESSAGE);
        }
        await delay(this.options.calloutLatencyMs?.() ?? 0);
        const refusal = this.options.refusal?.(item) ?? null;
        if (refusal !== null) {
            return this.result(item, false, null, refusal);
        }
        const job: SyncJob = {
            jobId: this.random.hex(32),
            recordId: item.recordId,
            zuoraId: item.zuoraId,
            requestedAt: context.now.toISOString(),
            completesAt: new Date(
                context.now.getTime() + (this.options.syncMinutes ?? 3) * 60000
            ).toISOString(),
            state: this.running(item) ? 'DROPPED' : 'RUNNING'
        };
        this.log.push(job);
        return this.result(item, true, job.jobId, null);
    }

    /** Completes the jobs whose data has arrived by `now`. */
    settle(now: Date): void {
        for (const job of this.log) {
            if (job.state === 'RUNNING' && Date.parse(job.completesAt) <= now.getTime()) {
                job.state = 'COMPLETED';
                this.options.onSynced?.(job, this.options.apiRequestsPerSync ?? 6);
            }
        }
    }

    /** Every job Zuora took, oldest first. */
    jobs(): readonly SyncJob[] {
        return this.log.map((job) => ({ ...job }));
    }

    clear(): void {
        this.log.length = 0;
    }

    /** True while a sync of the same Zuora account (or record) is running. */
    private running(item: SessionItem): boolean {
        const zuora = item.zuoraId?.toLowerCase() ?? null;
        return this.log.some(
            (job) =>
                job.state === 'RUNNING' &&
                ((zuora !== null && job.zuoraId?.toLowerCase() === zuora) ||
                    (item.recordId !== null && job.recordId === item.recordId))
        );
    }

    private result(
        item: SessionItem,
        success: boolean,
        jobId: string | null,
        message: string | null
    ): GatewayResult {
        // The raw shape is a guess at Zuora.SyncResult; only the mapping in the gateway reads it.
        const raw = {
            id: item.recordId,
            zuoraId: item.zuoraId,
            success,
            jobId,
            errorMessage: message
        };
        return { recordId: item.recordId, zuoraId: item.zuoraId, success, jobId, message, raw };
    }
}
