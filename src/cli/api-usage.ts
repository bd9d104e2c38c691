/**
 * The org's DailyApiRequests reading before the first batch is sent (Salesforce's Limits
 * resource, one GET, retried like any read), so that --api-budget holds from the first wave: a
 * budget already spent sends nothing. A refused session or an unreachable org stops the run
 * before its first batch (exit 3, every item NOT_SENT); any other failure (the user may not read
 * the org's limits, the org is busy) gives a warning, and the first answers tell the reading.
 */
import { describeError, type LimitEntry } from '../bridge';
import { withRetry, RetriesExhausted, type RetryEvent, type RetryPolicy } from './retry';
import { dailyApiRequests, sessionRefused, type StopInfo } from './runner';
import { connectionProblemOf, networkCodeOf, NEVER_CONNECTED, type OrgClient } from './transport';
import type { CliWarning } from './warning';

export interface UsageReading {
    /** The limit readings the run starts from. */
    readonly limits: LimitEntry[];
    readonly warnings: CliWarning[];
    /** Set when the run must not send anything: the session was refused, the org unreachable. */
    readonly stop?: StopInfo;
}

/** `known` when it already holds a DailyApiRequests reading; otherwise reads it from the org. */
export async function apiUsageBeforeSending(
    client: Pick<OrgClient, 'readApiUsage'>,
    known: readonly LimitEntry[],
    options: {
        readonly retry: RetryPolicy;
        readonly concurrency: number;
        readonly onRetry?: (event: RetryEvent) => void;
        readonly sleep?: (ms: number) => Promise<void>;
    }
): Promise<UsageReading> {
    if (dailyApiRequests(known) !== null) {
        return { limits: [...known], warnings: [] };
    }
    try {
        const reading = await withRetry(() => client.readApiUsage(), {
            policy: options.retry,
            ...(options.onRetry === undefined ? {} : { onRetry: options.onRetry }),
            ...(options.sleep === undefined ? {} : { sleep: options.sleep })
        });
        return { limits: reading === null ? [...known] : [...known, reading], warnings: [] };
    } catch (error) {
        const stop = fatalFailure(error);
        return {
            limits: [...known],
            warnings:
                stop === undefined
                    ? [
                          {
                              code: 'API_USAGE_UNKNOWN',
                              message:
                                  `The org's API usage could not be read before sending (${describeError(error).message}): up to ` +
                                  `${options.concurrency} ${options.concurrency === 1 ? 'batch' : 'batches'} could go out before the first answer told it.`
                          }
                      ]
                    : [],
            ...(stop === undefined ? {} : { stop })
        };
    }
}

/**
 * Why the read failed when the run cannot send either: a refused session, a server that is not
 * a usable org (TLS, a web page), or an org never connected to. A busy org or a lost answer is not
 * (the batches' own retries decide).
 */
function fatalFailure(error: unknown): StopInfo | undefined {
    const raw = error instanceof RetriesExhausted ? error.error : error;
    const description =
        error instanceof RetriesExhausted ? error.description : describeError(error);
    const refused = sessionRefused(description);
    if (refused !== null) {
        return refused;
    }
    const unusable = connectionProblemOf(raw);
    if (unusable !== null) {
        return { reason: 'connection', code: 'CONNECTION', message: unusable };
    }
    const networkCode = networkCodeOf(raw);
    if (networkCode !== undefined && NEVER_CONNECTED.has(networkCode)) {
        return {
            reason: 'connection',
            code: 'CONNECTION',
            message: `${description.message} (${networkCode})`
        };
    }
    return undefined;
}
