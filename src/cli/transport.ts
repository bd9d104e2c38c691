/**
 * The org, as the command line talks to it: the session found by auth.ts, the Apex REST resource
 * of contract v1 (the listing through jsforce, the sync requests through a lighter kept-alive
 * POST), one HTTP request per call (no retries here; retry.ts decides), a timeout per request,
 * and a count of the requests made.
 */
import type { Connection } from 'jsforce/core';
import { SyncError, type LimitEntry, type SyncRequest } from '../bridge';
import { NEVER_CONNECTED_CODES } from '../bridge/contract';
import { apiUsageOf, createJsonPoster, httpError } from './json-post';
import type { OrgSession } from './sf';

const API_VERSION = '65.0';
export const SYNC_PATH = '/zuora/ondemandsync/v1/sync';
const DEFAULT_REQUEST_TIMEOUT_MS = 120000;
const TIMEOUT_ENV = 'ZUORA_SYNC_REQUEST_TIMEOUT_MS';

/** The body of POST .../v1/jobs: an Account, or ids. */
export type JobRequestBody =
    | { readonly accountId: string; readonly source: 'CLI' }
    | {
          readonly objectType: string;
          readonly ids: readonly string[];
          readonly zuoraIds: readonly string[];
          readonly source: 'CLI';
      };

/** What the runner needs from the org. */
export interface OrgClient {
    /** POST .../v1/sync: one REST request; resolves with the raw answer. */
    postSync(request: SyncRequest): Promise<unknown>;
    /** GET .../v1/accounts/{accountId}/billing-accounts: one REST request. */
    getBillingAccounts(accountId: string): Promise<unknown>;
    /** POST .../v1/jobs: starts a background job (never retried: it is not idempotent). */
    postJob(body: JobRequestBody): Promise<unknown>;
    /** GET .../v1/jobs/{jobId}: one REST request. */
    getJob(jobId: string): Promise<unknown>;
    /** The org's daily API usage from the last Sforce-Limit-Info header, if any. */
    apiUsage(): LimitEntry | null;
    /** GET /services/data/vXX.X/limits: one REST request; the org's DailyApiRequests reading. */
    readApiUsage(): Promise<LimitEntry | null>;
    /** REST requests that reached the org so far (not those that never connected). */
    readonly requestCount: number;
}

export function requestTimeoutFrom(env: NodeJS.ProcessEnv): number {
    const value = Number(env[TIMEOUT_ENV]);
    return Number.isInteger(value) && value > 0 ? value : DEFAULT_REQUEST_TIMEOUT_MS;
}

/** The error a request that took too long rejects with (describeError: NETWORK, retryable). */
function timeoutError(ms: number): Error {
    const error = new Error(`No answer within ${ms} ms`) as Error & { code: string };
    error.name = 'TimeoutError';
    error.code = 'ETIMEDOUT';
    return error;
}

/** Runs `start`, rejecting with a timeout error (and aborting it) when it takes more than `ms`. */
function withTimeout<T>(start: (signal: AbortSignal) => PromiseLike<T>, ms: number): Promise<T> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
            reject(timeoutError(ms));
            controller.abort();
        }, ms);
    });
    const work = Promise.resolve(start(controller.signal));
    work.catch(() => undefined);
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Network failures where no connection was made, so nothing can have reached the org. */
export const NEVER_CONNECTED: ReadonlySet<string> = new Set(NEVER_CONNECTED_CODES);

/** The network error code of an error or of one of its causes (ECONNRESET, ...), if any. */
export function networkCodeOf(error: unknown, depth = 0): string | undefined {
    if (error === null || typeof error !== 'object' || depth > 4) {
        return undefined;
    }
    const bag = error as { code?: unknown; errno?: unknown; cause?: unknown };
    if (typeof bag.code === 'string' && /^E[A-Z]+$|^UND_ERR/.test(bag.code)) {
        return bag.code;
    }
    if (typeof bag.errno === 'string') {
        return bag.errno;
    }
    return networkCodeOf(bag.cause, depth + 1);
}

/** The code of the error that says the instance URL cannot be used (TLS, not an org). */
const UNUSABLE_ORG = 'UNUSABLE_ORG';

