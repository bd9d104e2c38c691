/**
 * OnDemandSyncRestResource, in TypeScript (urlMapping /zuora/ondemandsync/v1/*): the two
 * routes, the JSON body read as the Apex class reads it, errors as OrgError (anything unexpected
 * becomes UNKNOWN_EXCEPTION with an error reference, never its own text).
 */
import { requireVisibleAccount } from './account-selector';
import { listBillingAccounts, toRestBillingAccount } from './billing-account-view';
import { asOrgError, OrgError, serviceError } from './errors';
import { label, type Labels } from './labels';
import { toRestJob, type JobView } from './jobs/job-view';
import type { EmulatedOrg } from './org';
import type { LimitEntry, RestBillingAccount, SyncInput, SyncResponse } from './types';

/** What the REST resource uses of the org. */
export type RestOrg = Pick<
    EmulatedOrg,
    | 'auditLog'
    | 'beginTransaction'
    | 'clock'
    | 'data'
    | 'faults'
    | 'formatTime'
    | 'labels'
    | 'limits'
    | 'service'
    | 'settings'
    | 'zuoraInstalled'
>;

/** The answer of GET .../accounts/{accountId}/billing-accounts. */
export interface BillingAccountsResponse {
    readonly accountId: string;
    readonly billingAccounts: RestBillingAccount[];
    readonly limits: LimitEntry[];
}

/**
 * GET .../accounts/{accountId}/billing-accounts: 400 INVALID_ID for a value that is not an
 * Account id, 404 NOT_FOUND for an Account that does not exist or that the user cannot see,
 * 500 ZUORA_NOT_CONFIGURED when the Zuora package (its billing account object) is not installed.
 */
export function getBillingAccounts(org: RestOrg, accountId: string): BillingAccountsResponse {
    try {
        const transaction = org.beginTransaction();
        const id = requireVisibleAccount(org.data, accountId, org.labels, transaction);
        if (!org.zuoraInstalled) {
            throw serviceError(
                'ZUORA_NOT_CONFIGURED',
                label(org.labels, 'OnDemandSync_Error_ZuoraNotConfigured')
            );
        }
        const views = listBillingAccounts(
            {
                data: org.data,
                auditLog: org.auditLog,
                labels: org.labels,
                now: org.clock.now(),
                cooldownMinutes: org.settings().cooldownMinutes,
                formatTime: org.formatTime,
                transaction
            },
            id
        );
        return {
            accountId: id,
            billingAccounts: views.map(toRestBillingAccount),
            limits: [...transaction.snapshot(), ...org.limits.snapshot()]
        };
    } catch (thrown) {
        throw asOrgError(thrown, org.labels);
    }
}

/** 400 JSON_PARSER_ERROR: the body could not be read as an OnDemandSyncRequest. */
export function malformedRequest(labels: Labels, detail: string): OrgError {
    return new OrgError(
        'JSON_PARSER_ERROR',
        label(labels, 'OnDemandSync_Error_MalformedRequest', detail),
        400
    );
}

/**
 * Reads the JSON body of POST .../sync as JSON.deserialize(body, OnDemandSyncRequest.class)
 * would: an object whose fields have the right types (unknown keys are ignored).
 */
export function parseSyncBody(body: unknown, labels: Labels): SyncInput {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        throw malformedRequest(labels, 'expected a JSON object');
    }
    const input = body as Record<string, unknown>;
    const absent = (value: unknown): boolean => value === undefined || value === null;
    for (const key of ['objectType', 'source'] as const) {
        if (!absent(input[key]) && typeof input[key] !== 'string') {
            throw malformedRequest(labels, `${key} must be text`);
        }
    }
    for (const key of ['ids', 'zuoraIds'] as const) {
        if (!absent(input[key]) && !Array.isArray(input[key])) {
            throw malformedRequest(labels, `${key} must be a list of ids`);
        }
    }
    if (!absent(input.claimId) && typeof input.claimId !== 'string') {
        throw malformedRequest(labels, 'claimId must be text');
    }
    if (!absent(input.emailNotification) && typeof input.emailNotification !== 'boolean') {
        throw malformedRequest(labels, 'emailNotification must be true, false or null');
    }
    return {
        objectType: input.objectType as string | null | undefined,
        ids: (input.ids as unknown[] | null | undefined) ?? [],
        zuoraIds: (input.zuoraIds as unknown[] | null | undefined) ?? [],
        source: input.source as string | null | undefined,
        emailNotification: input.emailNotification as boolean | null | undefined,
        claimId: input.claimId as string | null | undefined
    };
}

