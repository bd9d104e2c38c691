/**
 * Progress on stderr: a bar redrawn in place when stderr is a terminal (never with --json), and
 * log lines (retries, stops) that clear the bar before they are written.
 */
import { summarise, type ItemResult } from '../bridge';
import type { Output } from './io';
import type { RetryEvent } from './retry';

const REDRAW_MS = 80;

/** The log line of a retry. */
export function retryLine(what: string, event: RetryEvent): string {
    return (
        `${what}: ${event.error.message} Retrying in ${(event.delayMs / 1000).toFixed(1)} s ` +
        `(try ${event.attempt + 1} of ${event.attempts}).`
    );
}

export class Progress {
    private total = 0;
    private shown = false;
    private started = false;
    private lastDraw = 0;
    private inFlight = 0;
    /** Every result received so far. */
    private readonly done: ItemResult[] = [];

    constructor(
        private readonly output: Output,
        /** Draw the bar (stderr is a terminal and the output is not --json). */
        private readonly bar: boolean,
        private readonly clock: () => number = Date.now
    ) {}

    /** Starts drawing for `total` items. */
    start(total: number): void {
        this.total = total;
        this.started = true;
        this.update(true);
    }

    batchStarted(): void {
        this.inFlight++;
        this.update(false);
    }

    batchDone(results: readonly ItemResult[]): void {
        this.inFlight--;
        for (const result of results) {
            this.done.push(result);
        }
        this.update(false);
    }

    /** Writes a line to stderr above the bar. */
    log(line: string): void {
        this.clear();
        this.output.err(`${line}\n`);
        this.update(true);
    }

    /** Removes the bar (before the summary is printed). */
    finish(): void {
        this.clear();
        this.started = false;
    }

    render(width: number): string {
        const { total: done, requested, failed, skipped, notSent } = summarise(this.done);
        const inFlight = this.inFlight;
        const share = this.total === 0 ? 1 : done / this.total;
        const stats =
            ` ${done}/${this.total}  requested ${requested}  failed ${failed}  skipped ${skipped}` +
            (notSent > 0 ? `  not sent ${notSent}` : '') +
            `  in flight ${inFlight}`;
        const barWidth = Math.max(10, Math.min(40, width - stats.length - 3));
        const filled = Math.round(share * barWidth);
        return `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]${stats}`.slice(
            0,
            Math.max(10, width - 1)
        );
    }

    private update(force: boolean): void {
        if (!this.bar || !this.started) {
            return;
        }
        const time = this.clock();
        if (!force && time - this.lastDraw < REDRAW_MS && this.done.length < this.total) {
            return;
        }
        this.lastDraw = time;
        this.output.err(`\r\x1b[2K${this.render(this.output.columns)}`);
        this.shown = true;
    }

    private clear(): void {
        if (this.shown) {
            this.output.err('\r\x1b[2K');
            this.shown = false;
        }
    }
}
