/**
 * --account: the billing accounts of an Account, read through the REST resource
 * GET .../v1/accounts/{accountId}/billing-accounts (one request per Account, retried like a sync).
 * Every billing account listed is synced; the org decides per item (cooldown, no Zuora id).
 */
import { describeError, normaliseLimits, type LimitEntry } from '../bridge';
import { authError, inputError, type InputProblem } from './errors';
import type { SourcedId } from './input';
import { RetriesExhausted, withRetry, type RetryEvent, type RetryPolicy } from './retry';
import { connectionProblemOf, type OrgClient } from './transport';

/** What the listing tells of one billing account (what a dry run can say of it). */
export interface ListedBillingAccount {
    readonly id: string;
    readonly name?: string;
    readonly zuoraId: string | null;
    /** When the cooldown of a recent request ends (ISO 8601), or null. */
    readonly cooldownUntil: string | null;
}

export interface AccountListing {
    /** Billing account ids, with the Account they came from. */
    readonly ids: SourcedId[];
    /** Every billing account listed, with its Zuora id and cooldown. */
    readonly listed: ListedBillingAccount[];
    /** Accounts that have no billing account. */
    readonly empty: string[];
    /** The org limit readings of the last answer. */
    readonly limits: LimitEntry[];
}

function billingAccountsOf(answer: unknown): ListedBillingAccount[] | null {
    if (answer === null || typeof answer !== 'object') {
        return null;
    }
    const list = (answer as { billingAccounts?: unknown }).billingAccounts;
    if (!Array.isArray(list)) {
        return null;
    }
    const text = (value: unknown): string | null =>
        typeof value === 'string' && value !== '' ? value : null;
    return list
        .filter(
            (entry): entry is Record<string, unknown> => entry !== null && typeof entry === 'object'
        )
        .filter((entry) => typeof entry.id === 'string')
        .map((entry) => {
            const name = text(entry.name);
            return {
                id: entry.id as string,
                ...(name === null ? {} : { name }),
                zuoraId: text(entry.zuoraId),
                cooldownUntil: text(entry.cooldownUntil)
            };
        });
}

/**
 * Lists the billing accounts of each Account, `concurrency` at a time. Throws CliError: exit 3 when
 * the session is refused or the org cannot be reached, exit 2 when an Account cannot be listed.
 */
export async function listBillingAccounts(
    client: Pick<OrgClient, 'getBillingAccounts'>,
    accountIds: readonly string[],
    options: {
        readonly concurrency: number;
        readonly retry: RetryPolicy;
        readonly onRetry?: (accountId: string, event: RetryEvent) => void;
        readonly sleep?: (ms: number) => Promise<void>;
    }
): Promise<AccountListing> {
    const listed: (ListedBillingAccount[] | undefined)[] = new Array<
        ListedBillingAccount[] | undefined
    >(accountIds.length);
    const problems: InputProblem[] = [];
    let limits: LimitEntry[] = [];
    let next = 0;

    const listOne = async (index: number): Promise<void> => {
        const accountId = accountIds[index] as string;
        let answer: unknown;
        try {
            answer = await withRetry(() => client.getBillingAccounts(accountId), {
                policy: options.retry,
                onRetry: (event) => options.onRetry?.(accountId, event),
                ...(options.sleep === undefined ? {} : { sleep: options.sleep })
            });
        } catch (error) {
            const refusal = orgRefusal(error);
            problems.push({
                code: refusal.code,
                where: `--account ${accountId}`,
                value: accountId,
                message:
                    refusal.code === 'NOT_FOUND'
                        ? `Account ${accountId} does not exist or this user cannot see it (the org answered: ${refusal.message})`
                        : `Its billing accounts could not be listed: ${refusal.message}`
            });
            return;
        }
        const entries = billingAccountsOf(answer);
        if (entries === null) {
            problems.push({
                where: `--account ${accountId}`,
                value: accountId,
                message: 'The org answered without a billingAccounts list.'
            });
            return;
        }
        listed[index] = entries;
        const readings = normaliseLimits((answer as { limits?: unknown }).limits);
        if (readings.length > 0) {
            limits = readings;
        }
    };

    const worker = async (): Promise<void> => {
        while (next < accountIds.length) {
            await listOne(next++);
        }
    };
    await Promise.all(
        Array.from({ length: Math.min(Math.max(1, options.concurrency), accountIds.length) }, () =>
            worker()
        )
    );
    if (problems.length > 0) {
        const named = problems.map((problem) => problem.value).join(', ');
        throw inputError(
            `${problems.length === 1 ? 'Account' : `${problems.length} Accounts`} ${named} could not be read. Nothing was sent.`,
            problems
        );
    }
    const ids: SourcedId[] = [];
    const empty: string[] = [];
    accountIds.forEach((accountId, index) => {
        const found = listed[index] ?? [];
        if (found.length === 0) {
            empty.push(accountId);
        }
        found.forEach((entry, position) =>
            ids.push({
                value: entry.id,
                where: `billing account ${position + 1} of Account ${accountId}`
            })
        );
    });
    return { ids, listed: listed.flatMap((entries) => entries ?? []), empty, limits };
}

/**
 * What an org request's final failure means for the run: a refused session or an unreachable
 * org ends it (thrown as exit 3); anything else is the org's answer about this input, as text.
 */
export function orgFailure(error: unknown): string {
    return orgRefusal(error).message;
}

/** As orgFailure, with the org's error code (NOT_FOUND: no such Account, or not visible). */
function orgRefusal(error: unknown): { readonly code: string; readonly message: string } {
    const description =
        error instanceof RetriesExhausted ? error.description : describeError(error);
    if (description.code === 'INVALID_SESSION_ID' || description.httpStatus === 401) {
        throw authError(`${description.message} (the session was refused)`);
    }
    const unusable = connectionProblemOf(error instanceof RetriesExhausted ? error.error : error);
    if (unusable !== null) {
        throw authError(unusable, 'CONNECTION');
    }
    if (description.code === 'NETWORK' || description.retryable) {
        // Unreachable, or busy (a 503 after the retries): a connection failure, not bad input.
        throw authError(`The org could not be reached: ${description.message}`, 'CONNECTION');
    }
    return { code: description.code, message: description.message };
}
