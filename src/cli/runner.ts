/**
 * Sending a planned run: batches of at most 10 items, one REST request each, up to
 * `concurrency` in flight, transient failures retried (retry.ts), the org's DailyApiRequests
 * checked against the API budget after every answer, and a stop switch (Ctrl-C, SIGTERM, a fatal
 * error, the budget) after which no new batch is sent: in-flight batches finish, the rest are
 * NOT_SENT. Every outcome is recorded (journal) as soon as it is known.
 */
import {
    API_SESSION_CAP,
    describeError,
    limitWarnings,
    messageText,
    requestSync,
    type ErrorDescription,
    type ItemResult,
    type LimitEntry,
    type SyncObjectType,
    type SyncOutcome,
    type SyncRequestInput
} from '../bridge';
import { keyOf, toItemLine, type ItemLine } from './journal';
import { RetriesExhausted, withRetry, type RetryEvent, type RetryPolicy } from './retry';
import { networkCodeOf, NEVER_CONNECTED, type OrgClient } from './transport';

export interface Batch {
    /** 1-based number of the batch in the run. */
    readonly number: number;
    readonly ids: readonly string[];
}

/** Why a run stopped before sending every batch. */
export type StopReason = 'budget' | 'interrupted' | 'auth' | 'connection' | 'refused';

export interface StopInfo {
    readonly reason: StopReason;
    readonly code: string;
    readonly message: string;
}

/** Stops a run: no new batch is sent once it is thrown. The first reason wins. */
export class StopSwitch {
    private info: StopInfo | null = null;
    private readonly listeners: (() => void)[] = [];

    get stopped(): StopInfo | null {
        return this.info;
    }

    stop(info: StopInfo): void {
        if (this.info === null) {
            this.info = info;
            this.listeners.forEach((listener) => listener());
        }
    }

    /** Calls `listener` when the switch is thrown (at once if it already is). */
    onStop(listener: () => void): void {
        if (this.info !== null) {
            listener();
        } else {
            this.listeners.push(listener);
        }
    }
}

/** Where results go as they arrive (the --out file); optional. */
export interface RunRecorder {
    results(lines: readonly ItemLine[]): void;
}

export interface RunnerEvents {
    onBatchStart?(batch: Batch): void;
    onBatchDone?(batch: Batch, results: readonly ItemResult[]): void;
    onRetry?(batch: Batch, event: RetryEvent): void;
    onStop?(info: StopInfo): void;
}

export interface RunnerOptions {
    readonly objectType: SyncObjectType;
    readonly zuoraIds: boolean;
    readonly concurrency: number;
    /** Percent of DailyApiRequests from which no new batch is sent. */
    readonly apiBudget: number;
    readonly retry: RetryPolicy;
    readonly stop: StopSwitch;
    /** Org limit readings already known (e.g. from GET billing-accounts). */
    readonly initialLimits?: readonly LimitEntry[];
    readonly recorder?: RunRecorder;
    /** The --out file (as given) that --resume can continue; without one, --resume is not offered. */
    readonly resumeFile?: string;
    readonly events?: RunnerEvents;
    readonly now?: () => Date;
    readonly sleep?: (ms: number) => Promise<void>;
    readonly random?: () => number;
}

/** A CLI warning, as `--json` prints it. */
export interface CliWarning {
    readonly code: string;
    readonly message: string;
}

export interface RunnerOutcome {
    /** One result per item of the run, keyed by the item as planned. */
    readonly results: Map<string, ItemResult>;
    readonly stop: StopInfo | null;
    /** The latest limit warnings (one per limit). */
    readonly warnings: CliWarning[];
}

/** Error codes that refuse the caller rather than an item: sending more would fail the same way. */
const REFUSING_CODES: ReadonlySet<string> = new Set([
    'INSUFFICIENT_ACCESS',
    'ZUORA_NOT_CONFIGURED',
    'INVALID_OBJECT_TYPE',
    'REQUEST_LIMIT_EXCEEDED',
    'API_DISABLED_FOR_ORG',
    'API_CURRENTLY_DISABLED',
    'NOT_FOUND',
    'ERROR_HTTP_404',
    'METHOD_NOT_ALLOWED',
    'ERROR_HTTP_405'
]);

