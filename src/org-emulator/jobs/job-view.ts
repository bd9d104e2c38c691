/** The shapes of a background job (On_Demand_Sync_Job__c) as the org answers it. */
import { toId18 } from '../../bridge/ids';

export type JobStatus = 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'ABORTED';

/** OnDemandSyncJobStatus: requested + skipped + failed + pending = total at every moment. */
export interface JobView {
    readonly jobId: string;
    readonly status: JobStatus;
    readonly total: number;
    readonly requested: number;
    readonly skipped: number;
    readonly failed: number;
    readonly pending: number;
    readonly startedAt: string;
    readonly finishedAt: string | null;
    /** Why the job stopped early (the API budget, an abort), or null. */
    readonly stopReason: string | null;
    /** The job's Account, or null for a job started from ids. */
    readonly accountId: string | null;
}

/** Key prefix of On_Demand_Sync_Job__c records in the emulated org. */
export const JOB_KEY_PREFIX = 'a1J';

/** The 18-character id of the org's `sequence`-th job. */
export function newJobId(sequence: number): string {
    return toId18(`${JOB_KEY_PREFIX}8d0000${String(sequence).padStart(6, '0')}`) as string;
}

/** GET .../v1/jobs/{jobId}: exactly the contract's keys. */
export function toRestJob(job: JobView): Omit<JobView, 'stopReason' | 'accountId'> {
    const { stopReason: _reason, accountId: _account, ...rest } = job;
    return rest;
}
