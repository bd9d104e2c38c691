/**
 * --out and --resume with real processes: a run killed at an arbitrary moment (SIGKILL) or
 * stopped (SIGTERM), then resumed. Every item must end with exactly one final result and no item
 * may reach the org twice.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { pathToFileURL } from 'url';
import type { RunningOrg } from '../../org-emulator';
import { JournalWriter, readResumeState } from '../journal';
import {
    readLines,
    runCli,
    sendCounts,
    orgEnv,
    startFaultyFront,
    startOrg,
    tempDir
} from './harness';

const ROOT = resolve(__dirname, '../../..');
const FINAL = new Set(['REQUESTED', 'FAILED', 'SKIPPED']);

/** Bundles the command line with scripts/build-cli.mjs (an ES module: run in a child process). */
function buildCliInto(outfile: string): void {
    const script = pathToFileURL(join(ROOT, 'scripts/build-cli.mjs')).href;
    const code = `import { buildCli } from ${JSON.stringify(script)};
await buildCli({ outfile: ${JSON.stringify(outfile)} });`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
        encoding: 'utf8'
    });
    if (run.status !== 0) {
        throw new Error(`Build of the command line failed: ${run.stderr}`);
    }
}

function itemLines(path: string): { id: string; status: string; message: string }[] {
    return readLines(readFileSync(path, 'utf8')).filter(
        (line): line is { id: string; status: string; message: string } =>
            typeof line.id === 'string'
    );
}

function finalCounts(path: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const line of itemLines(path)) {
        if (FINAL.has(line.status)) {
            counts.set(line.id, (counts.get(line.id) ?? 0) + 1);
        }
    }
    return counts;
}

async function waitFor(check: () => boolean, timeoutMs = 10000): Promise<void> {
    const started = Date.now();
    while (!check()) {
        if (Date.now() - started > timeoutMs) {
            throw new Error('timed out waiting');
        }
        await new Promise((resolvePromise) => setTimeout(resolvePromise, 5));
    }
}

function exited(
    child: ChildProcess
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return new Promise((resolvePromise) =>
        child.on('exit', (code, signal) => resolvePromise({ code, signal }))
    );
}