interface FailureVerdict {
    readonly status: 'FAILED' | 'NOT_SENT';
    readonly message: string;
    readonly stop?: StopInfo;
}

/** How to send later the items not sent: --resume with an --out file, or a new run. */
export function sendLaterHint(resumeFile: string | undefined): string {
    return resumeFile === undefined
        ? 'Run the command again to send it, with --out next time (a run with --out can be resumed).'
        : `Send it with --resume ${resumeFile}.`;
}

/** What a batch whose request finally failed means for its items and for the run. */
function judgeFailure(
    description: ErrorDescription,
    error: unknown,
    resumeFile?: string
): FailureVerdict {
    const code = String(description.code);
    if (code === 'INVALID_SESSION_ID' || description.httpStatus === 401) {
        const message = `${description.message} (the session was refused: run sf org login, or give a fresh token)`;
        return {
            status: 'NOT_SENT',
            message,
            stop: { reason: 'auth', code: 'AUTHENTICATION', message }
        };
    }
    if (code === 'NETWORK') {
        const networkCode = networkCodeOf(error);
        if (networkCode !== undefined && NEVER_CONNECTED.has(networkCode)) {
            const message = `${description.message} (${networkCode})`;
            return {
                status: 'NOT_SENT',
                message,
                stop: { reason: 'connection', code: 'CONNECTION', message }
            };
        }
        // The request may have reached the org: NOT_SENT, so that --resume sends it again, and
        // the org's cooldown answers that second request SKIPPED if the first one went through.
        return {
            status: 'NOT_SENT',
            message:
                `${description.message} The request was sent but its answer was lost. ` +
                (resumeFile === undefined
                    ? 'Run the command again to send it'
                    : `--resume ${resumeFile} sends it again`) +
                " (the org's cooldown answers SKIPPED if the first request went through).",
            stop: { reason: 'connection', code: 'CONNECTION', message: description.message }
        };
    }
    if (REFUSING_CODES.has(code)) {
        return {
            status: 'NOT_SENT',
            message: description.message,
            stop: { reason: 'refused', code, message: description.message }
        };
    }
    return { status: 'FAILED', message: description.message };
}

/** The org's DailyApiRequests reading among `limits`, or null. */
function dailyApiRequests(limits: readonly LimitEntry[]): LimitEntry | null {
    return limits.find((limit) => limit.name === 'DailyApiRequests' && limit.max > 0) ?? null;
}

function budgetStop(reading: LimitEntry, budget: number, resumeFile?: string): StopInfo {
    const percent = Math.floor((reading.used * 100) / reading.max);
    return {
        reason: 'budget',
        code: 'API_BUDGET_REACHED',
        message:
            `The org has used ${percent}% of today's API requests (${reading.used} of ${reading.max}), ` +
            `which reaches --api-budget ${budget}%: no further batch was sent. ` +
            (resumeFile === undefined
                ? 'Run the command again later, with --out next time (a run with --out can be resumed).'
                : `Run again later with --resume ${resumeFile}.`)
    };
}

function notSentMessage(stop: StopInfo | null, resumeFile: string | undefined): string {
    if (stop === null) {
        return 'Not sent.';
    }
    const hint = sendLaterHint(resumeFile);
    switch (stop.reason) {
        case 'budget':
            return `Not sent: the org reached the API budget for today's requests. ${hint}`;
        case 'interrupted':
            return `Not sent: the run was interrupted. ${hint}`;
        default:
            return `Not sent: the run stopped (${stop.message}). ${hint}`;
    }
}

