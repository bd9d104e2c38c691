/**
 * OnDemandSyncRestResource, in TypeScript (urlMapping /zuora/ondemandsync/v1/*): the two
 * routes, the JSON body read as the Apex class reads it, errors as OrgError.
 */
import { keyPrefixOf, toId18 } from '../bridge/ids';
import { listBillingAccounts, toRestBillingAccount } from './billing-account-view';
import { OrgError, serviceError } from './errors';
import { ACCOUNT_KEY_PREFIX } from './key-prefixes';
import { label, type Labels } from './labels';
import type { EmulatedOrg } from './org';
import type { LimitEntry, RestBillingAccount, SyncInput, SyncResponse } from './types';

/** The answer of GET .../accounts/{accountId}/billing-accounts. */
export interface BillingAccountsResponse {
    readonly accountId: string;
    readonly billingAccounts: RestBillingAccount[];
    readonly limits: LimitEntry[];
}

/** GET .../accounts/{accountId}/billing-accounts */
export function getBillingAccounts(org: EmulatedOrg, accountId: string): BillingAccountsResponse {
    const id = toId18(accountId);
    if (id === null || keyPrefixOf(id) !== ACCOUNT_KEY_PREFIX) {
        throw serviceError(
            'INVALID_ID',
            label(org.labels, 'OnDemandSync_Error_InvalidAccountId', accountId)
        );
    }
    const transaction = org.beginTransaction();
    const views = listBillingAccounts(
        {
            data: org.data,
            auditLog: org.auditLog,
            labels: org.labels,
            now: org.clock.now(),
            cooldownMinutes: org.settings().cooldownMinutes,
            transaction
        },
        id
    );
    return {
        accountId: id,
        billingAccounts: views.map(toRestBillingAccount),
        limits: [...transaction.snapshot(), ...org.limits.snapshot()]
    };
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
    if (!absent(input.emailNotification) && typeof input.emailNotification !== 'boolean') {
        throw malformedRequest(labels, 'emailNotification must be true, false or null');
    }
    return {
        objectType: input.objectType as string | null | undefined,
        ids: (input.ids as unknown[] | null | undefined) ?? [],
        zuoraIds: (input.zuoraIds as unknown[] | null | undefined) ?? [],
        source: input.source as string | null | undefined,
        emailNotification: input.emailNotification as boolean | null | undefined
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

/** POST .../sync */
export async function postSync(org: EmulatedOrg, body: unknown): Promise<SyncResponse> {
    const parsed = parseSyncBody(body, org.labels);
    const input: SyncInput = { ...parsed, source: restSourceOf(parsed.source) };
    const failure = org.faults.requestFailure([...(input.ids ?? []), ...(input.zuoraIds ?? [])]);
    if (failure !== null) {
        throw new OrgError(
            failure.errorCode,
            failure.message ?? `Injected failure: ${failure.errorCode}`,
            failure.status
        );
    }
    return org.service.requestSync(input, org.beginTransaction());
}
