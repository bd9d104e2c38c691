/**
 * zuora-sync --background / --job: hands the ids (or each --account) to background jobs in the
 * org (POST .../v1/jobs) instead of sending the batches itself, and with --wait follows them
 * (GET .../v1/jobs/{jobId}) until they end. The org runs the sessions of 10 on Salesforce's
 * async Apex, so a run of any size costs a handful of REST requests; each item's outcome is in
 * the org's audit log, the command line reports the jobs' counts.
 */
import type { CliOptions } from './args';
import { listBillingAccounts, orgFailure } from './accounts';
import { inputError } from './errors';
import { EXIT, type ExitCode } from './exit-codes';
import type { Output } from './io';
import { withRetry, type RetryPolicy } from './retry';
import type { JobRequestBody, OrgClient } from './transport';
import type { Work } from './work';

/** OnDemandSyncJobs.MAX_IDS: the most distinct ids one job takes; more go to several jobs. */
export const MAX_IDS_PER_JOB = 2000;
const DEFAULT_POLL_MS = 2000;
const POLL_ENV = 'ZUORA_SYNC_POLL_MS';
const FINISHED = new Set(['COMPLETED', 'FAILED', 'ABORTED']);

/** A job as GET .../v1/jobs/{jobId} answers it (contract v1). */
export interface JobState {
    readonly jobId: string;
    readonly status: string;
    readonly total: number;
    readonly requested: number;
    readonly skipped: number;
    readonly failed: number;
    readonly pending: number;
    readonly startedAt: string | null;
    readonly finishedAt: string | null;
}

export interface BackgroundDeps {
    readonly connect: () => Promise<OrgClient>;
    readonly output: Output;
    readonly env: NodeJS.ProcessEnv;
    readonly retry: RetryPolicy;
    readonly sleep: (ms: number) => Promise<void>;
    /** The validated ids of the run (its --account values are not listed). */
    readonly work: () => Promise<Work>;
    readonly apiRequests: () => number;
}

export function pollIntervalFrom(env: NodeJS.ProcessEnv): number {
    const value = Number(env[POLL_ENV]);
    return Number.isInteger(value) && value > 0 ? value : DEFAULT_POLL_MS;
}

/** The bodies of the jobs a --background run starts: one per Account, ids in jobs of 2,000. */
export function jobBodies(work: Work): JobRequestBody[] {
    const bodies: JobRequestBody[] = work.accounts.map((accountId) => ({
        accountId,
        source: 'CLI' as const
    }));
    for (let start = 0; start < work.items.length; start += MAX_IDS_PER_JOB) {
        const ids = work.items.slice(start, start + MAX_IDS_PER_JOB);
        bodies.push({
            objectType: work.objectType,
            ids: work.zuoraIds ? [] : ids,
            zuoraIds: work.zuoraIds ? ids : [],
            source: 'CLI'
        });
    }
    return bodies;
}

/** Reads a job answer; null when it is not one. */
export function toJobState(answer: unknown): JobState | null {
    if (answer === null || typeof answer !== 'object') {
        return null;
    }
    const job = answer as Record<string, unknown>;
    const count = (key: string): number => (typeof job[key] === 'number' ? job[key] : 0);
    if (typeof job.jobId !== 'string' || typeof job.status !== 'string') {
        return null;
    }
    const total = count('total');
    return {
        jobId: job.jobId,
        status: job.status,
        total,
        requested: count('requested'),
        skipped: count('skipped'),
        failed: count('failed'),
        // A start answer has no counts yet: everything is pending.
        pending: typeof job.pending === 'number' ? job.pending : total,
        startedAt: typeof job.startedAt === 'string' ? job.startedAt : null,
        finishedAt: typeof job.finishedAt === 'string' ? job.finishedAt : null
    };
}

/** One line per job state, for people. */
export function describeJob(job: JobState): string {
    return (
        `Job ${job.jobId} ${job.status}: ${job.requested} requested, ${job.skipped} skipped, ` +
        `${job.failed} failed, ${job.pending} pending (of ${job.total}).`
    );
}

/** Runs --background or --job; resolves with the exit code. */
export async function runBackground(options: CliOptions, deps: BackgroundDeps): Promise<ExitCode> {
    const { output } = deps;
    let jobs: JobState[];
    if (options.job !== undefined) {
        jobs = [await readJob(await deps.connect(), options.job, deps)];
    } else {
        const work = await deps.work();
        const bodies = jobBodies(work);
        if (options.dryRun) {
            return report(options, deps, [], bodies);
        }
        const client = await deps.connect();
        if (bodies.length > 1 && work.accounts.length > 0) {
            // Several jobs, one of them for an Account that does not exist or cannot be seen:
            // every Account is checked first, so that no job is started at all.
            await listBillingAccounts(client, work.accounts, {
                concurrency: options.concurrency,
                retry: deps.retry,
                sleep: deps.sleep
            });
        }
        jobs = [];
        for (const body of bodies) {
            const job = await startJob(client, body, jobs);
            jobs.push(job);
            if (!options.json) {
                output.err(`Background job ${job.jobId} queued: ${job.total} items.\n`);
            }
        }
    }
    if (options.wait) {
        jobs = await follow(await deps.connect(), jobs, options, deps);
    }
    return report(options, deps, jobs, []);
}

