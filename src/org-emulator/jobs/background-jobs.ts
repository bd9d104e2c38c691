/**
 * Background jobs (OnDemandSyncJobs and its Queueable executions), in TypeScript, with the
 * platform's rules: a job's items are audit rows (PENDING, then CLAIMED, then REQUESTED, FAILED
 * or SKIPPED); the starting transaction screens every id, writes the rows and claims the first
 * execution's; one execution runs at a time per job, each in its own transaction with its own
 * callout limit; since no callout may follow DML, an execution first sends the rows claimed for
 * it, then writes their outcomes, claims the next rows and enqueues the next execution (or ends
 * the job). A failed execution is finished by its finalizer (its claimed rows FAILED, the job
 * goes on); an execution aborted in Setup is noticed when the job is next read (ABORTED, its
 * unsent rows SKIPPED); the org's daily API and async Apex budget stops a job (ABORTED).
 */
import { randomUUID } from 'node:crypto';
import type { AuditLog, AuditRow, AuditStatus, NewAuditRow } from '../audit-log';
import { requireVisibleAccount } from '../account-selector';
import type { Clock } from '../clock';
import { claimEnds, CooldownIndex } from '../cooldown';
import type { OrgData } from '../data/org-data';
import { OrgError, serviceError } from '../errors';
import { label, type Labels } from '../labels';
import { OrgLimits, PlatformException, Transaction, TRANSACTION_LIMITS } from '../limits';
import type { SyncSettings } from '../settings';
import type { OnDemandSyncService, WorkItem } from '../sync-service';
import { formatTime } from '../time-format';
import type { SyncInput, SyncObjectType, SyncSource } from '../types';
import { JOB_KEY_PREFIX, newJobId, type JobStatus, type JobView } from './job-view';

/** OnDemandSyncJobs.MAX_IDS: the most distinct ids of one job. */
export const MAX_JOB_IDS = 2000;
/** The most billing accounts of an Account one job covers (the listing's cap). */
export const MAX_ACCOUNT_JOB_IDS = 500;
/** OnDemandSyncJobCapacity.MARGIN_PERCENT: callouts an execution leaves unused. */
export const CALLOUT_MARGIN_PERCENT = 10;
/** Job_Budget_Percent__c's default. */
export const DEFAULT_JOB_BUDGET_PERCENT = 90;

export interface BackgroundJobDeps {
    readonly clock: Clock;
    readonly service: OnDemandSyncService;
    readonly auditLog: AuditLog;
    readonly data: Pick<OrgData, 'account' | 'billingAccountsOf' | 'entityOf'>;
    readonly labels: Labels;
    readonly settings: () => SyncSettings;
    readonly hasPermission: () => boolean;
    readonly orgLimits: OrgLimits;
    readonly userId: string;
    /** Job_Budget_Percent__c; default 90. */
    readonly budgetPercent?: () => number;
    /** The callout limit of each execution; default the platform's 100. */
    readonly calloutLimit?: number;
    /** Run executions by themselves this many ms after they are enqueued; null: only runNext(). */
    readonly autoRunDelayMs?: number | null;
}

/** A notification sent to a job's owner when it ended (Messaging.CustomNotification). */
export interface JobNotification {
    readonly userId: string;
    readonly title: string;
    readonly body: string;
    readonly targetId: string;
}

interface JobRecord {
    readonly id: string;
    readonly ownerId: string;
    readonly objectType: SyncObjectType;
    readonly accountId: string | null;
    readonly source: SyncSource;
    readonly startedAt: string;
    /** The job's audit rows, in request order. */
    readonly rowIds: readonly string[];
    status: JobStatus;
    finishedAt: string | null;
    executions: number;
    stopReason: string | null;
    /** The queued execution was aborted in Setup (AsyncApexJob status Aborted). */
    abortedInSetup: boolean;
}

interface Execution {
    readonly jobId: string;
    readonly claimId: string;
}

