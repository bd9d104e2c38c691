/**
 * Ctrl-C and SIGTERM: the first stops the run gracefully (no new batch; the requests in flight
 * finish); the second leaves at once. Whatever the signals and their timing, exactly one --json
 * document is printed and the exit code is its status: once the run has printed its result, a
 * signal changes nothing; once the run was left at once, its own late result is not printed.
 */
import { EXIT } from './exit-codes';
import type { RunState } from './run-state';
import { sendLaterHint, type StopSwitch } from './runner';

/** Ends the process with `code` once its output is flushed. */
export type Leave = (code: number) => void;

export interface SignalControl {
    /** The handler for SIGINT and SIGTERM. */
    readonly handle: (signal: NodeJS.Signals) => void;
    /** The run ended with `code` (its result is printed). */
    readonly finished: (code: number) => void;
}

/**
 * Leaves at once: every result received is in --out (written now); with --json the document
 * lists the others as NOT_SENT (those in flight are in the in-flight log: --resume sends them).
 */
function leaveNow(state: RunState): void {
    const message =
        state.resumeHint === undefined
            ? 'Stopped without waiting for the requests in flight: run the command again to send what is left (the org answers SKIPPED for an item it had already received).'
            : `Stopped without waiting for the requests in flight: --resume ${state.resumeFile} sends what has no final line (the org answers SKIPPED for an item it had already received). ${state.resumeHint}`;
    state.journal?.closeNow();
    const output = state.output;
    if (output !== null) {
        if (state.json === true) {
            output.out(
                state.document(EXIT.INCOMPLETE, {
                    notSent: `Not sent, or sent without waiting for its answer: the run was stopped. ${sendLaterHint(state.resumeFile)}`,
                    warnings: [{ code: 'INTERRUPTED', message }]
                })
            );
        }
        output.err(`\n${message}\n`);
        // Answers still arriving must not print a second document.
        output.close();
    }
}

export function onSignals(state: RunState, stop: StopSwitch, leave: Leave): SignalControl {
    let signals = 0;
    let ended = false;
    const end = (code: number): void => {
        if (!ended) {
            ended = true;
            leave(code);
        }
    };
    return {
        handle: (signal) => {
            if (ended || state.output?.printed === true) {
                // The result is out (or the process is leaving): nothing to add to it.
                return;
            }
            signals++;
            if (signals > 1) {
                leaveNow(state);
                end(EXIT.INCOMPLETE);
                return;
            }
            stop.stop({
                reason: 'interrupted',
                code: 'INTERRUPTED',
                message: `Interrupted (${signal}): no new batch is sent; waiting for the requests in flight.`
            });
        },
        finished: (code) => end(code)
    };
}
