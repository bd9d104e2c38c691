/**
 * What is known of a run while it goes: its items once read, the results already known (from a
 * --resume file) and those that arrived. Whatever way the run ends (a usage error, no session, a
 * crash, a second Ctrl-C), --json prints the contract's one document from it.
 */
import type { ItemResult } from '../bridge';
import type { Output } from './io';
import type { JournalWriter } from './journal-writer';
import { jsonReport } from './report';
import type { CliWarning } from './runner';

export class RunState {
    /** Whether --json was asked for; null until the options are parsed. */
    json: boolean | null = null;
    /** Every item of the run, in order; null until they are all known. */
    items: readonly string[] | null = null;
    /** Results known before sending (the final lines of a --resume file). */
    known: ReadonlyMap<string, ItemResult> = new Map();
    /** Results that arrived during this run, keyed by the item as planned. */
    readonly arrived = new Map<string, ItemResult>();
    warnings: readonly CliWarning[] = [];
    /** REST requests made so far. */
    apiRequests: () => number = () => 0;
    /** The --out (or --resume) file that --resume can continue; undefined without one. */
    resumeFile: string | undefined = undefined;
    /** The line that gives the command resuming the run (with resumeFile); undefined without one. */
    resumeHint: string | undefined = undefined;
    /** Where the run writes (set by main). */
    output: Output | null = null;
    /** The journal while it is open (a forced exit writes what is pending). */
    journal: JournalWriter | null = null;

    /** One result per item of the run, NOT_SENT with `notSent` when none; [] while unknown. */
    results(notSent: string): ItemResult[] {
        return (this.items ?? []).map(
            (id): ItemResult =>
                this.arrived.get(id) ??
                this.known.get(id) ?? { id, status: 'NOT_SENT', message: notSent }
        );
    }

    /** The --json document of a run that ends now with `status`. */
    document(
        status: number,
        options: { notSent: string; withResults?: boolean; warnings?: readonly CliWarning[] }
    ): string {
        return jsonReport({
            status,
            results: options.withResults === false ? [] : this.results(options.notSent),
            apiRequests: this.apiRequests(),
            warnings: [
                ...(options.withResults === false ? [] : this.warnings),
                ...(options.warnings ?? [])
            ]
        });
    }
}