export class BackgroundJobs {
    private readonly jobs = new Map<string, JobRecord>();
    private readonly queue: Execution[] = [];
    private readonly sent: JobNotification[] = [];
    private executionsRun = 0;
    private readonly failing = new Set<number>();
    private timer: NodeJS.Timeout | null = null;

    constructor(private readonly deps: BackgroundJobDeps) {}

    /** Starts a job for ids or Zuora ids (OnDemandSyncJobs.start). */
    start(input: SyncInput, source: SyncSource = 'API'): JobView {
        return this.begin({ ...input, source: input.source ?? source }, null);
    }

    /** Starts a job for the Account's billing accounts, or answers its unfinished one. */
    startForAccount(accountId: unknown, source: SyncSource = 'API'): JobView {
        const transaction = new Transaction();
        const id = requireVisibleAccount(this.deps.data, accountId, this.deps.labels, transaction);
        if (!this.deps.hasPermission()) {
            throw serviceError(
                'INSUFFICIENT_ACCESS',
                label(this.deps.labels, 'OnDemandSync_Error_InsufficientAccess')
            );
        }
        const running = this.unfinishedOf(id);
        if (running !== null) {
            return this.view(running);
        }
        const ids = this.deps.data
            .billingAccountsOf(id)
            .filter((record) => record.zuoraId !== null && record.zuoraId.trim() !== '')
            .slice(0, MAX_ACCOUNT_JOB_IDS)
            .map((record) => record.id);
        if (ids.length === 0) {
            throw serviceError(
                'EMPTY_REQUEST',
                label(this.deps.labels, 'OnDemandSync_Error_NoSyncableBillingAccounts')
            );
        }
        return this.begin({ objectType: 'BILLING_ACCOUNT', ids, source }, id);
    }

    /** Reads a job (OnDemandSyncJobs.get): NOT_FOUND for an unknown, foreign or malformed id. */
    get(jobId: unknown): JobView {
        const job = typeof jobId === 'string' ? this.jobs.get(jobId.trim()) : undefined;
        if (job === undefined || !this.mayRead(job)) {
            throw new OrgError(
                'NOT_FOUND',
                label(this.deps.labels, 'OnDemandSync_Error_JobNotFound'),
                404
            );
        }
        return this.view(this.noticeAbort(job));
    }

    /** The Account's unfinished job, or its last one, or null (the Account page). */
    latestForAccount(accountId: string): JobView | null {
        const jobs = [...this.jobs.values()].filter((job) => job.accountId === accountId);
        const latest = jobs.at(-1);
        return latest === undefined || !this.mayRead(latest)
            ? null
            : this.view(this.noticeAbort(latest));
    }

    /** Aborts a job's queued execution, as Setup > Apex Jobs > Abort does. */
    abortInSetup(jobId: string): void {
        const job = this.jobs.get(jobId);
        if (job === undefined || !isUnfinished(job)) {
            return;
        }
        job.abortedInSetup = true;
        const at = this.queue.findIndex((execution) => execution.jobId === jobId);
        if (at >= 0) {
            this.queue.splice(at, 1);
        }
    }

    /**
     * Makes the org's `number`-th execution (1-based) fail after its callouts, as an uncatchable
     * limit would (fault injection).
     */
    failExecution(number: number): void {
        this.failing.add(number);
    }

    /** Executions enqueued and not yet run. */
    queued(): number {
        return this.queue.length;
    }

    /** Executions run so far (each one an async Apex execution of the org's daily budget). */
    executions(): number {
        return this.executionsRun;
    }

    notifications(): readonly JobNotification[] {
        return this.sent.slice();
    }

    /** Runs the next queued execution; false when none is queued. */
    async runNext(): Promise<boolean> {
        const execution = this.queue.shift();
        if (execution === undefined) {
            return false;
        }
        const job = this.jobs.get(execution.jobId);
        if (job !== undefined && isUnfinished(job)) {
            await this.execute(job, execution);
        }
        return true;
    }