describe('a run killed or stopped, then resumed', () => {
    let dir: ReturnType<typeof tempDir>;
    let bundle: string;
    let running: RunningOrg;
    let ids: string[];
    let out: string;
    let idsFile: string;

    beforeAll(() => {
        dir = tempDir();
        bundle = join(dir.path, 'zuora-sync.js');
        buildCliInto(bundle);
    });

    afterAll(() => {
        dir.remove();
    });

    beforeEach(async () => {
        ({ running, ids } = await startOrg(80));
        out = join(dir.path, `run-${Date.now()}.jsonl`);
        idsFile = join(dir.path, 'ids.txt');
        writeFileSync(idsFile, `${ids.join('\n')}\n`);
    });

    afterEach(async () => {
        await running.close();
    });

    const start = (args: string[], url = running.url): ChildProcess =>
        spawn(process.execPath, [bundle, ...args], {
            env: { ...process.env, ...orgEnv(url) },
            stdio: ['ignore', 'pipe', 'pipe']
        });

    it('SIGKILL mid-way: resuming sends only what was never sent, and in-doubt items are not sent again', async () => {
        running.org.injectFaults({ latencyMs: 250 });
        // A front that counts the requests the org received in full. Two batches go out and are
        // answered after 250 ms; only then are the next two sent. The kill comes as soon as the
        // org holds those two, long before it answers them: they are in doubt.
        const front = await startFaultyFront(running.org, () => 'pass');
        const child = start(['--file', idsFile, '--out', out, '--concurrency', '2'], front.url);
        const ended = exited(child);
        await waitFor(() => front.received() >= 4);
        child.kill('SIGKILL');
        expect((await ended).signal).toBe('SIGKILL');
        // Let the org finish the requests the killed run had sent.
        await new Promise((resolvePromise) => setTimeout(resolvePromise, 400));
        await front.close();
        const killedRun = readResumeState(out, out);
        expect(killedRun.inDoubt).toHaveLength(20);
        running.org.injectFaults({ latencyMs: 0 });

        // The org answers in this process: the resumed run must not block it (no spawnSync).
        const resumedChild = start(['--resume', out, '--json']);
        let stdout = '';
        resumedChild.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        const resumed = { status: (await exited(resumedChild)).code, stdout };

        expect(resumed.status).toBe(1);
        const document = JSON.parse(resumed.stdout);
        expect(document.result.summary.total).toBe(80);
        expect(document.result.summary.notSent).toBe(0);
        expect(document.result.summary.skipped).toBe(killedRun.inDoubt.length);
        expect(document.warnings).toEqual(
            expect.arrayContaining([expect.objectContaining({ code: 'IN_DOUBT' })])
        );
        // Every id: exactly one final line in the file, and exactly one arrival at the org.
        const finals = finalCounts(out);
        expect(ids.every((id) => finals.get(id) === 1)).toBe(true);
        const sent = sendCounts(running.org);
        expect(ids.filter((id) => sent.get(id) !== 1).map((id) => [id, sent.get(id)])).toEqual([]);
        const skipped = itemLines(out).filter((line) => line.status === 'SKIPPED');
        expect(skipped.map((line) => line.id).sort()).toEqual(
            killedRun.inDoubt.map((entry) => entry.id).sort()
        );
        expect(skipped[0]?.message).toContain('stopped before its answer arrived');

        // Resuming a finished file sends nothing more.
        const again = await runCli(['--resume', out, '--json'], { env: orgEnv(running.url) });
        expect(again.code).toBe(1);
        expect(JSON.parse(again.stdout).result.apiRequests).toBe(0);
        expect(sendCounts(running.org)).toEqual(sent);
    });

    it('SIGTERM: in-flight batches finish, the rest are NOT_SENT, exit 1; --resume sends exactly those', async () => {
        running.org.injectFaults({ latencyMs: 100 });
        const child = start(['--file', idsFile, '--out', out, '--concurrency', '2']);
        const ended = exited(child);
        let stderr = '';
        child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        await waitFor(() => existsSync(out) && itemLines(out).length >= 10);
        child.kill('SIGTERM');
        const { code } = await ended;

        expect(code).toBe(1);
        expect(stderr).toContain('Interrupted (SIGTERM)');
        const stopped = readResumeState(out, out);
        expect(stopped.inDoubt).toEqual([]);
        const notSent = itemLines(out).filter((line) => line.status === 'NOT_SENT');
        expect(notSent.length).toBeGreaterThan(0);
        expect(stopped.pending.sort()).toEqual(notSent.map((line) => line.id).sort());
        running.org.injectFaults({ latencyMs: 0 });
        const before = readFileSync(out, 'utf8');
        const requestsBefore = running.org.receivedRequests().length;
        const dryRun = await runCli(['--resume', out, '--dry-run', '--json'], {
            env: orgEnv(running.url)
        });
        expect(dryRun.code).toBe(0);
        expect(JSON.parse(dryRun.stdout).result.batches.flat().sort()).toEqual(
            [...stopped.pending].sort()
        );
        expect(readFileSync(out, 'utf8')).toBe(before);
        expect(running.org.receivedRequests()).toHaveLength(requestsBefore);

        const resumed = await runCli(['--resume', out], { env: orgEnv(running.url) });

        expect(resumed.code).toBe(0);
        expect(resumed.stdout).toContain('80 items: 80 requested');
        const finals = finalCounts(out);
        expect(ids.every((id) => finals.get(id) === 1)).toBe(true);
        const sent = sendCounts(running.org);
        expect(ids.every((id) => sent.get(id) === 1)).toBe(true);
    });

    it('writes a resumed run to another --out file that can itself be resumed', async () => {
        const first = await runCli(
            [...ids.slice(0, 30), '--out', out, '--api-budget', '8', '--concurrency', '1'],
            {
                env: orgEnv(running.url)
            }
        );
        expect(first.code).toBe(1);
        expect(first.stderr).toContain(`--resume ${out}`);
        const next = join(dir.path, 'next.jsonl');

        const resumed = await runCli(['--resume', out, '--out', next, '--json'], {
            env: orgEnv(running.url)
        });

        expect(resumed.code).toBe(0);
        const state = readResumeState(next, next);
        expect(state.run.items).toEqual(ids.slice(0, 30));
        expect(state.done.size).toBe(30);
        expect(state.pending).toEqual([]);
    });

    it('refuses a file that is not an --out file', async () => {
        const other = join(dir.path, 'other.jsonl');
        writeFileSync(other, '{"hello":1}\n');
        const missing = await runCli(['--resume', join(dir.path, 'none.jsonl')], {
            env: orgEnv(running.url)
        });
        const foreign = await runCli(['--resume', other], { env: orgEnv(running.url) });

        expect(missing.code).toBe(2);
        expect(foreign.code).toBe(2);
        expect(foreign.stderr).toContain('not a file written by zuora-sync --out');
        expect(running.org.receivedRequests()).toHaveLength(0);
    });
});

