/**
 * Contract fixture cases of background jobs (`"entryPoint": "job"`), through the TypeScript
 * BackgroundJobs in the case's org: the job is started (for `request.accountId`, or for the
 * request's ids), its executions run one at a time until none is queued (failing those listed,
 * aborting in Setup after `abortAfterExecutions`), then the job is read and compared, as the
 * Apex OnDemandSyncContractFixtures_Tests job methods do.
 */
import { OrgError } from '../errors';
import { BackgroundJobs } from '../jobs/background-jobs';
import type { JobView } from '../jobs/job-view';
import { resolveLabels } from '../labels';
import { OrgLimits } from '../limits';
import {
    caseWorld,
    RUNNING_USER,
    type ContractCase,
    type ContractExpectedResult
} from './contract-case';

/** The most executions a case may take (a guard against a job that never ends). */
const MAX_EXECUTIONS = 100;

export interface JobCaseOptions {
    readonly calloutsPerExecution?: number;
    readonly failExecutions?: readonly number[];
    readonly apiUsagePercent?: number;
    readonly asyncUsagePercent?: number;
    readonly abortAfterExecutions?: number;
}

/** A job case: a contract case with a job request, job options and job expectations. */
export interface JobCase extends Omit<ContractCase, 'request' | 'expect' | 'settings'> {
    readonly entryPoint: 'job';
    readonly settings?: ContractCase['settings'] & { jobBudgetPercent?: number };
    readonly request: ContractCase['request'] & { accountId?: string };
    readonly job?: JobCaseOptions;
    readonly expect: {
        readonly error?: { errorCode: string; httpStatus: number; messageContains?: string };
        readonly job?: Partial<
            Pick<JobView, 'status' | 'total' | 'requested' | 'skipped' | 'failed' | 'pending'>
        >;
        readonly executions?: number;
        readonly gatewayCalls?: number;
        readonly maxSessionSize?: number;
        readonly results?: readonly ContractExpectedResult[];
        readonly auditRows?: number;
    };
}

export function isJobCase(testCase: { entryPoint?: string }): testCase is JobCase {
    return testCase.entryPoint === 'job';
}

/** Runs a job case; returns every difference from its expectations (empty when it passes). */
export async function runJobCase(testCase: JobCase): Promise<string[]> {
    const world = caseWorld(testCase as unknown as ContractCase);
    const options = testCase.job ?? {};
    const limits = new OrgLimits();
    for (const [name, percent] of [
        ['DailyApiRequests', options.apiUsagePercent],
        ['DailyAsyncApexExecutions', options.asyncUsagePercent]
    ] as const) {
        limits.set(name, Math.round(((percent ?? 0) * limits.get(name).max) / 100));
    }
    const accountIds = new Set(testCase.records.map((record) => record.accountId));
    const jobs = new BackgroundJobs({
        clock: world.clock,
        service: world.service,
        auditLog: world.auditLog,
        data: {
            account: (id) => (accountIds.has(id) ? { id, name: 'Account' } : null),
            billingAccountsOf: (id) => world.data.billingAccountsOf(id),
            entityOf: (id) => world.data.entityOf(id)
        },
        labels: resolveLabels(),
        settings: () => world.settings,
        hasPermission: () => testCase.hasPermission,
        orgLimits: limits,
        userId: RUNNING_USER,
        budgetPercent: () => testCase.settings?.jobBudgetPercent ?? 90,
        ...(options.calloutsPerExecution === undefined
            ? {}
            : { calloutLimit: options.calloutsPerExecution })
    });
    const problems: string[] = [];
    const differ = (what: string, expected: unknown, actual: unknown): void => {
        if (JSON.stringify(expected) !== JSON.stringify(actual)) {
            problems.push(
                `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`
            );
        }
    };
    const expected = testCase.expect;
    let job: JobView;
    try {
        const started =
            testCase.request.accountId === undefined
                ? jobs.start(testCase.request)
                : jobs.startForAccount(testCase.request.accountId);
        for (const number of options.failExecutions ?? []) {
            jobs.failExecution(number);
        }
        while (jobs.queued() > 0 && jobs.executions() < MAX_EXECUTIONS) {
            if (jobs.executions() === options.abortAfterExecutions) {
                jobs.abortInSetup(started.jobId);
                break;
            }
            await jobs.runNext();
        }
        job = jobs.get(started.jobId);
    } catch (thrown) {
        if (!(thrown instanceof OrgError)) {
            throw thrown;
        }
        if (expected.error === undefined) {
            return [`unexpected ${thrown.errorCode}: ${thrown.message}`];
        }
        differ('error code', expected.error.errorCode, thrown.errorCode);
        differ('HTTP status', expected.error.httpStatus, thrown.status);
        differ('executions queued', 0, jobs.queued());
        differ('audit rows', 0, world.auditLog.rows().filter((row) => row.syncJobId).length);
        return problems;
    }
    if (expected.error !== undefined) {
        return [`expected ${expected.error.errorCode}, but the job started`];
    }
    for (const [key, value] of Object.entries(expected.job ?? {})) {
        differ(`job ${key}`, value, job[key as keyof JobView]);
    }
    if (expected.executions !== undefined) {
        differ('executions', expected.executions, jobs.executions());
    }
    const sessions = world.gateway.calls;
    if (expected.gatewayCalls !== undefined) {
        differ('gateway calls', expected.gatewayCalls, sessions.length);
    }
    const largest = Math.max(0, ...sessions.map((session) => session.items.length));
    if (expected.maxSessionSize !== undefined && largest > expected.maxSessionSize) {
        problems.push(`a session of ${largest} items`);
    }
    const rows = world.auditLog.rows().filter((row) => row.syncJobId === job.jobId);
    if (expected.auditRows !== undefined) {
        differ('audit rows', expected.auditRows, rows.length);
    }
    (expected.results ?? []).forEach((want, index) => {
        const row = rows[index];
        differ(`results[${index}].id`, want.id, row?.recordId ?? row?.zuoraId ?? null);
        differ(`results[${index}].status`, want.status, row?.status ?? null);
        if (
            want.messageContains !== undefined &&
            !(row?.message ?? '').includes(want.messageContains)
        ) {
            problems.push(
                `results[${index}].message "${row?.message}" does not contain "${want.messageContains}"`
            );
        }
    });
    return problems;
}