    /** Runs executions until none is queued (at most `limit`); returns how many ran. */
    async runAll(limit = 1000): Promise<number> {
        let ran = 0;
        while (ran < limit && (await this.runNext())) {
            ran += 1;
        }
        return ran;
    }

    /** Stops running executions by themselves. */
    stop(): void {
        if (this.timer !== null) {
            clearTimeout(this.timer);
            this.timer = null;
        }
    }

    clear(): void {
        this.stop();
        this.jobs.clear();
        this.queue.length = 0;
        this.sent.length = 0;
        this.executionsRun = 0;
    }

    private begin(input: SyncInput, accountId: string | null): JobView {
        const transaction = new Transaction();
        const { request, items } = this.deps.service.screen(input, transaction, MAX_JOB_IDS);
        const now = this.deps.clock.now();
        const job: JobRecord = {
            id: newJobId(this.jobs.size + 1),
            ownerId: this.deps.userId,
            objectType: request.objectType,
            accountId,
            source: request.source,
            startedAt: now.toISOString(),
            rowIds: [],
            status: 'QUEUED',
            finishedAt: null,
            executions: 0,
            stopReason: null,
            abortedInSetup: false
        };
        const rows = items.map((item) =>
            this.rowOf(job, item, {
                status: item.status ?? 'PENDING',
                message: item.message ?? label(this.deps.labels, 'OnDemandSync_Job_Pending'),
                requestId: job.id,
                at: now
            })
        );
        transaction.insertAudit(rows);
        const stored = transaction.commit(this.deps.auditLog);
        this.jobs.set(job.id, { ...job, rowIds: stored.map((row) => row.id) });
        const saved = this.jobs.get(job.id) as JobRecord;
        const next = new Transaction();
        this.claimNextOrFinish(saved, next);
        next.commit(this.deps.auditLog);
        return this.view(saved);
    }

    /** One execution: budget and access first, then the claimed rows in sessions, then DML. */
    private async execute(job: JobRecord, execution: Execution): Promise<void> {
        this.executionsRun += 1;
        job.executions += 1;
        this.deps.orgLimits.add('DailyAsyncApexExecutions', 1);
        const transaction = this.newExecutionTransaction();
        const claimed = this.rowsOf(job).filter(
            (row) => row.status === 'CLAIMED' && row.requestId === execution.claimId
        );
        const stop = this.stopReason();
        if (stop !== null) {
            this.end(job, stop.status, stop.reason, transaction);
            transaction.commit(this.deps.auditLog);
            return;
        }
        try {
            const items = await this.send(job, claimed, transaction);
            if (this.failing.delete(this.executionsRun)) {
                throw new PlatformException(
                    'System.LimitException',
                    'Apex CPU time limit exceeded'
                );
            }
            this.writeOutcomes(job, items, transaction);
            if (job.status === 'QUEUED') {
                job.status = 'RUNNING';
            }
            this.claimNextOrFinish(job, transaction);
            transaction.commit(this.deps.auditLog);
        } catch (thrown) {
            // The execution's work is rolled back; its finalizer runs in a new transaction.
            this.finalizeFailed(job, claimed, thrown);
        }
    }

    /** The finalizer of a failed execution: its claimed rows FAILED, the job goes on. */
    private finalizeFailed(job: JobRecord, claimed: readonly AuditRow[], thrown: unknown): void {
        const transaction = new Transaction();
        const reason =
            thrown instanceof PlatformException
                ? `${thrown.type}: ${thrown.message}`
                : thrown instanceof Error
                  ? thrown.message
                  : String(thrown);
        const message = label(this.deps.labels, 'OnDemandSync_Job_ExecutionFailed', reason);
        this.update(
            claimed.map((row) => ({ row, status: 'FAILED' as const, message })),
            transaction
        );
        if (job.status === 'QUEUED') {
            job.status = 'RUNNING';
        }
        this.claimNextOrFinish(job, transaction);
        transaction.commit(this.deps.auditLog);
    }

