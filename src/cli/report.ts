/**
 * What a run prints on stdout: a summary table for people, or with --json one document
 * (contract v1): { status, result: { summary, results, apiRequests }, warnings }.
 */
import { summarise, type ItemResult, type SyncSummary } from '../bridge';
import type { CliError } from './errors';
import { localiseTimes } from './local-time';
import type { CliWarning } from './runner';

/** At most this many rows are listed; beyond it, only the items that were not REQUESTED. */
const MAX_TABLE_ROWS = 50;

/** A result as reported; a dry run's may say what it will come back as. */
type ReportedResult = ItemResult & {
    readonly expectedStatus?: string;
    /** Why (for people; the message says it too). */
    readonly expectedReason?: string;
};

export interface RunReport {
    readonly status: number;
    readonly results: readonly ReportedResult[];
    readonly apiRequests: number;
    readonly warnings: readonly CliWarning[];
    /** Set for --dry-run: the planned batches. */
    readonly batches?: readonly (readonly string[])[];
}

function resultEntry(result: ReportedResult): object {
    return {
        id: result.id,
        status: result.status,
        ...(result.expectedStatus === undefined ? {} : { expectedStatus: result.expectedStatus }),
        message: result.message,
        ...(result.zuoraId === undefined ? {} : { zuoraId: result.zuoraId }),
        ...(result.name === undefined ? {} : { name: result.name }),
        ...(result.jobId === undefined ? {} : { jobId: result.jobId }),
        ...(result.cooldownUntil === undefined ? {} : { cooldownUntil: result.cooldownUntil }),
        ...(result.requestId === undefined ? {} : { requestId: result.requestId })
    };
}

/** The --json document of a run (or a dry run). */
export function jsonReport(report: RunReport): string {
    const summary: SyncSummary = summarise(report.results);
    const document = {
        status: report.status,
        result: {
            ...(report.batches === undefined ? {} : { dryRun: true, batches: report.batches }),
            summary,
            results: report.results.map(resultEntry),
            apiRequests: report.apiRequests
        },
        warnings: report.warnings.map((warning) => ({
            code: warning.code,
            message: warning.message
        }))
    };
    return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * The warnings that tell why a run ended early (usage, input, session error): the error first,
 * then each problem with where it came from ("ids.csv line 4: ...").
 */
export function errorWarnings(error: CliError): CliWarning[] {
    return [
        { code: error.code, message: error.message },
        ...error.problems.map((problem) => ({
            code: problem.code ?? 'INVALID_ID',
            message: `${problem.where}: ${problem.message}`
        }))
    ];
}

function table(rows: readonly string[][]): string {
    const widths: number[] = [];
    for (const row of rows) {
        row.forEach((cell, index) => {
            widths[index] = Math.max(widths[index] ?? 0, cell.length);
        });
    }
    return rows
        .map((row) =>
            row
                .map((cell, index) =>
                    index === row.length - 1 ? cell : cell.padEnd(widths[index] ?? 0)
                )
                .join('  ')
                .trimEnd()
        )
        .join('\n');
}

/** One line of counts, e.g. "12 items: 10 requested, 1 failed, 1 skipped, 0 not sent." */
function countsLine(summary: SyncSummary): string {
    return (
        `${summary.total} item${summary.total === 1 ? '' : 's'}: ${summary.requested} requested, ` +
        `${summary.failed} failed, ${summary.skipped} skipped, ${summary.notSent} not sent.`
    );
}

/** The summary for people: a table of results (long runs list only what needs attention). */
export function humanReport(report: RunReport): string {
    const summary = summarise(report.results);
    const withNames = report.results.some((result) => result.name !== undefined);
    let shown = [...report.results];
    let note = '';
    if (shown.length > MAX_TABLE_ROWS) {
        const attention = shown.filter((result) => result.status !== 'REQUESTED');
        shown = attention.slice(0, MAX_TABLE_ROWS);
        const hidden = report.results.length - shown.length;
        note = `(${hidden} more row${hidden === 1 ? '' : 's'} not shown${
            attention.length > shown.length ? '' : ', all REQUESTED'
        }; use --out or --json for every result)\n`;
    }
    const header = withNames ? ['ID', 'NAME', 'STATUS', 'MESSAGE'] : ['ID', 'STATUS', 'MESSAGE'];
    const rows = shown.map((result) => {
        const message = localiseTimes(
            result.jobId === undefined ? result.message : `${result.message} (job ${result.jobId})`
        );
        return withNames
            ? [result.id, result.name ?? '', result.status, message]
            : [result.id, result.status, message];
    });
    const parts: string[] = [];
    if (rows.length > 0) {
        parts.push(`${table([header, ...rows])}\n`);
    }
    if (note !== '') {
        parts.push(note);
    }
    parts.push(
        `${countsLine(summary)} ${report.apiRequests} REST request${report.apiRequests === 1 ? '' : 's'}.\n`
    );
    return parts.join('');
}

/** The planned batches of a dry run, for people, and the items that will come back SKIPPED. */
export function humanDryRun(
    batches: readonly (readonly string[])[],
    total: number,
    results: readonly ReportedResult[]
): string {
    const lines = batches.map(
        (batch, index) => `Batch ${index + 1} (${batch.length}): ${batch.join(' ')}`
    );
    const skipped = results.filter((result) => result.expectedStatus === 'SKIPPED');
    if (skipped.length > 0) {
        lines.push(
            `Would come back SKIPPED (${skipped.length}):`,
            ...table(
                skipped.map((result) => [
                    `  ${result.id}`,
                    result.name ?? '',
                    localiseTimes(result.expectedReason ?? '')
                ])
            ).split('\n')
        );
    }
    return (
        `${lines.join('\n')}${lines.length > 0 ? '\n' : ''}` +
        `Dry run: ${total} item${total === 1 ? '' : 's'} in ${batches.length} batch${
            batches.length === 1 ? '' : 'es'
        } of at most 10; nothing was sent.\n`
    );
}
