/**
 * Writing a run's journal: the --out file (the contract's item lines), its run file, and its
 * in-flight log (journal.ts describes all three), under the --out file's lock.
 *
 * What must be on disk before a request is sent is on disk before it is sent: the run file, and
 * the in-flight record of the batch. Both are committed in groups off the event loop, and the
 * runner records batches ahead of sending them so that it rarely waits. Result lines are
 * committed in groups too (at most GROUP_WINDOW_MS later): a run killed before its last results
 * reach the disk leaves those items in flight, and --resume treats them as possibly sent.
 */
import {
    accessSync,
    closeSync,
    constants,
    existsSync,
    fstatSync,
    openSync,
    readSync,
    statSync,
    unlinkSync,
    writeSync
} from 'fs';
import { open, rename, unlink } from 'fs/promises';
import { dirname } from 'path';
import type { ItemResult } from '../bridge';
import { usageError } from './errors';
import { GroupCommitFile } from './group-commit';
import { inFlightPath, runFilePath, type ItemLine, type RunRecord } from './journal';
import { OutLock } from './out-lock';

/** Throws CliError (exit 2) when `absolute` cannot be the --out file; creates nothing. */
export function checkWritable(absolute: string, shown: string): void {
    let isDirectory = false;
    let exists = true;
    try {
        isDirectory = statSync(absolute).isDirectory();
    } catch {
        exists = false;
    }
    if (isDirectory) {
        throw usageError(`--out ${shown} is a directory: give a file name. Nothing was sent.`);
    }
    try {
        accessSync(exists ? absolute : dirname(absolute), constants.W_OK);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw usageError(
            `Cannot write ${shown}: ${
                code === 'ENOENT' || code === 'ENOTDIR'
                    ? 'its directory does not exist'
                    : 'permission denied'
            }. Nothing was sent.`
        );
    }
}

/** Ends a line cut short by a killed run, so that the next line starts on its own. */
function endCutLine(fd: number, path: string): void {
    const size = fstatSync(fd).size;
    if (size === 0) {
        return;
    }
    const last = Buffer.alloc(1);
    const reader = openSync(path, 'r');
    try {
        readSync(reader, last, 0, 1, size - 1);
    } finally {
        closeSync(reader);
    }
    if (last.toString('utf8') !== '\n') {
        writeSync(fd, '\n');
    }
}

function openAppend(path: string, shown: string): number {
    try {
        const fd = openSync(path, 'a');
        endCutLine(fd, path);
        return fd;
    } catch (error) {
        throw usageError(`Cannot write ${shown}: ${(error as Error).message}. Nothing was sent.`);
    }
}

/** Writes the run file atomically: a temporary file, flushed, renamed over it, the rename flushed. */
export async function writeRunFile(path: string, text: string): Promise<void> {
    const temporary = `${path}.${process.pid}.tmp`;
    const file = await open(temporary, 'w');
    try {
        await file.writeFile(text);
        await file.datasync();
    } finally {
        await file.close();
    }
    try {
        await rename(temporary, path);
    } catch (error) {
        await unlink(temporary).catch(() => undefined);
        throw error;
    }
    try {
        const directory = await open(dirname(path), 'r');
        try {
            await directory.sync();
        } finally {
            await directory.close();
        }
    } catch {
        // Not possible on every system; the file is complete either way.
    }
}

export class JournalWriter {
    private readonly out: GroupCommitFile;
    private readonly inFlightLog: GroupCommitFile;
    private ready: Promise<void> = Promise.resolve();
    private failure: unknown = null;
    private closing: Promise<void> | null = null;
    /** Whether anything was written (files this run created and left empty are removed). */
    private wrote = false;
    /** Size of the --out file and of its in-flight log when the run started. */
    readonly outOffset: number;
    readonly inFlightOffset: number;

    private constructor(
        readonly path: string,
        private readonly lock: OutLock,
        outFd: number,
        inFlightFd: number,
        private readonly redact: (text: string) => string,
        private readonly created: readonly string[]
    ) {
        this.outOffset = fstatSync(outFd).size;
        this.inFlightOffset = fstatSync(inFlightFd).size;
        this.out = new GroupCommitFile(outFd);
        this.inFlightLog = new GroupCommitFile(inFlightFd);
    }

    /**
     * Takes the lock of the --out file and opens it (`shown`: the path as given). Throws CliError
     * (exit 2) when it cannot be written or another run holds it.
     */
    static open(absolute: string, shown: string, redact: (text: string) => string): JournalWriter {
        checkWritable(absolute, shown);
        const lock = OutLock.take(absolute, shown);
        const created = [absolute, inFlightPath(absolute)].filter((path) => !existsSync(path));
        let outFd: number | null = null;
        try {
            outFd = openAppend(absolute, shown);
            const inFlightFd = openAppend(inFlightPath(absolute), inFlightPath(shown));
            return new JournalWriter(absolute, lock, outFd, inFlightFd, redact, created);
        } catch (error) {
            if (outFd !== null) {
                closeSync(outFd);
            }
            lock.release();
            throw error;
        }
    }

    /**
     * Starts writing the run file (atomically). No batch is in flight before it is on disk: each
     * in-flight record waits for it, so it is written while the first records are.
     */
    begin(record: RunRecord): void {
        this.wrote = true;
        this.ready = writeRunFile(
            runFilePath(this.path),
            this.redact(`${JSON.stringify(record, null, 2)}\n`)
        );
        this.keep(this.ready);
    }

    /** Records items as in flight; resolves once a kill can no longer lose the record. */
    async inFlight(ids: readonly string[], at: string): Promise<void> {
        this.wrote = true;
        const text = this.redact(`${JSON.stringify({ inFlight: ids, at })}\n`);
        await Promise.all([this.ready, this.inFlightLog.append(text, true)]);
    }

    /** Records that items recorded in flight were not sent after all. */
    released(ids: readonly string[]): void {
        if (ids.length > 0) {
            this.keep(
                this.inFlightLog.append(this.redact(`${JSON.stringify({ released: ids })}\n`))
            );
        }
    }

    /** Records the names the answers gave (for a resumed run to show); with the next group. */
    names(results: readonly ItemResult[]): void {
        const named = results.filter((result) => result.name !== undefined && result.name !== '');
        if (named.length > 0) {
            const names = Object.fromEntries(named.map((result) => [result.id, result.name]));
            this.keep(this.inFlightLog.append(this.redact(`${JSON.stringify({ names })}\n`)));
        }
    }

    /** Appends item lines; they reach the disk with the next group. */
    results(lines: readonly ItemLine[]): void {
        if (lines.length > 0) {
            this.wrote = true;
            const text = lines.map((line) => this.redact(`${JSON.stringify(line)}\n`)).join('');
            this.keep(this.out.append(text));
        }
    }

    /** Flushes everything, closes the files and releases the lock. */
    close(): Promise<void> {
        this.closing ??= this.closeOnce();
        return this.closing;
    }

    private async closeOnce(): Promise<void> {
        try {
            await Promise.all([this.out.close(), this.inFlightLog.close(), this.ready]);
            if (!this.wrote) {
                this.created.forEach((path) => unlinkSync(path));
            }
        } finally {
            this.lock.release();
        }
        if (this.failure !== null) {
            throw this.failure;
        }
    }

    /** The process is leaving now: writes what is pending without waiting, releases the lock. */
    closeNow(): void {
        try {
            this.out.flushSync();
            this.inFlightLog.flushSync();
        } finally {
            this.lock.release();
        }
    }

    private keep(commit: Promise<void>): void {
        commit.catch((error: unknown) => {
            this.failure ??= error;
        });
    }
}