    /**
     * Sends the claimed rows in sessions of at most the API session cap, never mixing Zuora
     * entities, while the execution has callouts left within its margin; the rows that do not
     * fit go back to PENDING.
     */
    private async send(
        job: JobRecord,
        claimed: readonly AuditRow[],
        transaction: Transaction
    ): Promise<{ row: AuditRow; item: WorkItem }[]> {
        const cap = this.deps.settings().apiSessionCap;
        const budget = this.idsPerExecution();
        const pairs = claimed.map((row) => ({ row, item: itemOf(row) }));
        const before = transaction.callouts;
        for (const session of sessionsOf(pairs, cap, (row) =>
            this.deps.data.entityOf(row.recordId)
        )) {
            if (transaction.callouts - before + session.length > budget) {
                break;
            }
            await this.deps.service.sendSession(
                job.objectType,
                session.map((pair) => pair.item),
                transaction
            );
        }
        return pairs;
    }

    /** Writes each sent row's outcome; a row not sent goes back to PENDING. */
    private writeOutcomes(
        job: JobRecord,
        pairs: readonly { row: AuditRow; item: WorkItem }[],
        transaction: Transaction
    ): void {
        this.update(
            pairs.map(({ row, item }) =>
                item.status === undefined
                    ? {
                          row,
                          status: 'PENDING' as const,
                          message: label(this.deps.labels, 'OnDemandSync_Job_Pending'),
                          requestId: job.id
                      }
                    : {
                          row,
                          status: item.status,
                          message: item.message ?? null,
                          jobId: item.jobId ?? null,
                          rawResult: item.raw === undefined ? null : JSON.stringify(item.raw)
                      }
            ),
            transaction
        );
    }

    /**
     * Claims the next rows (at most one execution's worth, in request order, the cooldown and
     * others' claims checked again now) and enqueues their execution; ends the job when no
     * row is left to send.
     */
    private claimNextOrFinish(job: JobRecord, transaction: Transaction): void {
        const now = this.deps.clock.now();
        const settings = this.deps.settings();
        const pending = this.rowsOf(job, transaction)
            .filter((row) => row.status === 'PENDING')
            .slice(0, this.idsPerExecution());
        const claimId = randomUUID();
        const index = CooldownIndex.read(
            this.deps.auditLog,
            pending,
            now,
            settings.cooldownMinutes,
            transaction
        );
        const changes: RowChange[] = [];
        for (const row of pending) {
            const until = index.activeUntil(row, now);
            const claim = index.claimOf(row);
            if (until !== null) {
                changes.push({
                    row,
                    status: 'SKIPPED',
                    message: label(
                        this.deps.labels,
                        'OnDemandSync_Item_CoolingDown',
                        formatTime(until)
                    )
                });
            } else if (claim !== null) {
                changes.push({
                    row,
                    status: 'SKIPPED',
                    message: label(
                        this.deps.labels,
                        'OnDemandSync_Item_InProgress',
                        formatTime(claimEnds(claim))
                    )
                });
            } else {
                index.register(row, now);
                changes.push({ row, status: 'CLAIMED', message: null, requestId: claimId });
            }
        }
        this.update(changes, transaction);
        if (changes.some((change) => change.status === 'CLAIMED')) {
            transaction.enqueue();
            this.queue.push({ jobId: job.id, claimId });
            this.schedule();
        } else if (this.rowsOf(job, transaction).every((row) => !isUnsent(row.status))) {
            this.end(job, 'COMPLETED', null, transaction);
        } else {
            // Every claimed row was skipped: claim the next ones.
            this.claimNextOrFinish(job, transaction);
        }
    }