/** TLS failures, by what their code or message says, and the cause in words. */
const TLS_CAUSES: readonly (readonly [RegExp, string])[] = [
    [
        /WRONG_VERSION_NUMBER|wrong version number|packet length too long|EPROTO/i,
        'the server does not speak TLS (https) there: check the URL and its port'
    ],
    [/SELF_SIGNED|self[- ]signed/i, 'its TLS certificate is self-signed, so it is not trusted'],
    [
        /UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|unable to (?:verify|get) (?:the first|local issuer)/i,
        'its TLS certificate cannot be verified (unknown issuer)'
    ],
    [/CERT_HAS_EXPIRED|certificate has expired/i, 'its TLS certificate has expired'],
    [/ALTNAME|does not match certificate/i, 'its TLS certificate is for another host name'],
    [/ERR_SSL|ERR_TLS|\bSSL\b|\bTLS\b/i, 'the TLS connection could not be set up']
];

/** Every code and message of an error and of its causes. */
function errorTexts(error: unknown, depth = 0): string[] {
    if (error === null || typeof error !== 'object' || depth > 4) {
        return [];
    }
    const bag = error as { code?: unknown; message?: unknown; cause?: unknown };
    return [
        ...[bag.code, bag.message].filter((text): text is string => typeof text === 'string'),
        ...errorTexts(bag.cause, depth + 1)
    ];
}

/** The TLS cause of a failed request in words, or null when it is not a TLS failure. */
function tlsCauseOf(error: unknown): string | null {
    const texts = errorTexts(error);
    const found = TLS_CAUSES.find(([pattern]) => texts.some((text) => pattern.test(text)));
    return found === undefined ? null : found[1];
}

/** A failure that says the instance URL cannot be used: never retried, ends the run (exit 3). */
function unusableOrg(message: string): SyncError {
    return new SyncError(UNUSABLE_ORG, message, { retryable: false });
}

/** The one-line reason the instance URL cannot be used, if that is what `error` says. */
export function connectionProblemOf(error: unknown, depth = 0): string | null {
    if (error === null || typeof error !== 'object' || depth > 4) {
        return null;
    }
    const bag = error as { code?: unknown; message?: unknown; cause?: unknown };
    if (bag.code === UNUSABLE_ORG && typeof bag.message === 'string') {
        return bag.message;
    }
    return connectionProblemOf(bag.cause, depth + 1);
}

/** Whether a failed request never reached the org (no connection was made). */
function neverConnected(error: unknown): boolean {
    const code = networkCodeOf(error);
    return (code !== undefined && NEVER_CONNECTED.has(code)) || connectionProblemOf(error) !== null;
}

/** Checks an answer of the Apex REST resource: JSON, else the URL is not a Salesforce org's. */
function checkAnswer(answer: unknown, instanceUrl: string): unknown {
    if (answer === null || typeof answer !== 'object') {
        throw unusableOrg(
            `${instanceUrl} does not look like a Salesforce org: it answered ${
                typeof answer === 'string' && /<html|<!doctype/i.test(answer)
                    ? 'a web page (HTML)'
                    : 'something that is not JSON'
            } instead of the On-Demand Sync REST resource. Check --instance-url.`
        );
    }
    return answer;
}

/** Turns a TLS failure into a one-line connection failure naming its cause. */
function explainTls(error: unknown, instanceUrl: string): unknown {
    const cause = tlsCauseOf(error);
    return cause === null
        ? error
        : unusableOrg(`${instanceUrl} cannot be reached securely: ${cause}.`);
}

/**
 * Counts a request as it is sent, and takes it back if it never connected: `requestCount` is the
 * requests that reached the org (answered, in flight, or sent and their answer lost).
 */
function counted<T>(send: () => Promise<T>, count: (delta: number) => void): Promise<T> {
    count(1);
    return new Promise<T>((resolve) => resolve(send())).catch((error: unknown) => {
        if (neverConnected(error)) {
            count(-1);
        }
        throw error;
    });
}

