/**
 * The --out file (JSON Lines) and --resume.
 *
 * A run appends three kinds of line, each written with one write and flushed to disk (fsync)
 * before the run goes on, so a run killed at any moment keeps everything it has done:
 *   {"run": {...}}                      first: the run's items and options, before anything is sent
 *   {"sending": {"batch", "ids", "at"}} just BEFORE a batch goes out
 *   {"id", "status", "message", "requestId", "at", ...}   one per item as its result arrives
 *                                                         (the contract's line)
 * --resume reads the lines after the file's last "run" line. Per item the last line wins:
 *   - a REQUESTED, FAILED or SKIPPED line: done, never sent again;
 *   - a NOT_SENT line, or no line at all: sent by the resumed run;
 *   - a "sending" line with no result after it: the batch may have reached the org, but its
 *     answer was lost (the run was killed). It is NOT sent again, so that no item is ever sent
 *     twice; the resumed run records it as SKIPPED, telling the user to check it.
 * A resumed run appends to the same file (or to --out) and marks its start with a "resume" line.
 */
import {
    closeSync,
    existsSync,
    fsyncSync,
    openSync,
    readFileSync,
    readSync,
    fstatSync,
    writeSync
} from 'fs';
import { idKey, type ItemResult, type ItemStatus, type SyncObjectType } from '../bridge';
import { inputError } from './errors';

export const JOURNAL_VERSION = 1;

export type IdKindName = 'salesforce' | 'zuora';

/** The first line of a run. */
export interface RunRecord {
    readonly version: number;
    readonly at: string;
    readonly objectType: SyncObjectType;
    readonly idKind: IdKindName;
    /** Every item of the run, in order. */
    readonly items: readonly string[];
}

/** The contract's line of --out (plus the item's other result fields when known). */
export interface ItemLine {
    readonly id: string;
    readonly status: ItemStatus;
    readonly message: string;
    readonly requestId: string | null;
    readonly at: string;
    readonly zuoraId?: string;
    readonly name?: string;
    readonly jobId?: string;
    readonly cooldownUntil?: string;
}

export function toItemLine(result: ItemResult, at: string): ItemLine {
    return {
        id: result.id,
        status: result.status,
        message: result.message,
        requestId: result.requestId ?? null,
        at,
        ...(result.zuoraId === undefined ? {} : { zuoraId: result.zuoraId }),
        ...(result.name === undefined ? {} : { name: result.name }),
        ...(result.jobId === undefined ? {} : { jobId: result.jobId }),
        ...(result.cooldownUntil === undefined ? {} : { cooldownUntil: result.cooldownUntil })
    };
}

/** Appends lines to a file, each call as one write followed by fsync. */
export class JournalWriter {
    private fd: number | null;

    constructor(readonly path: string) {
        this.fd = openSync(path, 'a');
        // A run killed in the middle of a write may have left half a line: end it first.
        const size = fstatSync(this.fd).size;
        if (size > 0) {
            const last = Buffer.alloc(1);
            const reader = openSync(path, 'r');
            try {
                readSync(reader, last, 0, 1, size - 1);
            } finally {
                closeSync(reader);
            }
            if (last.toString('utf8') !== '\n') {
                writeSync(this.fd, '\n');
            }
        }
    }

    /** Writes the records, one JSON line each, and flushes them to disk before returning. */
    append(records: readonly object[]): void {
        if (this.fd === null || records.length === 0) {
            return;
        }
        const text = records.map((record) => `${JSON.stringify(record)}\n`).join('');
        writeSync(this.fd, text);
        fsyncSync(this.fd);
    }

    run(record: RunRecord): void {
        this.append([{ run: record }]);
    }

    sending(batch: number, ids: readonly string[], at: string): void {
        this.append([{ sending: { batch, ids, at } }]);
    }

    resume(send: readonly string[], inDoubt: readonly string[], at: string): void {
        this.append([{ resume: { at, send, inDoubt } }]);
    }