/**
 * The source a REST caller may record in the audit trail, as OnDemandSyncRestResource narrows
 * it: CLI when the body says so (in any case), API for anything else, blank included. UI and
 * FLOW belong to the Account page and to Flow; a REST client cannot claim them.
 */
export function restSourceOf(value: unknown): 'API' | 'CLI' {
    return typeof value === 'string' && value.trim().toUpperCase() === 'CLI' ? 'CLI' : 'API';
}

/**
 * Refuses a body with more distinct ids than the API session cap before the service normalises
 * any of them, as OnDemandSyncRestResource does: a Salesforce id counts by its first 15
 * characters (its 15- and 18-character forms are one record), a Zuora id case-insensitively,
 * each trimmed, without checking them. For valid ids that is exactly the service's count.
 */
export function requireFewEnoughIds(input: SyncInput, cap: number, labels: Labels): void {
    const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
    const distinct = new Set([
        ...(input.ids ?? []).map((value) => `id:${text(value).slice(0, 15)}`),
        ...(input.zuoraIds ?? []).map((value) => `zuora:${text(value).toLowerCase()}`)
    ]);
    if (distinct.size > cap) {
        throw serviceError(
            'TOO_MANY_IDS',
            label(labels, 'OnDemandSync_Error_TooManyIds', cap, distinct.size)
        );
    }
}

/** POST .../sync */
export async function postSync(
    org: RestOrg,
    body: unknown,
    operation: 'sync' | 'claim' = 'sync'
): Promise<SyncResponse> {
    try {
        const parsed = parseSyncBody(body, org.labels);
        requireFewEnoughIds(parsed, org.settings().apiSessionCap, org.labels);
        const input: SyncInput = { ...parsed, source: restSourceOf(parsed.source) };
        const failure = org.faults.requestFailure([
            ...(input.ids ?? []),
            ...(input.zuoraIds ?? [])
        ]);
        if (failure !== null) {
            throw new OrgError(
                failure.errorCode,
                failure.message ?? `Injected failure: ${failure.errorCode}`,
                failure.status
            );
        }
        return operation === 'claim'
            ? await org.service.claim(input, org.beginTransaction())
            : await org.service.requestSync(input, org.beginTransaction());
    } catch (thrown) {
        throw asOrgError(thrown, org.labels);
    }
}

/**
 * POST .../jobs: `{ "accountId" }` (every syncable billing account of the Account) or
 * `{ "objectType", "ids", "zuoraIds" }` (no cap of 10); both at once is INVALID_ID.
 */
export function postJob(
    org: EmulatedOrg,
    body: unknown
): { jobId: string; status: string; total: number } {
    try {
        const parsed = parseSyncBody(body, org.labels);
        const accountId = (body as Record<string, unknown>).accountId;
        const source = restSourceOf(parsed.source);
        let job: JobView;
        if (accountId === undefined || accountId === null) {
            job = org.jobs.start({ ...parsed, source }, source);
        } else if ((parsed.ids ?? []).length > 0 || (parsed.zuoraIds ?? []).length > 0) {
            throw serviceError(
                'INVALID_ID',
                label(org.labels, 'OnDemandSync_Error_JobAccountAndIds')
            );
        } else {
            job = org.jobs.startForAccount(accountId, source);
        }
        return { jobId: job.jobId, status: job.status, total: job.total };
    } catch (thrown) {
        throw asOrgError(thrown, org.labels);
    }
}

/** GET .../jobs/{jobId}: the job's counts; 404 NOT_FOUND for an unknown or foreign id. */
export function getJob(org: EmulatedOrg, jobId: string): ReturnType<typeof toRestJob> {
    try {
        return toRestJob(org.jobs.get(jobId));
    } catch (thrown) {
        throw asOrgError(thrown, org.labels);
    }
}
