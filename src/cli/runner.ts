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
    planSessions,
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
import { REFUSING_CODES as CONTRACT_REFUSING_CODES } from '../bridge/contract';
import { keyOf, toItemLine, type ItemLine } from './journal';
import type { CliWarning } from './warning';
import { RetriesExhausted, withRetry, type RetryEvent, type RetryPolicy } from './retry';
import { connectionProblemOf, networkCodeOf, NEVER_CONNECTED, type OrgClient } from './transport';

export interface Batch {
    /** 1-based number of the batch in the run. */
    readonly number: number;
    readonly ids: readonly string[];
    /** Not sent before this time (epoch ms): items an earlier run may still have in the org. */
    readonly notBefore?: number;
}

/**
 * The batches of a run: at most API_SESSION_CAP items each, in order; the items an earlier run
 * may have sent (`possiblySent`, with when) come last, in batches of their own, sent no earlier
 * than `settleMs` after the latest of them was sent. By then the org has finished with the
 * earlier request (or given it up), so its cooldown can tell whether it went through.
 */
export function planBatches(
    toSend: readonly string[],
    possiblySent: ReadonlyMap<string, string>,
    settleMs: number
): Batch[] {
    const fresh = toSend.filter((id) => !possiblySent.has(id));
    const again = toSend.filter((id) => possiblySent.has(id));
    const sentAt = again
        .map((id) => Date.parse(possiblySent.get(id) ?? ''))
        .filter((time) => Number.isFinite(time));
    const latest = sentAt.reduce((max, time) => Math.max(max, time), 0);
    const plan = (ids: readonly string[], extra: Partial<Batch>): Omit<Batch, 'number'>[] =>
        planSessions([...ids], API_SESSION_CAP).map((batch) => ({ ids: batch, ...extra }));
    return [
        ...plan(fresh, {}),
        ...plan(again, latest > 0 ? { notBefore: latest + settleMs } : {})
    ].map((batch, index) => ({ ...batch, number: index + 1 }));
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

/** Where the run is journaled (the --out file and its in-flight log); optional. */
export interface RunRecorder {
    /** Records items as possibly sent; resolves once that record survives a kill. */
    inFlight(ids: readonly string[], at: string): Promise<void>;
    /** Items recorded in flight ahead of time that were not sent after all. */
    released(ids: readonly string[]): void;
    /** Results as they arrive. */
    results(lines: readonly ItemLine[]): void;
    /** The names the answers gave (the --out lines do not hold them). */
    names?(results: readonly ItemResult[]): void;
}

export interface RunnerEvents {
    onBatchStart?(batch: Batch): void;
    onBatchDone?(batch: Batch, results: readonly ItemResult[]): void;
    onRetry?(batch: Batch, event: RetryEvent): void;
    onStop?(info: StopInfo): void;
    /** The run waits `ms` before sending again items an earlier run may still have in the org. */
    onSettle?(ms: number): void;
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
    /** Items that an earlier run may have sent already (--resume), with when. */
    readonly possiblySent?: ReadonlyMap<string, string>;
    readonly now?: () => Date;
    readonly sleep?: (ms: number) => Promise<void>;
    readonly random?: () => number;
}

export type { CliWarning };

export interface RunnerOutcome {
    /** One result per item of the run, keyed by the item as planned. */
    readonly results: Map<string, ItemResult>;
    readonly stop: StopInfo | null;
    /** The latest limit warnings (one per limit), and what became of items sent again. */
    readonly warnings: CliWarning[];
}

/** Error codes that refuse the caller rather than an item: sending more would fail the same way. */
const REFUSING_CODES: ReadonlySet<string> = new Set(CONTRACT_REFUSING_CODES);

/**
 * Codes Salesforce answers with HTTP 500 (an unexpected server error), which jsforce raises
 * without the status: not final, like any 5xx, although not worth retrying at once.
 */
const SERVER_ERROR_CODES: ReadonlySet<string> = new Set(['UNKNOWN_EXCEPTION', 'APEX_ERROR']);

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

/** The stop for a refused session (an expired or revoked token), or null. */
export function sessionRefused(description: ErrorDescription): StopInfo | null {
    if (description.code !== 'INVALID_SESSION_ID' && description.httpStatus !== 401) {
        return null;
    }
    const message = `${description.message} (the session was refused: run npx sf org login web, or give a fresh token)`;
    return { reason: 'auth', code: 'AUTHENTICATION', message };
}

/** What a batch whose request finally failed means for its items and for the run. */
function judgeFailure(
    description: ErrorDescription,
    error: unknown,
    attempts: number,
    resumeFile?: string
): FailureVerdict {
    const code = String(description.code);
    const unusable = connectionProblemOf(error);
    if (unusable !== null) {
        return {
            status: 'NOT_SENT',
            message: `Not sent: ${unusable}`,
            stop: { reason: 'connection', code: 'CONNECTION', message: unusable }
        };
    }
    const refused = sessionRefused(description);
    if (refused !== null) {
        return { status: 'NOT_SENT', message: refused.message, stop: refused };
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
    if (description.retryable || SERVER_ERROR_CODES.has(code)) {
        // May pass on its own (server busy, a lock): not final, so that --resume sends it again.
        return {
            status: 'NOT_SENT',
            message: `${description.message} (a temporary failure, ${attempts} ${
                attempts === 1 ? 'try' : 'tries'
            }). ${sendLaterHint(resumeFile)}`
        };
    }
    return { status: 'FAILED', message: description.message };
}

/** Whether a failed try may have reached the org (its request was sent, its answer is unknown). */
function mayHaveReached(error: unknown): boolean {
    const raw = (error as { cause?: unknown } | null)?.cause ?? error;
    const code = networkCodeOf(raw);
    if (code !== undefined) {
        return !NEVER_CONNECTED.has(code) && connectionProblemOf(raw) === null;
    }
    const status = describeError(error).httpStatus;
    return status === undefined || (status >= 500 && status !== 503);
}

/** The words added to the result of an item sent again while an earlier request may have reached the org. */
function resentNote(earlier: string | undefined): string {
    return earlier === undefined
        ? ' (An earlier try of this run, whose answer was lost, may have reached the org: this answer is about the second request.)'
        : ` (The run stopped at ${earlier} sent it without receiving the answer: this answer is about the second request.)`;
}

/** The warning that tells what became of the items sent again. */
function resentWarning(resent: readonly ItemResult[]): CliWarning[] {
    if (resent.length === 0) {
        return [];
    }
    const skipped = resent.filter((result) => result.status === 'SKIPPED').length;
    const requested = resent.filter((result) => result.status === 'REQUESTED').length;
    return [
        {
            code: 'SENT_AGAIN',
            message:
                `${resent.length} ${resent.length === 1 ? 'item was' : 'items were'} sent again because an earlier request may have reached the org: ` +
                `${skipped} answered SKIPPED (the org already had that request), ${requested} REQUESTED (it had not, or it cannot tell), ` +
                `${resent.length - skipped - requested} other.`
        }
    ];
}

/** The org's DailyApiRequests reading among `limits`, or null. */
export function dailyApiRequests(limits: readonly LimitEntry[]): LimitEntry | null {
    return limits.find((limit) => limit.name === 'DailyApiRequests' && limit.max > 0) ?? null;
}

/** The reading at which the budget stopped the run (the final message adds what was sent). */
interface BudgetReading {
    readonly reading: LimitEntry;
    readonly budget: number;
}

function percentOf(reading: LimitEntry): number {
    return Math.floor((reading.used * 100) / reading.max);
}

function budgetStop(reading: LimitEntry, budget: number): StopInfo {
    return {
        reason: 'budget',
        code: 'API_BUDGET_REACHED',
        message:
            `The org has used ${percentOf(reading)}% of today's API requests (${reading.used} of ${reading.max}), ` +
            `which reaches --api-budget ${budget}%: no new batch is sent.`
    };
}

function count(n: number, one: string, many = `${one}s`): string {
    return `${n} ${n === 1 ? one : many}`;
}

/**
 * The budget stop as the run ends: exactly what was and was not sent, and how to send the rest.
 * "Stopped at the API budget (90%): the org had used 900 of 1000 ... sent 2 of 5 batches (20 of
 * 47 items); 27 items NOT_SENT; --resume run.jsonl sends them."
 */
function budgetSummary(
    { reading, budget }: BudgetReading,
    sent: { batches: number; items: number },
    total: { batches: number; items: number },
    resumeFile: string | undefined
): StopInfo {
    const notSent = total.items - sent.items;
    return {
        reason: 'budget',
        code: 'API_BUDGET_REACHED',
        message:
            `Stopped at the API budget (${budget}%): the org had used ${reading.used} of ${reading.max} of today's API requests ` +
            `(${percentOf(reading)}%)${sent.batches === 0 ? ' before the first batch' : ''}; ` +
            `sent ${sent.batches} of ${count(total.batches, 'batch', 'batches')} (${sent.items} of ${count(total.items, 'item')}); ` +
            `${count(notSent, 'item')} NOT_SENT; ` +
            (resumeFile === undefined
                ? 'run the command again later to send them, with --out next time (a run with --out can be resumed).'
                : `--resume ${resumeFile} sends them once the org has API requests to spare.`)
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

    const resent: ItemResult[] = [];
    /** The next batch to take; the batches before it were sent (or held, see `held`). */
    let next = 0;
    let budgetReached: BudgetReading | null = null;

    const record = (batch: Batch, list: ItemResult[], retried: boolean): void => {
        const byKey = new Map(list.map((result) => [keyOf(result.id), result]));
        const ordered = batch.ids.map((id): ItemResult => {
            const result = byKey.get(keyOf(id)) ?? {
                id,
                status: 'FAILED',
                message: messageText('itemNoResult')
            };
            const earlier = options.possiblySent?.get(id);
            if ((!retried && earlier === undefined) || result.status === 'NOT_SENT') {
                return result;
            }
            resent.push(result);
            return { ...result, message: `${result.message}${resentNote(earlier)}` };
        });
        recorder?.results(ordered.map((result) => toItemLine(result, now().toISOString())));
        recorder?.names?.(ordered);
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
        // Only a batch still to send is held back: after the last one, the budget stops nothing.
        if (
            reading !== null &&
            (reading.used * 100) / reading.max >= options.apiBudget &&
            next < batches.length &&
            stop.stopped === null
        ) {
            budgetReached = { reading, budget: options.apiBudget };
            stop.stop(budgetStop(reading, options.apiBudget));
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
        let reached = false;
        try {
            outcome = await withRetry(
                async () => {
                    try {
                        return await requestSync((body) => client.postSync(body), request, {
                            max: API_SESSION_CAP
                        });
                    } catch (error) {
                        reached ||= mayHaveReached(error);
                        throw error;
                    }
                },
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
                exhausted.attempts,
                options.resumeFile
            );
            record(
                batch,
                batch.ids.map((id) => ({ id, status: verdict.status, message: verdict.message })),
                false
            );
            if (!reached) {
                // No try reached the org: these items are not in flight.
                recorder?.released(batch.ids);
            }
            if (verdict.stop !== undefined) {
                stop.stop(verdict.stop);
            }
            return;
        }
        // A second try after one that may have reached the org: its answers say so.
        record(batch, outcome.results, reached);
        checkLimits(outcome.limits);
    };

    // In-flight records: on disk before a batch is sent, written ahead (two waves) in groups so
    // that a worker rarely waits for the disk.
    const ahead = Math.max(1, options.concurrency);
    const marks: Promise<void>[] = [];
    let marked = 0;
    const markUpTo = (end: number): void => {
        const last = Math.min(batches.length, end);
        if (recorder === undefined || last <= marked) {
            return;
        }
        const ids = batches.slice(marked, last).flatMap((batch) => batch.ids);
        const done = recorder.inFlight(ids, now().toISOString());
        done.catch(() => undefined);
        for (let index = marked; index < last; index++) {
            marks[index] = done;
        }
        marked = last;
    };
    let settleLogged = false;
    /** Waits until a batch may be sent (see planBatches), or the run is stopped. */
    const settle = async (batch: Batch): Promise<void> => {
        const wait = (batch.notBefore ?? 0) - now().getTime();
        if (wait <= 0 || stop.stopped !== null) {
            return;
        }
        if (!settleLogged) {
            settleLogged = true;
            events?.onSettle?.(wait);
        }
        await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, wait);
            stop.onStop(() => {
                clearTimeout(timer);
                resolve();
            });
        });
    };
    /** Batches taken but not sent (the run stopped while their record was written). */
    const held: number[] = [];
    const sendWhenRecorded = async (index: number): Promise<void> => {
        if (index + ahead >= marked) {
            markUpTo(index + 1 + 2 * ahead);
        }
        try {
            await marks[index];
        } catch (error) {
            stop.stop({
                reason: 'refused',
                code: 'OUT_FILE_WRITE_FAILED',
                message: `The journal could not be written (${(error as Error).message}): no further batch was sent.`
            });
        }
        const batch = batches[index] as Batch;
        await settle(batch);
        if (stop.stopped !== null) {
            held.push(index);
            return;
        }
        await sendBatch(batch);
    };

    const take = (): number | undefined =>
        stop.stopped === null && next < batches.length ? next++ : undefined;
    const worker = async (): Promise<void> => {
        for (let index = take(); index !== undefined; index = take()) {
            await sendWhenRecorded(index);
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

    const heldSet = new Set(held);
    const unsentIndexes = [...batches.keys()].filter(
        (index) => index >= next || heldSet.has(index)
    );
    recorder?.released(
        unsentIndexes
            .filter((index) => index < marked)
            .flatMap((index) => (batches[index] as Batch).ids)
    );
    const unsent = unsentIndexes.flatMap((index) => (batches[index] as Batch).ids);
    if (unsent.length > 0) {
        const message = notSentMessage(stop.stopped, options.resumeFile);
        const list = unsent.map((id): ItemResult => ({ id, status: 'NOT_SENT', message }));
        const at = now().toISOString();
        recorder?.results(list.map((result) => toItemLine(result, at)));
        list.forEach((result) => results.set(result.id, result));
    }
    const unsentSet = new Set(unsentIndexes);
    const sentIndexes = [...batches.keys()].filter((index) => !unsentSet.has(index));
    const itemsOf = (indexes: number[]): number =>
        indexes.reduce((sum, index) => sum + (batches[index] as Batch).ids.length, 0);
    const stopped =
        budgetReached !== null && stop.stopped?.reason === 'budget'
            ? budgetSummary(
                  budgetReached,
                  { batches: sentIndexes.length, items: itemsOf(sentIndexes) },
                  { batches: batches.length, items: itemsOf([...batches.keys()]) },
                  options.resumeFile
              )
            : stop.stopped;
    return {
        results,
        stop: stopped,
        warnings: [...warnings.values(), ...resentWarning(resent)]
    };
}