/** POST .../v1/jobs, once (a retry could start a second job); the org's refusal exits 2. */
async function startJob(
    client: OrgClient,
    body: JobRequestBody,
    started: readonly JobState[]
): Promise<JobState> {
    const what = 'accountId' in body ? `Account ${body.accountId}` : `${jobSize(body)} ids`;
    let answer: unknown;
    try {
        answer = await client.postJob(body);
    } catch (error) {
        const already = started.map((job) => job.jobId).join(', ');
        throw inputError(
            `The background job for ${what} was not started: ${orgFailure(error)}` +
                (already === '' ? '' : ` Jobs already started: ${already}.`)
        );
    }
    const job = toJobState(answer);
    if (job === null) {
        throw inputError(`The org answered the job for ${what} without a job id.`);
    }
    return job;
}

function jobSize(body: JobRequestBody): number {
    return 'ids' in body ? body.ids.length + body.zuoraIds.length : 0;
}

/** GET .../v1/jobs/{jobId}, retried like any read; an unknown job exits 2 naming it. */
async function readJob(client: OrgClient, jobId: string, deps: BackgroundDeps): Promise<JobState> {
    let answer: unknown;
    try {
        answer = await withRetry(() => client.getJob(jobId), {
            policy: deps.retry,
            sleep: deps.sleep
        });
    } catch (error) {
        throw inputError(`Job ${jobId} could not be read: ${orgFailure(error)}`);
    }
    const job = toJobState(answer);
    if (job === null) {
        throw inputError(`The org answered job ${jobId} without its status.`);
    }
    return job;
}

/** Reads the jobs every poll interval until each has ended; logs each change on stderr. */
async function follow(
    client: OrgClient,
    jobs: JobState[],
    options: CliOptions,
    deps: BackgroundDeps
): Promise<JobState[]> {
    const interval = pollIntervalFrom(deps.env);
    const shown = new Map<string, string>();
    let current = jobs;
    for (;;) {
        for (const job of current) {
            const line = describeJob(job);
            if (shown.get(job.jobId) !== line && !options.json) {
                deps.output.err(`${line}\n`);
            }
            shown.set(job.jobId, line);
        }
        if (current.every((job) => FINISHED.has(job.status))) {
            return current;
        }
        await deps.sleep(interval);
        current = await Promise.all(
            current.map((job) =>
                FINISHED.has(job.status) ? job : readJob(client, job.jobId, deps)
            )
        );
    }
}

function exitCodeOf(jobs: readonly JobState[], options: CliOptions): ExitCode {
    if (!options.wait) {
        return EXIT.OK;
    }
    return jobs.every((job) => job.status === 'COMPLETED' && job.requested === job.total)
        ? EXIT.OK
        : EXIT.INCOMPLETE;
}

function report(
    options: CliOptions,
    deps: BackgroundDeps,
    jobs: readonly JobState[],
    planned: readonly JobRequestBody[]
): ExitCode {
    const status = exitCodeOf(jobs, options);
    const sum = (key: 'total' | 'requested' | 'skipped' | 'failed' | 'pending'): number =>
        jobs.reduce((total, job) => total + job[key], 0);
    if (options.json) {
        const document = {
            status,
            result: {
                ...(options.dryRun ? { dryRun: true, plannedJobs: planned } : {}),
                jobs,
                summary: {
                    total: sum('total'),
                    requested: sum('requested'),
                    failed: sum('failed'),
                    skipped: sum('skipped'),
                    notSent: sum('pending')
                },
                apiRequests: deps.apiRequests()
            },
            warnings: []
        };
        deps.output.out(`${JSON.stringify(document, null, 2)}\n`);
        return status;
    }
    if (options.dryRun) {
        const lines = planned.map((body) =>
            'accountId' in body
                ? `  a job for every syncable billing account of Account ${body.accountId}`
                : `  a job for ${jobSize(body)} ids`
        );
        deps.output.out(
            `Dry run: would start ${planned.length} background job(s); nothing was sent.\n${lines.join('\n')}\n`
        );
        return status;
    }
    for (const job of jobs) {
        deps.output.out(
            options.wait || FINISHED.has(job.status) ? `${describeJob(job)}\n` : `${job.jobId}\n`
        );
    }
    if (!options.wait && jobs.some((job) => !FINISHED.has(job.status))) {
        deps.output.err(
            `Follow with: zuora-sync --job ${jobs[0].jobId} --wait (each item's outcome is in the org's On-Demand Sync log).\n`
        );
    }
    return status;
}
