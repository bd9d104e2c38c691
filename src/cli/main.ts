/**
 * zuora-sync: asks Zuora to re-sync many billing accounts (or products) through the org's
 * On-Demand Sync REST resource (contract v1). One straight path:
 *   parse options -> read and validate every input (nothing is sent on any error)
 *   -> plan batches of at most 10 -> resolve the session -> send, recording each result
 *   -> print the summary (or --json) and exit with the contract's code.
 */
import { resolve } from 'path';
import { summarise, type ItemResult } from '../bridge';
import { version } from '../../package.json';
import { parseArgs, type CliOptions } from './args';
import { apiUsageBeforeSending } from './api-usage';
import { checkSessionOptions, resolveSession, type OrgLookup } from './auth';
import { runBackground } from './background';
import { dryRunResults, expectedSkipsWarning } from './dry-run';
import { CliError } from './errors';
import { EXIT, type ExitCode } from './exit-codes';
import { Output, type CliStreams } from './io';
import { localiseTimes } from './local-time';
import { onSignals, type Leave } from './signals';
import { JOURNAL_VERSION } from './journal';
import { checkWritable, JournalWriter } from './journal-writer';
import { Progress, retryLine } from './progress';
import { errorWarnings, humanDryRun, humanReport, jsonReport, type RunReport } from './report';
import { resumeHint } from './resume-command';
import { retryPolicyFrom } from './retry';
import { RunState } from './run-state';
import {
    planBatches,
    runBatches,
    sendLaterHint,
    StopSwitch,
    type Batch,
    type CliWarning,
    type RunnerOutcome
} from './runner';
import { createOrgClient, requestTimeoutFrom, type OrgClient } from './transport';
import { freshWork, resumeWork, type Work } from './work';

/** Everything a run depends on from outside, so tests can run it in-process. */
export interface CliContext {
    readonly argv: readonly string[];
    readonly env: NodeJS.ProcessEnv;
    readonly cwd: string;
    readonly streams: CliStreams;
    /** Thrown by SIGINT/SIGTERM (runCli) or by a test. */
    readonly stop?: StopSwitch;
    /** Looks an org up through the Salesforce CLI; default sfOrgSession (sf.ts). */
    readonly lookupOrg?: OrgLookup;
    readonly now?: () => Date;
    readonly sleep?: (ms: number) => Promise<void>;
    /** What is known of the run as it goes (runCli reads it on a forced exit). */
    readonly state?: RunState;
}

/** At most this many bad values are listed on stderr; --json lists them all. */
const MAX_PROBLEMS_SHOWN = 20;

/** Registers every token the arguments or the environment carry, before anything is printed. */
function registerSecrets(output: Output, context: CliContext): void {
    output.redactor.add(context.env.SF_ACCESS_TOKEN);
    context.argv.forEach((arg, index) => {
        if (arg === '--access-token') {
            output.redactor.add(context.argv[index + 1]);
        } else if (arg.startsWith('--access-token=')) {
            output.redactor.add(arg.slice('--access-token='.length));
        }
    });
}

/** A warning for people (stderr), its times in local time. */
function warningLine(warning: CliWarning): string {
    return `Warning: ${localiseTimes(warning.message)}\n`;
}

/** True when the arguments ask for --json (before a "--" that ends the options). */
function wantsJson(argv: readonly string[]): boolean {
    const end = argv.indexOf('--');
    return (end < 0 ? argv : argv.slice(0, end)).includes('--json');
}

/**
 * Reports an error that ends the run. With --json: the contract's document, its problems as
 * warnings; exit 2 lists no result (nothing was sent), exit 3 the run's items when known.
 */
function printError(output: Output, state: RunState, error: CliError): ExitCode {
    if (state.json ?? false) {
        output.out(
            state.document(error.exitCode, {
                notSent:
                    'Not sent: the org refused the session or could not be reached (see the warnings).',
                withResults: error.exitCode !== EXIT.USAGE,
                warnings: errorWarnings(error)
            })
        );
    }
    const shown = error.problems.slice(0, MAX_PROBLEMS_SHOWN);
    const hidden = error.problems.length - shown.length;
    const lines = [
        `Error: ${error.message}`,
        ...shown.map((problem) => `  ${problem.where}: ${problem.message}`),
        ...(hidden > 0 ? [`  ... and ${hidden} more (--json lists every one of them).`] : [])
    ];
    output.err(`${localiseTimes(lines.join('\n'))}\n`);
    return error.exitCode;
}