    /** Ends a job: its unsent rows SKIPPED (stopped) or FAILED (no longer allowed), a notification. */
    private end(
        job: JobRecord,
        status: 'COMPLETED' | 'FAILED' | 'ABORTED',
        reason: string | null,
        transaction: Transaction
    ): void {
        const unsent = this.rowsOf(job, transaction).filter((row) => isUnsent(row.status));
        const rowStatus = status === 'FAILED' ? ('FAILED' as const) : ('SKIPPED' as const);
        this.update(
            unsent.map((row) => ({
                row,
                status: rowStatus,
                message: reason ?? label(this.deps.labels, 'OnDemandSync_Job_StoppedBeforeSent')
            })),
            transaction
        );
        job.status = status;
        job.stopReason = reason;
        job.finishedAt = this.deps.clock.now().toISOString();
        const counts = this.countsOf(job, transaction);
        this.sent.push({
            userId: job.ownerId,
            title: label(
                this.deps.labels,
                status === 'COMPLETED'
                    ? 'OnDemandSync_Job_NotificationTitleFinished'
                    : 'OnDemandSync_Job_NotificationTitleStopped'
            ),
            body: label(
                this.deps.labels,
                'OnDemandSync_Job_NotificationBody',
                counts.requested,
                counts.skipped,
                counts.failed,
                job.rowIds.length,
                reason ?? ''
            ).trim(),
            targetId: job.accountId ?? job.id
        });
    }

    /** Why the next execution must not send: permission, Zuora, or the org's budget. */
    private stopReason(): { status: 'FAILED' | 'ABORTED'; reason: string } | null {
        if (!this.deps.hasPermission()) {
            return {
                status: 'FAILED',
                reason: label(this.deps.labels, 'OnDemandSync_Error_InsufficientAccess')
            };
        }
        const threshold = this.deps.budgetPercent?.() ?? DEFAULT_JOB_BUDGET_PERCENT;
        for (const name of ['DailyApiRequests', 'DailyAsyncApexExecutions'] as const) {
            const { used, max } = this.deps.orgLimits.get(name);
            const percent = max > 0 ? Math.floor((used * 100) / max) : 0;
            if (percent >= threshold) {
                return {
                    status: 'ABORTED',
                    reason: label(
                        this.deps.labels,
                        'OnDemandSync_Job_BudgetReached',
                        name,
                        percent,
                        threshold
                    )
                };
            }
        }
        return null;
    }

    /** A job whose queued execution was aborted in Setup ends ABORTED when it is next read. */
    private noticeAbort(job: JobRecord): JobRecord {
        if (job.abortedInSetup && isUnfinished(job)) {
            const transaction = new Transaction();
            this.end(
                job,
                'ABORTED',
                label(this.deps.labels, 'OnDemandSync_Job_AbortedInSetup'),
                transaction
            );
            transaction.commit(this.deps.auditLog);
        }
        return job;
    }

    private unfinishedOf(accountId: string): JobRecord | null {
        for (const job of this.jobs.values()) {
            if (job.accountId === accountId && isUnfinished(this.noticeAbort(job))) {
                return job;
            }
        }
        return null;
    }

    /** The owner, or a user who can see the job's Account. */
    private mayRead(job: JobRecord): boolean {
        return (
            job.ownerId === this.deps.userId ||
            (job.accountId !== null && this.deps.data.account(job.accountId) !== null)
        );
    }

    private idsPerExecution(): number {
        const limit = this.deps.calloutLimit ?? TRANSACTION_LIMITS.Callouts;
        return Math.max(1, Math.floor((limit * (100 - CALLOUT_MARGIN_PERCENT)) / 100));
    }

    /** An execution's transaction: the platform's callout limit, or the one configured. */
    private newExecutionTransaction(): Transaction {
        const transaction = new Transaction();
        const limit = this.deps.calloutLimit ?? TRANSACTION_LIMITS.Callouts;
        transaction.callouts = Math.max(0, TRANSACTION_LIMITS.Callouts - limit);
        return transaction;
    }

    private schedule(): void {
        const delay = this.deps.autoRunDelayMs;
        if (delay === null || delay === undefined || this.timer !== null) {
            return;
        }
        this.timer = setTimeout(() => {
            this.timer = null;
            void this.runNext().then(() => {
                if (this.queue.length > 0) {
                    this.schedule();
                }
            });
        }, delay);
        this.timer.unref();
    }