    results(lines: readonly ItemLine[]): void {
        this.append(lines);
    }

    close(): void {
        if (this.fd !== null) {
            closeSync(this.fd);
            this.fd = null;
        }
    }
}

/** What a file tells about its run. */
export interface ResumeState {
    readonly run: RunRecord;
    /** Items with a final result (REQUESTED, FAILED, SKIPPED): their last line. */
    readonly done: Map<string, ItemLine>;
    /** Items to send: no line yet, or NOT_SENT; in run order. */
    readonly pending: string[];
    /** Items whose batch was being sent when the run stopped, with no result since. */
    readonly inDoubt: { readonly id: string; readonly sentAt: string }[];
}

const TERMINAL: ReadonlySet<string> = new Set(['REQUESTED', 'FAILED', 'SKIPPED']);

function isObject(value: unknown): value is { [key: string]: unknown } {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function asRunRecord(value: unknown): RunRecord | null {
    if (!isObject(value) || !Array.isArray(value.items)) {
        return null;
    }
    const objectType = value.objectType === 'PRODUCT' ? 'PRODUCT' : 'BILLING_ACCOUNT';
    const idKind = value.idKind === 'zuora' ? 'zuora' : 'salesforce';
    return {
        version: typeof value.version === 'number' ? value.version : JOURNAL_VERSION,
        at: typeof value.at === 'string' ? value.at : '',
        objectType,
        idKind,
        items: value.items.filter((item): item is string => typeof item === 'string')
    };
}

function keyOf(id: string): string {
    return idKey(id) ?? id.trim();
}

/** Reads a file written by --out. Throws CliError (exit 2) when it is missing or holds no run. */
export function readResumeState(path: string, absolutePath: string): ResumeState {
    if (!existsSync(absolutePath)) {
        throw inputError(`Cannot resume: ${path} does not exist. Nothing was sent.`);
    }
    const lines = readFileSync(absolutePath, 'utf8').split('\n');
    const records: unknown[] = [];
    for (const line of lines) {
        if (line.trim() === '') {
            continue;
        }
        try {
            records.push(JSON.parse(line));
        } catch {
            // A line cut short by a killed run: ignored (the writer ends it before appending).
        }
    }
    let start = -1;
    records.forEach((record, index) => {
        if (isObject(record) && record.run !== undefined) {
            start = index;
        }
    });
    const run =
        start >= 0 && isObject(records[start])
            ? asRunRecord((records[start] as { run: unknown }).run)
            : null;
    if (run === null) {
        throw inputError(
            `Cannot resume: ${path} is not a file written by zuora-sync --out. Nothing was sent.`
        );
    }

    type State = { kind: 'line'; line: ItemLine } | { kind: 'sending'; at: string };
    const states = new Map<string, State>();
    for (const record of records.slice(start + 1)) {
        if (!isObject(record)) {
            continue;
        }
        if (isObject(record.sending) && Array.isArray(record.sending.ids)) {
            const at = typeof record.sending.at === 'string' ? record.sending.at : '';
            for (const id of record.sending.ids) {
                if (typeof id === 'string') {
                    states.set(keyOf(id), { kind: 'sending', at });
                }
            }
        } else if (typeof record.id === 'string' && typeof record.status === 'string') {
            states.set(keyOf(record.id), { kind: 'line', line: record as unknown as ItemLine });
        }
    }

    const done = new Map<string, ItemLine>();
    const pending: string[] = [];
    const inDoubt: { id: string; sentAt: string }[] = [];
    for (const id of run.items) {
        const state = states.get(keyOf(id));
        if (state === undefined) {
            pending.push(id);
        } else if (state.kind === 'sending') {
            inDoubt.push({ id, sentAt: state.at });
        } else if (TERMINAL.has(state.line.status)) {
            done.set(id, state.line);
        } else {
            pending.push(id);
        }
    }
    return { run, done, pending, inDoubt };
}
