/**
 * Ctrl-C and SIGTERM, at any moment: exactly one --json document, and an exit code that is its
 * status. The signal handling runs in-process against a real run, with the exit replaced.
 */
import { main } from '../main';
import { RunState } from '../run-state';
import { StopSwitch } from '../runner';
import { onSignals } from '../signals';
import { orgEnv, orgPerTest, tempDir } from './harness';
import { join } from 'path';

/** A run of main with the signal handling of runCli; `leave` records the exit codes. */
function startRun(argv: string[], env: NodeJS.ProcessEnv) {
    const state = new RunState();
    const stop = new StopSwitch();
    const exits: number[] = [];
    const signals = onSignals(state, stop, (code) => exits.push(code));
    let stdout = '';
    const done = main({
        argv,
        env,
        cwd: process.cwd(),
        streams: {
            stdout: { write: (text: string) => (stdout += text) },
            stderr: { write: () => true },
            stderrIsTTY: false
        },
        stop,
        state
    }).then((code) => {
        signals.finished(code);
        return code;
    });
    return { done, signal: signals.handle, exits, stdout: () => stdout };
}

/** The JSON documents printed on stdout. */
function documents(stdout: string): { status: number }[] {
    return stdout
        .split(/\n(?=\{)/)
        .filter((text) => text.trim() !== '')
        .map((text) => JSON.parse(text) as { status: number });
}

describe('signals', () => {
    const fixture = orgPerTest(40);

    it('two signals in flight: one document (interrupted), exit 1; the late result prints nothing', async () => {
        fixture.running.org.injectFaults({ latencyMs: 100 });
        const run = startRun([...fixture.ids, '--json', '--concurrency', '1'], orgEnv(fixture.url));
        await new Promise((resolve) => setTimeout(resolve, 30));
        run.signal('SIGINT');
        run.signal('SIGINT');
        await run.done;

        const printed = documents(run.stdout());
        expect(printed).toHaveLength(1);
        expect(printed[0]?.status).toBe(1);
        expect(run.exits).toEqual([1]);
    }, 60_000);

    it('signals after the document is out change nothing: its status is the exit code', async () => {
        const run = startRun([...fixture.ids.slice(0, 10), '--json'], orgEnv(fixture.url));
        const code = await run.done;
        run.signal('SIGINT');
        run.signal('SIGINT');
        run.signal('SIGTERM');

        const printed = documents(run.stdout());
        expect(printed).toHaveLength(1);
        expect(printed[0]?.status).toBe(0);
        expect(code).toBe(0);
        expect(run.exits).toEqual([0]);
    }, 60_000);

    it('one signal: the requests in flight finish, one document, exit 1', async () => {
        const dir = tempDir();
        try {
            fixture.running.org.injectFaults({ latencyMs: 80 });
            const run = startRun(
                [
                    ...fixture.ids,
                    '--json',
                    '--concurrency',
                    '1',
                    '--out',
                    join(dir.path, 'o.jsonl')
                ],
                orgEnv(fixture.url)
            );
            await new Promise((resolve) => setTimeout(resolve, 30));
            run.signal('SIGTERM');
            await run.done;

            const printed = documents(run.stdout());
            expect(printed).toHaveLength(1);
            expect(printed[0]?.status).toBe(1);
            expect(run.exits).toEqual([1]);
        } finally {
            dir.remove();
        }
    }, 60_000);
});