/**
 * Opens the --out file (or the --resume file a run continues), under its lock, before anything is
 * sent: a path that cannot be written, or another run on it, is a usage error. A dry run only
 * checks that it could write there.
 */
function openJournal(options: CliOptions, cwd: string, output: Output): JournalWriter | null {
    const path = options.out ?? options.resume;
    if (path === undefined) {
        return null;
    }
    const absolute = resolve(cwd, path);
    if (options.dryRun) {
        if (options.out !== undefined) {
            checkWritable(absolute, path);
        }
        return null;
    }
    return JournalWriter.open(absolute, path, (text) => output.redactor.redact(text));
}

/**
 * A new run (or a resumed one written to another file) first writes its run file, atomically,
 * before anything is sent; a run resumed into its own file continues it.
 */
function beginJournal(
    journal: JournalWriter,
    options: CliOptions,
    work: Work,
    cwd: string,
    at: string
): void {
    const continuing =
        work.resumed &&
        options.resume !== undefined &&
        (options.out === undefined || resolve(cwd, options.out) === resolve(cwd, options.resume));
    if (continuing) {
        return;
    }
    journal.begin({
        version: JOURNAL_VERSION,
        at,
        objectType: work.objectType,
        idKind: work.zuoraIds ? 'zuora' : 'salesforce',
        items: work.items,
        outOffset: journal.outOffset,
        inFlightOffset: journal.inFlightOffset,
        accounts: work.accounts
    });
    journal.results(work.copyLines);
    journal.names([...work.known.values()]);
}

/** Closes the journal; the warning to give when it could not be written whole. */
async function closeJournal(journal: JournalWriter | null, path: string): Promise<CliWarning[]> {
    try {
        await journal?.close();
        return [];
    } catch (error) {
        return [
            {
                code: 'OUT_FILE_WRITE_FAILED',
                message: `${path} could not be written whole (${(error as Error).message}): this output is the only full record of the run.`
            }
        ];
    }
}

function exitCodeOf(results: readonly ItemResult[], outcome: RunnerOutcome): ExitCode {
    const reason = outcome.stop?.reason;
    if (reason === 'auth' || reason === 'connection') {
        return EXIT.AUTH;
    }
    if (reason === 'interrupted') {
        // An interrupted run never reports success, even when its last batch was already out.
        return EXIT.INCOMPLETE;
    }
    return results.every((result) => result.status === 'REQUESTED') ? EXIT.OK : EXIT.INCOMPLETE;
}

