/**
 * Retrying transient failures: exponential backoff with full jitter, a bounded number of times.
 * Whether a failure is transient is the bridge's decision (describeError(...).retryable: HTTP
 * 5xx, connection reset, timeout, UNABLE_TO_LOCK_ROW, REQUEST_LIMIT_EXCEEDED); validation and
 * permission errors are never retried.
 */
import { describeError, type ErrorDescription } from '../bridge';

export interface RetryPolicy {
    /** Tries in all, the first included (at least 1). */
    readonly attempts: number;
    /** Backoff ceiling before the first retry, in ms; doubles on each retry. */
    readonly baseDelayMs: number;
    /** Longest wait between two tries, in ms. */
    readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
    attempts: 5,
    baseDelayMs: 500,
    maxDelayMs: 8000
});

/** Environment variables that tune retries and timeouts (tests and benchmarks use small values). */
const RETRY_ENV = Object.freeze({
    attempts: 'ZUORA_SYNC_MAX_ATTEMPTS',
    baseDelayMs: 'ZUORA_SYNC_RETRY_BASE_MS',
    maxDelayMs: 'ZUORA_SYNC_RETRY_MAX_MS'
});

function positiveInteger(value: string | undefined, fallback: number, min: number): number {
    if (value === undefined || value.trim() === '') {
        return fallback;
    }
    const number = Number(value);
    return Number.isInteger(number) && number >= min ? number : fallback;
}

/** The retry policy, with any override from the environment. */
export function retryPolicyFrom(env: NodeJS.ProcessEnv): RetryPolicy {
    return {
        attempts: positiveInteger(env[RETRY_ENV.attempts], DEFAULT_RETRY_POLICY.attempts, 1),
        baseDelayMs: positiveInteger(
            env[RETRY_ENV.baseDelayMs],
            DEFAULT_RETRY_POLICY.baseDelayMs,
            0
        ),
        maxDelayMs: positiveInteger(env[RETRY_ENV.maxDelayMs], DEFAULT_RETRY_POLICY.maxDelayMs, 0)
    };
}

/**
 * Wait before retry number `retry` (1 for the first retry): a random time between 0 and
 * min(maxDelayMs, baseDelayMs * 2^(retry-1)) ("full jitter"), so that parallel batches that
 * failed together do not come back together.
 */
export function backoffDelay(
    policy: RetryPolicy,
    retry: number,
    random: () => number = Math.random
): number {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
    return Math.round(ceiling * random());
}

export interface RetryEvent {
    /** The try that failed (1-based). */
    readonly attempt: number;
    readonly attempts: number;
    readonly delayMs: number;
    readonly error: ErrorDescription;
}

export interface RetryOptions {
    readonly policy: RetryPolicy;
    readonly onRetry?: (event: RetryEvent) => void;
    readonly sleep?: (ms: number) => Promise<void>;
    readonly random?: () => number;
}

export const sleep = (ms: number): Promise<void> =>
    new Promise((resolvePromise) => {
        setTimeout(resolvePromise, ms);
    });

/** The error that ended the tries, described, with the number of tries made. */
export class RetriesExhausted extends Error {
    constructor(
        readonly error: unknown,
        readonly description: ErrorDescription,
        readonly attempts: number
    ) {
        super(description.message);
        Object.setPrototypeOf(this, new.target.prototype);
        this.name = 'RetriesExhausted';
    }
}

/**
 * Runs `task` until it succeeds, a failure is not retryable, or the tries are used up. Rejects
 * with RetriesExhausted carrying the last error.
 */
export async function withRetry<T>(
    task: (attempt: number) => Promise<T>,
    options: RetryOptions
): Promise<T> {
    const wait = options.sleep ?? sleep;
    const attempts = Math.max(1, options.policy.attempts);
    for (let attempt = 1; ; attempt++) {
        try {
            return await task(attempt);
        } catch (error) {
            const description = describeError(error);
            if (!description.retryable || attempt >= attempts) {
                throw new RetriesExhausted(error, description, attempt);
            }
            const delayMs = backoffDelay(options.policy, attempt, options.random);
            options.onRetry?.({ attempt, attempts, delayMs, error: description });
            await wait(delayMs);
        }
    }
}
