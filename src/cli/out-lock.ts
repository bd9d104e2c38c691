/**
 * One run at a time per --out file: `<out>.lock` holds the process id and host of the run that
 * writes it, created exclusively. A lock whose process is gone (the run was killed) is taken over;
 * one held by a live process refuses the second run.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'fs';
import { hostname } from 'os';
import { usageError } from './errors';

const LOCK_SUFFIX = '.lock';

/** Locks this process holds (two runs in one process, as in tests, are two runs too). */
const heldHere = new Set<string>();

interface LockOwner {
    readonly pid: number;
    readonly host: string;
    readonly at: string;
}

export function lockPath(outPath: string): string {
    return `${outPath}${LOCK_SUFFIX}`;
}

function readOwner(path: string): LockOwner | null {
    try {
        const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
        return typeof value.pid === 'number' && typeof value.host === 'string'
            ? { pid: value.pid, host: value.host, at: typeof value.at === 'string' ? value.at : '' }
            : null;
    } catch {
        return null;
    }
}

/** Whether the process of `owner` may still be running (another host's: assume so). */
function alive(owner: LockOwner, path: string): boolean {
    if (owner.host !== hostname()) {
        return true;
    }
    if (owner.pid === process.pid) {
        return heldHere.has(path);
    }
    try {
        process.kill(owner.pid, 0);
        return true;
    } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
}

export class OutLock {
    private held = true;

    private constructor(readonly path: string) {}

    /**
     * Takes the lock of `outPath` (`shown`: the path as the user gave it). Throws CliError (exit 2)
     * when another live run holds it or the lock cannot be written.
     */
    static take(outPath: string, shown: string): OutLock {
        const path = lockPath(outPath);
        for (let attempt = 0; ; attempt++) {
            let fd: number;
            try {
                fd = openSync(path, 'wx');
            } catch (error) {
                const code = (error as NodeJS.ErrnoException).code;
                if (code !== 'EEXIST' || attempt > 0) {
                    throw usageError(
                        code === 'EEXIST'
                            ? `Another zuora-sync run took ${lockPath(shown)} at the same moment. Nothing was sent.`
                            : `Cannot write ${shown}: ${(error as Error).message}. Nothing was sent.`
                    );
                }
                const owner = readOwner(path);
                if (owner !== null && alive(owner, path)) {
                    throw usageError(
                        `Another zuora-sync run (process ${owner.pid} on ${owner.host}, started ${owner.at}) is writing ${shown}: ` +
                            `wait for it to end, or use another --out file. If no such run is going on, delete ${lockPath(shown)}. Nothing was sent.`
                    );
                }
                // Left behind by a run that was killed: take it over.
                try {
                    unlinkSync(path);
                } catch {
                    // Another run removed it first; the next try tells.
                }
                continue;
            }
            try {
                const owner: LockOwner = {
                    pid: process.pid,
                    host: hostname(),
                    at: new Date().toISOString()
                };
                writeSync(fd, JSON.stringify(owner));
            } finally {
                closeSync(fd);
            }
            heldHere.add(path);
            return new OutLock(path);
        }
    }

    release(): void {
        if (this.held) {
            this.held = false;
            heldHere.delete(this.path);
            try {
                unlinkSync(this.path);
            } catch {
                // Already gone.
            }
        }
    }
}