/** Sends the batches and returns one result per item. Never rejects for a failed request. */
export async function runBatches(
    batches: readonly Batch[],
    client: Pick<OrgClient, 'postSync' | 'apiUsage'>,
    options: RunnerOptions
): Promise<RunnerOutcome> {
    const now = options.now ?? (() => new Date());
    const results = new Map<string, ItemResult>();
    const warnings = new Map<string, CliWarning>();
    const { stop, events, recorder } = options;

    const record = (batch: Batch, list: ItemResult[]): void => {
        const byKey = new Map(list.map((result) => [keyOf(result.id), result]));
        const ordered = batch.ids.map(
            (id): ItemResult =>
                byKey.get(keyOf(id)) ?? {
                    id,
                    status: 'FAILED',
                    message: messageText('itemNoResult')
                }
        );
        recorder?.results(ordered.map((result) => toItemLine(result, now().toISOString())));
        batch.ids.forEach((id, index) => results.set(id, ordered[index] as ItemResult));
        events?.onBatchDone?.(batch, ordered);
    };

    const checkLimits = (limits: readonly LimitEntry[]): void => {
        for (const warning of limitWarnings([...limits])) {
            warnings.set(`${warning.scope}:${warning.name}`, {
                code: warning.code,
                message: warning.message
            });
        }
        const reading = dailyApiRequests(limits) ?? client.apiUsage();
        if (reading !== null && (reading.used * 100) / reading.max >= options.apiBudget) {
            const info = budgetStop(reading, options.apiBudget, options.resumeFile);
            stop.stop(info);
        }
    };

    const sendBatch = async (batch: Batch): Promise<void> => {
        events?.onBatchStart?.(batch);
        const request: SyncRequestInput = {
            objectType: options.objectType,
            ...(options.zuoraIds
                ? { ids: [], zuoraIds: batch.ids }
                : { ids: batch.ids, zuoraIds: [] }),
            source: 'CLI'
        };
        let outcome: SyncOutcome;
        try {
            outcome = await withRetry(
                () =>
                    requestSync((body) => client.postSync(body), request, { max: API_SESSION_CAP }),
                {
                    policy: options.retry,
                    onRetry: (event) => events?.onRetry?.(batch, event),
                    ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
                    ...(options.random === undefined ? {} : { random: options.random })
                }
            );
        } catch (error) {
            const exhausted =
                error instanceof RetriesExhausted
                    ? error
                    : new RetriesExhausted(error, describeError(error), 1);
            // requestSync wraps the transport's error in a SyncError; its cause is the raw one.
            const raw = exhausted.error as { cause?: unknown } | null;
            const verdict = judgeFailure(
                exhausted.description,
                raw?.cause ?? raw,
                options.resumeFile
            );
            record(
                batch,
                batch.ids.map((id) => ({ id, status: verdict.status, message: verdict.message }))
            );
            if (verdict.stop !== undefined) {
                stop.stop(verdict.stop);
            }
            return;
        }
        record(batch, outcome.results);
        checkLimits(outcome.limits);
    };

    let next = 0;
    const take = (): Batch | undefined =>
        stop.stopped === null && next < batches.length ? batches[next++] : undefined;
    const worker = async (): Promise<void> => {
        for (let batch = take(); batch !== undefined; batch = take()) {
            await sendBatch(batch);
        }
    };

    stop.onStop(() => {
        const info = stop.stopped;
        if (info !== null) {
            events?.onStop?.(info);
        }
    });

    if (options.initialLimits !== undefined) {
        checkLimits(options.initialLimits);
    }
    // Full concurrency from the start (no slow start): without an earlier reading, at most
    // `concurrency` batches go out before the first answer tells where the org's API budget is.
    const workers = Math.min(options.concurrency, batches.length - next);
    await Promise.all(Array.from({ length: Math.max(0, workers) }, () => worker()));

    const unsent = batches.slice(next).flatMap((batch) => batch.ids);
    if (unsent.length > 0) {
        const message = notSentMessage(stop.stopped, options.resumeFile);
        const list = unsent.map((id): ItemResult => ({ id, status: 'NOT_SENT', message }));
        const at = now().toISOString();
        recorder?.results(list.map((result) => toItemLine(result, at)));
        list.forEach((result) => results.set(result.id, result));
    }
    return { results, stop: stop.stopped, warnings: [...warnings.values()] };
}