async function run(context: CliContext, output: Output, state: RunState): Promise<ExitCode> {
    const parsed = parseArgs(context.argv, version);
    if (parsed.kind === 'print') {
        if (state.json ?? false) {
            // stdout holds the one JSON document; the help (or version) goes to stderr.
            output.err(parsed.text);
            output.out(state.document(EXIT.OK, { notSent: '' }));
        } else {
            output.out(parsed.text);
        }
        return EXIT.OK;
    }
    const options = parsed.options;
    state.json = options.json;
    checkSessionOptions(options, context.env);
    const now = context.now ?? (() => new Date());
    const stop = context.stop ?? new StopSwitch();
    const retry = retryPolicyFrom(context.env);
    const progress = new Progress(output, output.stderrIsTTY && !options.json);

    let client: OrgClient | null = null;
    const connect = async (): Promise<OrgClient> => {
        if (client === null) {
            const session = await resolveSession(
                options,
                context.env,
                output.redactor,
                context.lookupOrg
            );
            client = createOrgClient(session, { timeoutMs: requestTimeoutFrom(context.env) });
        }
        return client;
    };
    const apiRequests = (): number => (client === null ? 0 : client.requestCount);
    state.apiRequests = apiRequests;
    state.resumeFile = options.out ?? options.resume;
    state.resumeHint =
        state.resumeFile === undefined
            ? undefined
            : resumeHint(options, context.env, state.resumeFile);

    if (options.background || options.job !== undefined) {
        return runBackground(options, {
            connect,
            output,
            env: context.env,
            retry,
            sleep: context.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms))),
            apiRequests,
            work: () =>
                freshWork(options, {
                    cwd: context.cwd,
                    now,
                    connect,
                    retry,
                    onRetry: () => undefined,
                    listAccounts: false
                })
        });
    }

    // A --resume file is read first (a directory or a missing run is refused as such), then the
    // file the run writes is opened under its lock: both before anything is sent.
    const work =
        options.resume !== undefined ? resumeWork(options, { cwd: context.cwd, now }) : null;
    const journal = openJournal(options, context.cwd, output);
    state.journal = journal;
    try {
        return await send(
            work ??
                (await freshWork(options, {
                    cwd: context.cwd,
                    now,
                    connect,
                    retry,
                    onRetry: (what, event) => progress.log(retryLine(what, event)),
                    ...(context.sleep === undefined ? {} : { sleep: context.sleep })
                }))
        );
    } finally {
        state.journal = null;
        // Closed (and reported) already unless the run ended early.
        await journal?.close().catch(() => undefined);
    }

    async function send(work: Work): Promise<ExitCode> {
        state.items = work.items;
        state.known = work.known;
        state.warnings = work.warnings;
        const batches: Batch[] = planBatches(
            work.toSend,
            work.possiblySent,
            requestTimeoutFrom(context.env)
        );

        if (options.dryRun) {
            const plan = batches.map((batch) => [...batch.ids]);
            const results = dryRunResults(work.items, work.listed, now()).map(
                (result) => work.known.get(result.id) ?? result
            );
            const warnings = [...work.warnings, ...expectedSkipsWarning(results)];
            if (options.json) {
                output.out(
                    jsonReport({
                        status: EXIT.OK,
                        results,
                        apiRequests: apiRequests(),
                        warnings,
                        batches: plan
                    })
                );
            } else {
                warnings.forEach((warning) => output.err(warningLine(warning)));
                output.out(humanDryRun(plan, work.toSend.length, results));
            }
            return EXIT.OK;
        }

        const org: Pick<OrgClient, 'postSync' | 'apiUsage'> =
            batches.length > 0
                ? await connect()
                : {
                      postSync: () => Promise.reject(new Error('nothing to send')),
                      apiUsage: () => null
                  };
        const usage =
            batches.length > 0
                ? await apiUsageBeforeSending(await connect(), work.initialLimits ?? [], {
                      retry,
                      concurrency: options.concurrency,
                      onRetry: (event) => progress.log(retryLine('Reading the API usage', event)),
                      ...(context.sleep === undefined ? {} : { sleep: context.sleep })
                  })
                : { limits: work.initialLimits ?? [], warnings: [] };
        if (usage.stop !== undefined) {
            stop.stop(usage.stop);
        }
        if (journal !== null) {
            beginJournal(journal, options, work, context.cwd, now().toISOString());
        }

        progress.start(work.toSend.length);
        /** The stop's message as logged when it happened. */
        let logged: string | undefined;
        let outcome: RunnerOutcome;
        try {
            outcome = await runBatches(batches, org, {
                objectType: work.objectType,
                zuoraIds: work.zuoraIds,
                concurrency: options.concurrency,
                apiBudget: options.apiBudget,
                retry,
                stop,
                now,
                possiblySent: work.possiblySent,
                initialLimits: usage.limits,
                ...(journal === null ? {} : { recorder: journal }),
                ...(state.resumeFile === undefined ? {} : { resumeFile: state.resumeFile }),
                ...(context.sleep === undefined ? {} : { sleep: context.sleep }),
                events: {
                    onBatchStart: () => progress.batchStarted(),
                    onBatchDone: (batch, results) => {
                        batch.ids.forEach((id, index) => {
                            const result = results[index];
                            if (result !== undefined) {
                                state.arrived.set(id, result);
                            }
                        });
                        progress.batchDone(results);
                    },
                    onRetry: (batch, event) =>
                        progress.log(retryLine(`Batch ${batch.number}`, event)),
                    onSettle: (ms) =>
                        progress.log(
                            `Waiting ${Math.ceil(ms / 1000)} s before sending again the items the stopped run had in flight, ` +
                                'so that the org can tell whether it received them (it answers SKIPPED for those).'
                        ),
                    onStop: (info) => {
                        logged = info.message;
                        progress.log(
                            info.reason === 'interrupted'
                                ? info.message
                                : `Stopping: ${info.message}`
                        );
                    }
                }
            });
        } finally {
            progress.finish();
        }
        // Every result is on disk before the summary says so.
        const journalWarnings = await closeJournal(journal, state.resumeFile ?? '');

        const results = work.items.map(
            (id): ItemResult =>
                outcome.results.get(id) ??
                work.known.get(id) ?? { id, status: 'NOT_SENT', message: 'Not sent.' }
        );
        const warnings = [
            ...work.warnings,
            ...usage.warnings,
            ...outcome.warnings,
            ...journalWarnings
        ];
        if (outcome.stop !== null) {
            warnings.push({ code: outcome.stop.code, message: outcome.stop.message });
        }
        const report: RunReport = {
            status: journalWarnings.length > 0 ? EXIT.INCOMPLETE : exitCodeOf(results, outcome),
            results,
            apiRequests: apiRequests(),
            warnings
        };
        if (options.json) {
            output.out(jsonReport(report));
        } else {
            // The stop was logged when it happened (its final words, when they say more, come
            // now); the other warnings come now.
            const stopCode = outcome.stop?.code;
            warnings
                .filter((warning) => warning.code !== stopCode || warning.message !== logged)
                .forEach((warning) => output.err(warningLine(warning)));
            output.out(humanReport(report));
        }
        if (state.resumeHint !== undefined && summarise(results).notSent > 0) {
            output.err(`${state.resumeHint}\n`);
        }
        return report.status as ExitCode;
    }
}

