/**
 * An append-only file written in groups: texts appended within a short window go to disk in one
 * write and one fdatasync, off the event loop. `append` resolves once its text is on disk, so a
 * caller that must not go on before that (an in-flight record before its request is sent) awaits
 * it, and one that may (a result line) does not.
 */
import { close, fdatasync, write, writeSync } from 'fs';
import { promisify } from 'util';

const writeAsync = promisify(write);
const syncAsync = promisify(fdatasync);
const closeAsync = promisify(close);

/** Longest time a text waits for others before its group is committed, by default. */
export const GROUP_WINDOW_MS = 50;

interface Waiter {
    resolve(): void;
    reject(error: unknown): void;
}

export class GroupCommitFile {
    private pending: string[] = [];
    private waiters: Waiter[] = [];
    private committing: Promise<void> | null = null;
    private timer: NodeJS.Timeout | null = null;
    private soon = false;
    private failure: unknown = null;
    private closed = false;

    constructor(
        private readonly fd: number,
        private readonly windowMs: number = GROUP_WINDOW_MS
    ) {}

    /**
     * Appends `text`; resolves when it is on disk. `urgent` commits at the next turn of the event
     * loop (texts appended in the same turn share the commit) instead of within the window.
     */
    append(text: string, urgent = false): Promise<void> {
        if (this.closed) {
            return Promise.reject(new Error('the file is closed'));
        }
        if (this.failure !== null) {
            return Promise.reject(this.failure);
        }
        this.pending.push(text);
        const done = new Promise<void>((resolve, reject) => {
            this.waiters.push({ resolve, reject });
        });
        this.schedule(urgent);
        return done;
    }

    /** Commits what is pending now; resolves when everything appended so far is on disk. */
    async flush(): Promise<void> {
        this.clearTimer();
        while (this.committing !== null || this.pending.length > 0) {
            if (this.committing === null) {
                this.commit();
            }
            await this.committing;
        }
        if (this.failure !== null) {
            throw this.failure;
        }
    }

    /** Writes what is pending at once, without waiting for the disk (the process is leaving). */
    flushSync(): void {
        this.clearTimer();
        if (this.pending.length > 0 && this.failure === null && !this.closed) {
            const text = this.pending.join('');
            this.pending = [];
            writeSync(this.fd, text);
        }
    }

    async close(): Promise<void> {
        if (this.closed) {
            return;
        }
        try {
            await this.flush();
        } finally {
            this.closed = true;
            await closeAsync(this.fd);
        }
    }

    private schedule(urgent: boolean): void {
        if (urgent && !this.soon) {
            this.soon = true;
            this.clearTimer();
            setImmediate(() => {
                this.soon = false;
                this.commitWhenFree();
            });
        } else if (!this.soon && this.timer === null) {
            this.timer = setTimeout(() => {
                this.timer = null;
                this.commitWhenFree();
            }, this.windowMs);
        }
    }

    private clearTimer(): void {
        if (this.timer !== null) {
            clearTimeout(this.timer);
            this.timer = null;
        }
    }

    private commitWhenFree(): void {
        if (this.committing === null && this.pending.length > 0) {
            this.commit();
        }
    }

    /** One group: everything pending, one write, one fdatasync. */
    private commit(): void {
        const text = this.pending.join('');
        const waiters = this.waiters;
        this.pending = [];
        this.waiters = [];
        this.committing = (async () => {
            try {
                const bytes = Buffer.from(text, 'utf8');
                for (let offset = 0; offset < bytes.length;) {
                    offset += (await writeAsync(this.fd, bytes, offset, bytes.length - offset))
                        .bytesWritten;
                }
                await syncAsync(this.fd);
                waiters.forEach((waiter) => waiter.resolve());
            } catch (error) {
                this.failure = error;
                waiters.forEach((waiter) => waiter.reject(error));
            }
        })().finally(() => {
            this.committing = null;
            // Texts that arrived during the commit: the next group, at once.
            this.commitWhenFree();
        });
    }
}