    /** The job's rows as `transaction` sees them (its own updates not yet committed included). */
    private rowsOf(job: JobRecord, transaction?: Transaction): AuditRow[] {
        const updated = new Map(
            (transaction?.uncommittedUpdates() ?? []).map(({ id, row }) => [id, row])
        );
        return job.rowIds.map((id) => {
            const stored = this.deps.auditLog.row(id) as AuditRow;
            const change = updated.get(id);
            return change === undefined ? stored : { ...stored, ...change };
        });
    }

    private countsOf(job: JobRecord, transaction?: Transaction) {
        const counts = { requested: 0, skipped: 0, failed: 0, pending: 0 };
        for (const row of this.rowsOf(job, transaction)) {
            if (row.status === 'REQUESTED') counts.requested += 1;
            else if (row.status === 'SKIPPED') counts.skipped += 1;
            else if (row.status === 'FAILED') counts.failed += 1;
            else counts.pending += 1;
        }
        return counts;
    }

    private view(job: JobRecord): JobView {
        return {
            jobId: job.id,
            status: job.status,
            total: job.rowIds.length,
            ...this.countsOf(job),
            startedAt: job.startedAt,
            finishedAt: job.finishedAt,
            stopReason: job.stopReason,
            accountId: job.accountId
        };
    }

    private rowOf(
        job: JobRecord,
        item: WorkItem,
        values: { status: AuditStatus; message: string | null; requestId: string; at: Date }
    ): NewAuditRow {
        return {
            requestedBy: job.ownerId,
            requestedAt: values.at.toISOString(),
            source: job.source,
            objectType: job.objectType,
            recordId: item.recordId,
            recordName: item.name,
            zuoraId: item.zuoraId,
            accountId: item.accountId,
            status: values.status,
            message: values.message,
            jobId: null,
            requestId: values.requestId,
            rawResult: null,
            syncJobId: job.id
        };
    }

    /** One DML statement updating rows (none when `changes` is empty). */
    private update(changes: readonly RowChange[], transaction: Transaction): void {
        if (changes.length === 0) {
            return;
        }
        const at = this.deps.clock.now().toISOString();
        transaction.updateAudit(
            changes.map(({ row, ...change }) => {
                const { id: _id, name: _name, ...fields } = row;
                return { id: row.id, row: { ...fields, ...change, requestedAt: at } };
            })
        );
    }
}

interface RowChange {
    readonly row: AuditRow;
    readonly status: AuditStatus;
    readonly message: string | null;
    readonly requestId?: string;
    readonly jobId?: string | null;
    readonly rawResult?: string | null;
}

function isUnfinished(job: JobRecord): boolean {
    return job.status === 'QUEUED' || job.status === 'RUNNING';
}

function isUnsent(status: AuditStatus): boolean {
    return status === 'PENDING' || status === 'CLAIMED';
}

/**
 * Sessions of at most `cap` rows that never mix Zuora entities: the rows of each entity in
 * request order, the entities in the order they first appear.
 */
function sessionsOf<T extends { row: AuditRow }>(
    pairs: readonly T[],
    cap: number,
    entityOf: (row: AuditRow) => string | null
): T[][] {
    const byEntity = new Map<string | null, T[]>();
    for (const pair of pairs) {
        const entity = entityOf(pair.row);
        byEntity.set(entity, [...(byEntity.get(entity) ?? []), pair]);
    }
    const sessions: T[][] = [];
    for (const rows of byEntity.values()) {
        for (let start = 0; start < rows.length; start += cap) {
            sessions.push(rows.slice(start, start + cap));
        }
    }
    return sessions;
}

/** The work item of a claimed row, for the service's session. */
function itemOf(row: AuditRow): WorkItem {
    return {
        kind: row.recordId === null ? 'zuora' : 'record',
        id: row.recordId ?? (row.zuoraId as string),
        recordId: row.recordId,
        zuoraId: row.zuoraId,
        name: row.recordName,
        accountId: row.accountId
    };
}

export { JOB_KEY_PREFIX };