describe('the --out file', () => {
    let dir: ReturnType<typeof tempDir>;

    beforeEach(() => {
        dir = tempDir();
    });

    afterEach(() => {
        dir.remove();
    });

    const A = 'a0X5g00000AcEu1EAF';
    const B = 'a0X5g00000AcUs2EAF';
    const C = 'a0X5g00000AcAp3EAF';
    const D = 'a0X5g00000InAusEAF';

    it('reads the state of the last run: final lines, NOT_SENT, in-doubt, a line cut short', () => {
        const path = join(dir.path, 'out.jsonl');
        writeFileSync(
            path,
            [
                JSON.stringify({
                    run: {
                        version: 1,
                        at: 't0',
                        objectType: 'BILLING_ACCOUNT',
                        idKind: 'salesforce',
                        items: [D]
                    }
                }),
                JSON.stringify({
                    id: D,
                    status: 'REQUESTED',
                    message: 'old run',
                    requestId: 'r0',
                    at: 't0'
                }),
                JSON.stringify({
                    run: {
                        version: 1,
                        at: 't1',
                        objectType: 'BILLING_ACCOUNT',
                        idKind: 'salesforce',
                        items: [A, B, C, D]
                    }
                }),
                JSON.stringify({ sending: { batch: 1, ids: [A, B], at: 't2' } }),
                JSON.stringify({
                    id: A.slice(0, 15),
                    status: 'REQUESTED',
                    message: 'ok',
                    requestId: 'r1',
                    at: 't3'
                }),
                JSON.stringify({
                    id: B,
                    status: 'NOT_SENT',
                    message: 'stopped',
                    requestId: null,
                    at: 't3'
                }),
                JSON.stringify({ sending: { batch: 2, ids: [C], at: 't4' } }),
                '{"id":"a0X5g00000InAusEAF","sta'
            ].join('\n')
        );

        const state = readResumeState('out.jsonl', path);

        expect(state.run.items).toEqual([A, B, C, D]);
        expect([...state.done.keys()]).toEqual([A]);
        expect(state.pending).toEqual([B, D]);
        expect(state.inDoubt).toEqual([{ id: C, sentAt: 't4' }]);
    });

    it('ends a line cut short before appending, and flushes every append', () => {
        const path = join(dir.path, 'out.jsonl');
        appendFileSync(path, '{"id":"x","sta');
        const writer = new JournalWriter(path);
        writer.results([{ id: A, status: 'REQUESTED', message: 'ok', requestId: 'r', at: 't' }]);
        writer.close();

        const lines = readFileSync(path, 'utf8').split('\n');
        expect(lines[0]).toBe('{"id":"x","sta');
        expect(JSON.parse(lines[1] as string)).toEqual(
            expect.objectContaining({ id: A, status: 'REQUESTED' })
        );
    });
});

describe('bin/zuora-sync.js', () => {
    it('runs the bundled command line (building it when needed)', () => {
        const result = spawnSync(
            process.execPath,
            [join(ROOT, 'bin', 'zuora-sync.js'), '--version'],
            {
                encoding: 'utf8'
            }
        );

        expect(result.status).toBe(0);
        expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    });
});
