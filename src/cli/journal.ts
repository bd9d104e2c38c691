/**
 * The --out file (JSON Lines), its run file, its in-flight log, and --resume.
 *
 * The --out file holds the contract's item lines only: one per item as its result arrives,
 *   {"id", "status", "message", "requestId", "at"}
 * and nothing else (the item's other result fields are in --json only); --resume needs only the
 * id and status of each line. Lines are committed to disk in groups (journal-writer.ts).
 *
 * The run's bookkeeping lives next to it:
 * - `<out>.run.json`, written atomically (a temporary file, flushed, then renamed over it) before
 *   anything is sent: {"version", "at", "objectType", "idKind", "items": [every item, in order],
 *   "outOffset", "inFlightOffset", "accounts"}. `outOffset` is the size of the --out file when the
 *   run started: the run's lines are the ones after it (lines before it belong to earlier runs
 *   appended to the same file); `inFlightOffset` is the same for the in-flight log.
 * - `<out>.inflight.jsonl`: {"inFlight": [ids], "at"} on disk before any of those items is sent,
 *   {"released": [ids]} for items recorded ahead that were not sent after all, and
 *   {"names": {id: name}} for the names the answers gave, so that a resumed run still shows the
 *   name of an item it does not send again (the --out lines hold the contract's keys only).
 *
 * --resume sends the run's items that have no line or whose last line is NOT_SENT; an item whose
 * last line is REQUESTED, FAILED or SKIPPED is never sent again. An item recorded in flight
 * without a final line may have reached the org (its batch was in flight when the run was killed,
 * or its answer was lost): it is sent again and reported as possibly sent; the org answers SKIPPED
 * for a record it already has. Without the run file (deleted, or the --out file copied alone)
 * --resume falls back to the items whose last line is NOT_SENT, with a warning.
 */
import { existsSync, readFileSync, statSync } from 'fs';
import {
    idKey,
    isZuoraId,
    ITEM_STATUSES,
    type IdKind,
    type ItemResult,
    type ItemStatus,
    type SyncObjectType
} from '../bridge';
import { inputError, usageError } from './errors';
import type { CliWarning } from './warning';

export const JOURNAL_VERSION = 3;

/** The run file of an --out file. */
const RUN_FILE_SUFFIX = '.run.json';
/** The in-flight log of an --out file. */
const IN_FLIGHT_SUFFIX = '.inflight.jsonl';

/** What the run file holds. */
export interface RunRecord {
    readonly version: number;
    readonly at: string;
    readonly objectType: SyncObjectType;
    readonly idKind: IdKind;
    /** Every item of the run, in order. */
    readonly items: readonly string[];
    /** Size of the --out file in bytes when the run started: its lines come after. */
    readonly outOffset: number;
    /** Size of the in-flight log in bytes when the run started: its records come after. */
    readonly inFlightOffset?: number;
    /** The --account values of the run, as 18-character ids (--resume compares them). */
    readonly accounts?: readonly string[];
}

/** The contract's line of --out: exactly these keys. */
export interface ItemLine {
    readonly id: string;
    readonly status: ItemStatus;
    readonly message: string;
    readonly requestId: string | null;
    readonly at: string;
}

export function toItemLine(result: ItemResult, at: string): ItemLine {
    return {
        id: result.id,
        status: result.status,
        message: result.message,
        requestId: result.requestId ?? null,
        at
    };
}

export function runFilePath(outPath: string): string {
    return `${outPath}${RUN_FILE_SUFFIX}`;
}

export function inFlightPath(outPath: string): string {
    return `${outPath}${IN_FLIGHT_SUFFIX}`;
}

/** What an --out file (and its run file) tell about its run. */
export interface ResumeState {
    readonly run: RunRecord;
    /** Items with a final result (REQUESTED, FAILED, SKIPPED): their last line. */
    readonly done: Map<string, ItemLine>;
    /** Items to send, in run order. */
    readonly pending: string[];
    /** Pending items that may have reached the org already, with when they were sent. */
    readonly possiblySent: Map<string, string>;
    /** False when the run file was missing (only NOT_SENT lines are pending then). */
    readonly fromRunFile: boolean;
    /** The names the run's answers gave, keyed by keyOf(id). */
    readonly names: Map<string, string>;
    readonly warnings: CliWarning[];
}

/** What --resume is told about a file whose run file is missing (--type, --zuora-ids). */
export interface ResumeHints {
    readonly objectType?: SyncObjectType;
    readonly zuoraIds?: boolean;
}

const STATUSES: ReadonlySet<string> = new Set(ITEM_STATUSES);