/** Runs the command; resolves with its exit code. Never calls process.exit. */
export async function main(context: CliContext): Promise<ExitCode> {
    const output = new Output(context.streams);
    registerSecrets(output, context);
    const state = context.state ?? new RunState();
    state.output = output;
    state.json = wantsJson(context.argv);
    try {
        return await run(context, output, state);
    } catch (error) {
        if (error instanceof CliError) {
            return printError(output, state, error);
        }
        const message = `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
        if (state.json) {
            output.out(
                state.document(EXIT.INCOMPLETE, {
                    notSent: `Not sent: the run stopped on an unexpected error. ${sendLaterHint(state.resumeFile)}`,
                    warnings: [{ code: 'UNEXPECTED_ERROR', message }]
                })
            );
        }
        output.err(`${message}\n`);
        return EXIT.INCOMPLETE;
    }
}

/** Writes '' to a stream and calls back once everything before it is flushed. */
function drained(stream: NodeJS.WriteStream): Promise<void> {
    return new Promise((resolvePromise) => {
        stream.write('', () => resolvePromise());
    });
}

/** Exits once stdout and stderr are flushed (their last words must not be cut). */
const leaveProcess: Leave = (code) => {
    void Promise.all([drained(process.stdout), drained(process.stderr)]).then(() =>
        process.exit(code)
    );
};

/** Process wiring: real streams, signals (first: stop gracefully; second: leave at once), exit code. */
export function runCli(argv: readonly string[] = process.argv.slice(2)): void {
    const stop = new StopSwitch();
    const state = new RunState();
    const signals = onSignals(state, stop, leaveProcess);
    process.on('SIGINT', signals.handle);
    process.on('SIGTERM', signals.handle);
    void main({
        argv,
        env: process.env,
        cwd: process.cwd(),
        streams: {
            stdout: process.stdout,
            stderr: process.stderr,
            stderrIsTTY: process.stderr.isTTY === true,
            columns: process.stderr.columns
        },
        stop,
        state
    }).then((code) => {
        // Exit once the output is flushed, so that a request abandoned after its timeout cannot
        // keep the process alive.
        signals.finished(code);
    });
}

if (require.main === module) {
    runCli();
}