/**
 * A client on a session. jsforce is loaded on the first listing only: a run from ids or a file
 * never needs it, and loading it was about half of the command line's start-up time.
 */
/** The DailyApiRequests entry of a Limits resource answer ({ Max, Remaining }), or null. */
function dailyApiRequestsOf(limits: unknown): LimitEntry | null {
    const entry = (limits as { DailyApiRequests?: { Max?: unknown; Remaining?: unknown } } | null)
        ?.DailyApiRequests;
    const max = entry?.Max;
    const remaining = entry?.Remaining;
    if (typeof max !== 'number' || typeof remaining !== 'number' || max <= 0) {
        return null;
    }
    return { name: 'DailyApiRequests', scope: 'org', used: max - remaining, max };
}

export function createOrgClient(session: OrgSession, options: { timeoutMs: number }): OrgClient {
    let conn: Connection | undefined;
    const connection = async (): Promise<Connection> => {
        if (conn === undefined) {
            const jsforce = await import('jsforce/core');
            conn = new jsforce.Connection({
                instanceUrl: session.instanceUrl,
                accessToken: session.accessToken,
                version: API_VERSION
            });
        }
        return conn;
    };
    // jsforce would retry GETs by itself and hide those requests; retry.ts does it instead.
    const noRetry = { retry: { maxRetries: 0 }, timeout: options.timeoutMs };
    const poster = createJsonPoster({ Authorization: `Bearer ${session.accessToken}` });
    const syncUrl = `${session.instanceUrl}/services/apexrest${SYNC_PATH}`;
    let usage: LimitEntry | null = null;
    let count = 0;
    /** One counted request, bounded by the timeout. */
    const send = (request: (signal: AbortSignal) => PromiseLike<unknown>): Promise<unknown> =>
        counted(
            () =>
                withTimeout(request, options.timeoutMs).then(
                    (answer) => checkAnswer(answer, session.instanceUrl),
                    (error: unknown) => {
                        throw explainTls(error, session.instanceUrl);
                    }
                ),
            (delta) => (count += delta)
        );
    const apexRest = `${session.instanceUrl}/services/apexrest/zuora/ondemandsync/v1`;
    /** One POST through the kept-alive poster; a non-2xx answer rejects as jsforce would. */
    const post = (url: string, body: unknown): Promise<unknown> =>
        send(async (signal) => {
            const answer = await poster.post(url, body, signal);
            const reading = apiUsageOf(answer.limitInfo);
            if (reading !== null && reading.max > 0) {
                usage = { name: 'DailyApiRequests', scope: 'org', ...reading };
            }
            if (answer.status < 200 || answer.status > 299) {
                throw httpError(answer.status, answer.body);
            }
            return answer.body;
        });
    const get = (url: string): Promise<unknown> =>
        send(async () => (await connection()).request<unknown>({ method: 'GET', url }, noRetry));
    return {
        postJob(body: JobRequestBody): Promise<unknown> {
            return post(`${apexRest}/jobs`, body);
        },
        getJob(jobId: string): Promise<unknown> {
            return get(
                `/services/apexrest/zuora/ondemandsync/v1/jobs/${encodeURIComponent(jobId)}`
            );
        },
        postSync(request: SyncRequest): Promise<unknown> {
            // Never retried here (retry.ts decides); the timer bounds a request that hangs.
            return post(syncUrl, request);
        },
        getBillingAccounts(accountId: string): Promise<unknown> {
            const url = `/services/apexrest/zuora/ondemandsync/v1/accounts/${encodeURIComponent(
                accountId
            )}/billing-accounts`;
            return get(url);
        },
        async readApiUsage(): Promise<LimitEntry | null> {
            const limits = await get(`/services/data/v${API_VERSION}/limits`);
            return dailyApiRequestsOf(limits);
        },
        apiUsage(): LimitEntry | null {
            const listed = conn?.limitInfo.apiUsage;
            return (
                usage ??
                (listed === undefined
                    ? null
                    : {
                          name: 'DailyApiRequests',
                          scope: 'org',
                          used: listed.used,
                          max: listed.limit
                      })
            );
        },
        get requestCount(): number {
            return count;
        }
    };
}