function isObject(value: unknown): value is { [key: string]: unknown } {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The key that names one record whatever the spelling of its id (15 or 18 characters). */
export function keyOf(id: string): string {
    return idKey(id) ?? id.trim();
}

/** Splits a run's items by their last line: final ones are done, the others (none, NOT_SENT) pending. */
function splitByLastLine(
    items: readonly string[],
    last: ReadonlyMap<string, ItemLine>
): { done: Map<string, ItemLine>; pending: string[] } {
    const done = new Map<string, ItemLine>();
    const pending: string[] = [];
    for (const id of items) {
        const line = last.get(keyOf(id));
        if (line === undefined || line.status === 'NOT_SENT') {
            pending.push(id);
        } else {
            done.set(id, line);
        }
    }
    return { done, pending };
}

/** Reads a run file; null when there is none. Throws CliError (exit 2) when it is unreadable. */
function readRunFile(path: string, shownPath: string): RunRecord | null {
    if (!existsSync(path) || statSync(path).isDirectory()) {
        return null;
    }
    let value: unknown;
    try {
        value = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
        value = error;
    }
    if (
        !isObject(value) ||
        !Array.isArray(value.items) ||
        !value.items.every((item) => typeof item === 'string') ||
        (value.objectType !== 'BILLING_ACCOUNT' && value.objectType !== 'PRODUCT') ||
        (value.idKind !== 'salesforce' && value.idKind !== 'zuora')
    ) {
        throw inputError(
            `Cannot resume: ${shownPath} is not a run file written by zuora-sync --out. Delete it to resume the NOT_SENT lines only. Nothing was sent.`
        );
    }
    return {
        version: typeof value.version === 'number' ? value.version : JOURNAL_VERSION,
        at: typeof value.at === 'string' ? value.at : '',
        objectType: value.objectType,
        idKind: value.idKind,
        items: value.items as string[],
        outOffset: offsetOf(value.outOffset),
        inFlightOffset: offsetOf(value.inFlightOffset),
        ...(Array.isArray(value.accounts)
            ? { accounts: value.accounts.filter((id): id is string => typeof id === 'string') }
            : {})
    };
}

function offsetOf(value: unknown): number {
    return typeof value === 'number' && Number.isInteger(value) ? Math.max(0, value) : 0;
}

/** The records of the in-flight log from `offset` on (a line cut short is skipped). */
function inFlightRecords(absolutePath: string, offset: number): { [key: string]: unknown }[] {
    const path = inFlightPath(absolutePath);
    if (!existsSync(path)) {
        return [];
    }
    const buffer = readFileSync(path);
    const text = buffer.subarray(offset <= buffer.length ? offset : 0).toString('utf8');
    const records: { [key: string]: unknown }[] = [];
    for (const line of text.split('\n')) {
        try {
            const record: unknown = JSON.parse(line);
            if (isObject(record)) {
                records.push(record);
            }
        } catch {
            // Not a record: skipped.
        }
    }
    return records;
}

/**
 * The items the in-flight log (from `offset` on) holds in flight, with when they were sent: a
 * later record that releases an item takes it out, a later in-flight record updates it.
 */
export function readInFlight(absolutePath: string, offset: number): Map<string, string> {
    const inFlight = new Map<string, string>();
    const ids = (list: unknown): string[] =>
        Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : [];
    for (const record of inFlightRecords(absolutePath, offset)) {
        const at = typeof record.at === 'string' ? record.at : '';
        ids(record.inFlight).forEach((id) => inFlight.set(keyOf(id), at));
        ids(record.released).forEach((id) => inFlight.delete(keyOf(id)));
    }
    return inFlight;
}

/** The names the in-flight log (from `offset` on) records, keyed by keyOf(id); the latest wins. */
export function readNames(absolutePath: string, offset: number): Map<string, string> {
    const names = new Map<string, string>();
    for (const record of inFlightRecords(absolutePath, offset)) {
        if (isObject(record.names)) {
            for (const [id, name] of Object.entries(record.names)) {
                if (typeof name === 'string') {
                    names.set(keyOf(id), name);
                }
            }
        }
    }
    return names;
}

/** The pending items the in-flight log says may have been sent. */
function possiblySentOf(
    pending: readonly string[],
    inFlight: ReadonlyMap<string, string>
): Map<string, string> {
    const possiblySent = new Map<string, string>();
    for (const id of pending) {
        const at = inFlight.get(keyOf(id));
        if (at !== undefined) {
            possiblySent.set(id, at);
        }
    }
    return possiblySent;
}

/**
 * Whether an --out file has a run to resume: its run file, or item lines. A run killed before its
 * run file was written had sent nothing.
 */
export function hasRunToResume(absolutePath: string): boolean {
    const runFile = runFilePath(absolutePath);
    if (existsSync(runFile) && !statSync(runFile).isDirectory()) {
        return true;
    }
    return (
        existsSync(absolutePath) &&
        !statSync(absolutePath).isDirectory() &&
        readItemLines(absolutePath, 0).length > 0
    );
}

/** The item lines of a file from `offset` on (a line cut short by a killed run is skipped). */
function readItemLines(absolutePath: string, offset: number): ItemLine[] {
    const text = readFileSync(absolutePath).subarray(offset).toString('utf8');
    const lines: ItemLine[] = [];
    for (const line of text.split('\n')) {
        if (line.trim() === '') {
            continue;
        }
        let record: unknown;
        try {
            record = JSON.parse(line);
        } catch {
            continue;
        }
        if (
            isObject(record) &&
            typeof record.id === 'string' &&
            typeof record.status === 'string' &&
            STATUSES.has(record.status)
        ) {
            // Only the contract's keys (a line written by an older version may hold more).
            lines.push({
                id: record.id,
                status: record.status as ItemStatus,
                message: typeof record.message === 'string' ? record.message : '',
                requestId: typeof record.requestId === 'string' ? record.requestId : null,
                at: typeof record.at === 'string' ? record.at : ''
            });
        }
    }
    return lines;
}

/**
 * Reads what is left of the run of an --out file. Throws CliError (exit 2) when there is nothing
 * to resume from, or when `hints` contradict the run file.
 */
export function readResumeState(
    path: string,
    absolutePath: string,
    hints: ResumeHints = {}
): ResumeState {
    const runPath = runFilePath(path);
    if (existsSync(absolutePath) && statSync(absolutePath).isDirectory()) {
        throw usageError(
            `--resume ${path} is a directory: give the --out file of a run. Nothing was sent.`
        );
    }
    const recorded = readRunFile(runFilePath(absolutePath), runPath);
    const outExists = existsSync(absolutePath);
    if (!outExists && recorded === null) {
        throw inputError(`Cannot resume: ${path} does not exist. Nothing was sent.`);
    }
    const warnings: CliWarning[] = [];

    if (recorded !== null) {
        if (hints.objectType !== undefined && hints.objectType !== recorded.objectType) {
            throw usageError(
                `--type does not match the run of ${path} (${recorded.objectType === 'PRODUCT' ? 'product' : 'billing-account'}): leave it out.`
            );
        }
        if (hints.zuoraIds === true && recorded.idKind !== 'zuora') {
            throw usageError(`The run of ${path} holds Salesforce ids: leave --zuora-ids out.`);
        }
        let offset = recorded.outOffset;
        const size = outExists ? statSync(absolutePath).size : 0;
        if (offset > size) {
            warnings.push({
                code: 'OUT_FILE_CHANGED',
                message: `${path} is shorter than when its run started: every line in it is read.`
            });
            offset = 0;
        }
        const last = new Map<string, ItemLine>();
        for (const line of outExists ? readItemLines(absolutePath, offset) : []) {
            last.set(keyOf(line.id), line);
        }
        const split = splitByLastLine(recorded.items, last);
        return {
            run: recorded,
            ...split,
            possiblySent: possiblySentOf(
                split.pending,
                readInFlight(absolutePath, recorded.inFlightOffset ?? 0)
            ),
            fromRunFile: true,
            names: readNames(absolutePath, recorded.inFlightOffset ?? 0),
            warnings
        };
    }

    // No run file: the items are those the lines name; only NOT_SENT ones are sent.
    const firstSeen = new Map<string, string>();
    const last = new Map<string, ItemLine>();
    for (const line of readItemLines(absolutePath, 0)) {
        const key = keyOf(line.id);
        if (!firstSeen.has(key)) {
            firstSeen.set(key, line.id);
        }
        last.set(key, line);
    }
    if (firstSeen.size === 0) {
        throw inputError(
            `Cannot resume: ${path} is not a file written by zuora-sync --out (and ${runPath} is missing). Nothing was sent.`
        );
    }
    const items = [...firstSeen.values()];
    const zuora = hints.zuoraIds === true || items.every((id) => isZuoraId(id.trim()));
    const objectType = hints.objectType ?? 'BILLING_ACCOUNT';
    warnings.push({
        code: 'RUN_FILE_MISSING',
        message:
            `${runPath} is missing: only the items whose last line in ${path} is NOT_SENT are sent, ` +
            `as ${objectType === 'PRODUCT' ? 'products' : 'billing accounts (give --type product for products)'}; ` +
            'an item of the run that has no line at all cannot be found.'
    });
    return {
        run: {
            version: JOURNAL_VERSION,
            at: '',
            objectType,
            idKind: zuora ? 'zuora' : 'salesforce',
            items,
            outOffset: 0,
            inFlightOffset: 0
        },
        ...splitByLastLine(items, last),
        possiblySent: new Map(),
        fromRunFile: false,
        names: readNames(absolutePath, 0),
        warnings
    };
}
