/**
 * --out and --resume with real processes: a run killed at an arbitrary moment (SIGKILL) or
 * stopped (SIGTERM), then resumed. The --out file holds item lines only (the run's items are in
 * its run file); every item must end with exactly one final line, its last. Only an item whose
 * batch was in flight when the run was killed reaches the org twice, and the org's cooldown
 * answers the second request SKIPPED.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import type { RunningOrg } from '../../org-emulator';
import { readResumeState, runFilePath } from '../journal';
import { JournalWriter, writeRunFile } from '../journal-writer';
import {
    readLines,
    runCli,
    sendCounts,
    syncBodies,
    orgEnv,
    startFaultyFront,
    startOrg,
    syncRequests,
    tempDir
} from './harness';
import { buildCliInto, exited, waitFor } from './child';

const ROOT = resolve(__dirname, '../../..');
const FINAL = new Set(['REQUESTED', 'FAILED', 'SKIPPED']);

function itemLines(path: string): { id: string; status: string; message: string }[] {
    return readLines(readFileSync(path, 'utf8')).filter(
        (line): line is { id: string; status: string; message: string } =>
            typeof line.id === 'string'
    );
}

/** The keys of a contract --out line, and no other. */
const LINE_KEYS = ['at', 'id', 'message', 'requestId', 'status'];

/** Checks that every line of an --out file is a contract item line; returns the last per id. */
function lastLines(path: string): Map<string, { id: string; status: string }> {
    const last = new Map<string, { id: string; status: string }>();
    for (const line of readLines(readFileSync(path, 'utf8'))) {
        expect(line).toEqual(
            expect.objectContaining({
                id: expect.any(String),
                status: expect.stringMatching(/^(REQUESTED|FAILED|SKIPPED|NOT_SENT)$/),
                message: expect.any(String),
                at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/)
            })
        );
        expect(Object.keys(line).sort()).toEqual(LINE_KEYS);
        last.set(line.id as string, line as { id: string; status: string });
    }
    return last;
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
    }, 60_000);

    afterAll(() => {
        dir.remove();
    });

    beforeEach(async () => {
        ({ running, ids } = await startOrg(80));
        out = join(dir.path, `run-${Date.now()}.jsonl`);
        idsFile = join(dir.path, 'ids.txt');
        writeFileSync(idsFile, `${ids.join('\n')}\n`);
    }, 60_000);

    afterEach(async () => {
        await running.close();
    }, 60_000);

    const start = (args: string[], url = running.url): ChildProcess =>
        spawn(process.execPath, [bundle, ...args], {
            // A resumed run waits one request timeout before sending again what was in flight.
            env: { ...process.env, ...orgEnv(url, { ZUORA_SYNC_REQUEST_TIMEOUT_MS: '1000' }) },
            stdio: ['ignore', 'pipe', 'pipe']
        });

    it('SIGKILL mid-way: --resume sends every item with no line, those in flight too; each ends with one final line', async () => {
        running.org.injectFaults({ latencyMs: 250 });
        // A front that counts the requests the org received in full. Two batches go out and are
        // answered after 250 ms; only then are the next two sent. The kill comes as soon as the
        // org holds those two, long before it answers them: they have no line.
        const front = await startFaultyFront(running.org, () => 'pass');
        const child = start(['--file', idsFile, '--out', out, '--concurrency', '2'], front.url);
        const ended = exited(child);
        await waitFor(() => front.received() >= 4);
        child.kill('SIGKILL');
        expect((await ended).signal).toBe('SIGKILL');
        // Let the org finish the requests the killed run had sent.
        await new Promise((resolvePromise) => setTimeout(resolvePromise, 400));
        await front.close();

        // The run file lists the run's items; the --out file holds item lines only.
        expect(JSON.parse(readFileSync(runFilePath(out), 'utf8')).items).toEqual(ids);
        // Result lines are committed in groups: the last answers before the kill may have none.
        const answered = lastLines(out);
        expect(answered.size).toBeLessThanOrEqual(20);
        const inFlight = syncRequests(running.org)
            .flatMap((request) => request.ids)
            .filter((id) => !answered.has(id));
        expect(inFlight).toHaveLength(40 - answered.size);
        const killedRun = readResumeState(out, out);
        expect(killedRun.pending).toEqual(ids.filter((id) => !answered.has(id)));
        // Every item that reached the org without a line was recorded in flight before it was sent.
        expect(inFlight.filter((id) => !killedRun.possiblySent.has(id))).toEqual([]);
        running.org.injectFaults({ latencyMs: 0 });

        // The org answers in this process: the resumed run must not block it (no spawnSync).
        const resumedChild = start(['--resume', out, '--json']);
        let stdout = '';
        resumedChild.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        const resumed = { status: (await exited(resumedChild)).code, stdout };

        // The items in flight had reached the org: their cooldown answers them SKIPPED.
        expect(resumed.status).toBe(1);
        const document = JSON.parse(resumed.stdout);
        expect(document.result.summary).toEqual({
            total: 80,
            requested: 80 - inFlight.length,
            failed: 0,
            skipped: inFlight.length,
            notSent: 0
        });
        expect(document.warnings).toEqual(
            expect.arrayContaining([
                expect.objectContaining({ code: 'IN_FLIGHT_WHEN_STOPPED' }),
                expect.objectContaining({ code: 'SENT_AGAIN' })
            ])
        );
        // Every id: its last line is final, and it has exactly one final line.
        const last = lastLines(out);
        expect(ids.filter((id) => !FINAL.has(last.get(id)?.status ?? 'none'))).toEqual([]);
        const finals = finalCounts(out);
        expect(ids.filter((id) => finals.get(id) !== 1)).toEqual([]);
        // Only the items in flight reached the org twice.
        const sent = sendCounts(running.org);
        expect(
            ids
                .filter((id) => sent.get(id) !== (inFlight.includes(id) ? 2 : 1))
                .map((id) => [id, sent.get(id)])
        ).toEqual([]);
        const skipped = itemLines(out).filter((line) => line.status === 'SKIPPED');
        expect(skipped.map((line) => line.id).sort()).toEqual([...inFlight].sort());
        // Reported as what they are: sent again after a request whose answer was never received.
        expect(skipped.every((line) => line.message.includes('without receiving the answer'))).toBe(
            true
        );
        // The --out line holds the contract's keys only; --json gives the rest of the result.
        expect(Object.keys(skipped[0] as object).sort()).toEqual(LINE_KEYS);
        expect(
            document.result.results.find((result: { id: string }) => result.id === skipped[0]?.id)
        ).toEqual(
            expect.objectContaining({ status: 'SKIPPED', cooldownUntil: expect.any(String) })
        );

        // Resuming a finished file sends nothing more.
        const again = await runCli(['--resume', out, '--json'], { env: orgEnv(running.url) });
        expect(again.code).toBe(1);
        expect(JSON.parse(again.stdout).result.apiRequests).toBe(0);
        expect(sendCounts(running.org)).toEqual(sent);
    }, 60_000);

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
        const last = lastLines(out);
        expect(ids.every((id) => FINAL.has(last.get(id)?.status ?? 'none'))).toBe(true);
        const sent = sendCounts(running.org);
        expect(ids.every((id) => sent.get(id) === 1)).toBe(true);
    }, 60_000);

    it('a second SIGTERM leaves at once, still printing the --json document; --resume completes the run', async () => {
        running.org.injectFaults({ latencyMs: 300 });
        const child = start(['--file', idsFile, '--out', out, '--concurrency', '2', '--json']);
        const ended = exited(child);
        let stdout = '';
        child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        await waitFor(() => existsSync(out) && itemLines(out).length >= 10);
        child.kill('SIGTERM');
        await new Promise((resolvePromise) => setTimeout(resolvePromise, 20));
        child.kill('SIGTERM');

        expect((await ended).code).toBe(1);
        const document = JSON.parse(stdout);
        expect(document.status).toBe(1);
        expect(document.result.summary.total).toBe(80);
        expect(document.result.summary.notSent).toBeGreaterThan(0);
        expect(document.warnings).toEqual(
            expect.arrayContaining([expect.objectContaining({ code: 'INTERRUPTED' })])
        );
        // Let the org answer what the stopped run had sent, then finish the run.
        await new Promise((resolvePromise) => setTimeout(resolvePromise, 400));
        running.org.injectFaults({ latencyMs: 0 });
        const resumed = await runCli(['--resume', out, '--json'], {
            env: orgEnv(running.url, { ZUORA_SYNC_REQUEST_TIMEOUT_MS: '300' })
        });

        expect(JSON.parse(resumed.stdout).result.summary.notSent).toBe(0);
        const last = lastLines(out);
        expect(ids.filter((id) => !FINAL.has(last.get(id)?.status ?? 'none'))).toEqual([]);
        const finals = finalCounts(out);
        expect(ids.filter((id) => finals.get(id) !== 1)).toEqual([]);
    }, 60_000);

    it('writes a resumed run to another --out file that can itself be resumed', async () => {
        const first = await runCli(
            [...ids.slice(0, 30), '--out', out, '--api-budget', '8', '--concurrency', '1'],
            {
                env: orgEnv(running.url)
            }
        );
        expect(first.code).toBe(1);
        expect(first.stderr).toContain(
            `--resume ${out} sends them once the org has API requests to spare.`
        );
        const next = join(dir.path, 'next.jsonl');

        const resumed = await runCli(['--resume', out, '--out', next, '--json'], {
            env: orgEnv(running.url)
        });

        expect(resumed.code).toBe(0);
        const state = readResumeState(next, next);
        expect(state.run.items).toEqual(ids.slice(0, 30));
        expect(state.done.size).toBe(30);
        expect(state.pending).toEqual([]);
        expect(lastLines(next).size).toBe(30);
    }, 60_000);

    it('without the run file, resumes the items whose last line is NOT_SENT, with a warning', async () => {
        const first = await runCli(
            [...ids.slice(0, 30), '--out', out, '--api-budget', '8', '--concurrency', '1'],
            { env: orgEnv(running.url) }
        );
        expect(first.code).toBe(1);
        const notSent = itemLines(out)
            .filter((line) => line.status === 'NOT_SENT')
            .map((line) => line.id);
        expect(notSent.length).toBeGreaterThan(0);
        rmSync(runFilePath(out));
        const before = syncRequests(running.org).length;

        const resumed = await runCli(['--resume', out, '--json'], {
            env: orgEnv(running.url, { ZUORA_SYNC_REQUEST_TIMEOUT_MS: '300' })
        });

        expect(resumed.code).toBe(0);
        const document = JSON.parse(resumed.stdout);
        expect(document.warnings).toEqual(
            expect.arrayContaining([
                expect.objectContaining({
                    code: 'RUN_FILE_MISSING',
                    message: expect.stringContaining('NOT_SENT')
                })
            ])
        );
        expect(document.result.summary.total).toBe(30);
        expect(
            syncRequests(running.org)
                .slice(before)
                .flatMap((request) => request.ids)
        ).toEqual(notSent);
        expect(finalCounts(out)).toEqual(new Map(ids.slice(0, 30).map((id) => [id, 1])));
    }, 60_000);

    it('takes --type for a file without its run file, and refuses one that contradicts it', async () => {
        const product = 'a0Y5g00000PlTfMEAV';
        writeFileSync(
            out,
            `${JSON.stringify({ id: product, status: 'NOT_SENT', message: 'stopped', requestId: null, at: 't' })}\n`
        );
        const asProducts = await runCli(['--resume', out, '--type', 'product'], {
            env: orgEnv(running.url)
        });
        expect(asProducts.code).toBe(0);
        expect(syncBodies(running.org)).toEqual([
            expect.objectContaining({ objectType: 'PRODUCT', ids: [product] })
        ]);

        const billing = join(dir.path, 'billing.jsonl');
        await writeRunFile(
            runFilePath(billing),
            JSON.stringify({
                version: 2,
                at: 't',
                objectType: 'BILLING_ACCOUNT',
                idKind: 'salesforce',
                items: [ids[0] as string],
                outOffset: 0
            })
        );
        const contradicting = await runCli(['--resume', billing, '--type', 'product', '--json'], {
            env: orgEnv(running.url)
        });
        expect(contradicting.code).toBe(2);
        expect(JSON.parse(contradicting.stdout).warnings).toEqual([
            { code: 'USAGE', message: expect.stringContaining('--type') }
        ]);
        expect(syncBodies(running.org)).toHaveLength(1);
    }, 60_000);

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
    }, 60_000);
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

    const line = (id: string, status: string, at: string): string =>
        JSON.stringify({ id, status, message: status, requestId: null, at });

    it("reads the run's state: lines after its offset, the last per item, a line cut short", async () => {
        const path = join(dir.path, 'out.jsonl');
        const earlier = `${line(D, 'REQUESTED', 't0')}\n`;
        writeFileSync(
            path,
            earlier +
                [
                    line(A.slice(0, 15), 'NOT_SENT', 't1'),
                    line(A, 'REQUESTED', 't2'),
                    line(B, 'NOT_SENT', 't2'),
                    '{"id":"a0X5g00000AcAp3EAF","sta'
                ].join('\n')
        );
        await writeRunFile(
            runFilePath(path),
            JSON.stringify({
                version: 2,
                at: 't1',
                objectType: 'BILLING_ACCOUNT',
                idKind: 'salesforce',
                items: [A, B, C, D],
                outOffset: Buffer.byteLength(earlier)
            })
        );

        const state = readResumeState('out.jsonl', path);

        expect(state.fromRunFile).toBe(true);
        expect(state.run.items).toEqual([A, B, C, D]);
        expect([...state.done.keys()]).toEqual([A]);
        // B: NOT_SENT; C: no line (its batch was in flight); D: its line is an earlier run's.
        expect(state.pending).toEqual([B, C, D]);
        expect(state.warnings).toEqual([]);
    });

    it('without the run file, takes the items from the lines and sends the NOT_SENT ones', () => {
        const path = join(dir.path, 'out.jsonl');
        writeFileSync(
            path,
            [
                line(D, 'REQUESTED', 't0'),
                line(B, 'NOT_SENT', 't1'),
                line(A, 'NOT_SENT', 't1'),
                line(A, 'SKIPPED', 't2'),
                ''
            ].join('\n')
        );

        const state = readResumeState('out.jsonl', path);

        expect(state.fromRunFile).toBe(false);
        expect(state.run).toEqual(
            expect.objectContaining({
                items: [D, B, A],
                objectType: 'BILLING_ACCOUNT',
                idKind: 'salesforce'
            })
        );
        expect([...state.done.keys()]).toEqual([D, A]);
        expect(state.pending).toEqual([B]);
        expect(state.warnings).toEqual([expect.objectContaining({ code: 'RUN_FILE_MISSING' })]);
        expect(() => readResumeState('none.jsonl', join(dir.path, 'none.jsonl'))).toThrow(
            /does not exist/
        );
    });

    it('writes the run file whole or not at all, and refuses one that is not a run file', async () => {
        const path = join(dir.path, 'out.jsonl');
        const record = {
            version: 2,
            at: 't',
            objectType: 'PRODUCT' as const,
            idKind: 'salesforce' as const,
            items: [A],
            outOffset: 0
        };
        await writeRunFile(runFilePath(path), JSON.stringify(record));
        await writeRunFile(runFilePath(path), JSON.stringify({ ...record, items: [A, B] }));

        expect(JSON.parse(readFileSync(runFilePath(path), 'utf8'))).toEqual({
            ...record,
            items: [A, B]
        });
        // Only the run file itself is left in the directory (no temporary file).
        expect(readdirSync(dir.path)).toEqual(['out.jsonl.run.json']);
        const state = readResumeState('out.jsonl', path);
        expect(state.pending).toEqual([A, B]);
        writeFileSync(runFilePath(path), '{"items": "nope"}');
        expect(() => readResumeState('out.jsonl', path)).toThrow(/not a run file/);
    });

    it('ends a line cut short before appending, and flushes every append', async () => {
        const path = join(dir.path, 'out.jsonl');
        appendFileSync(path, '{"id":"x","sta');
        const writer = JournalWriter.open(path, 'out.jsonl', (text) => text);
        writer.results([{ id: A, status: 'REQUESTED', message: 'ok', requestId: 'r', at: 't' }]);
        await writer.close();

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
    }, 60_000);

    it('flushes stdout and stderr in full before it exits, into pipes', () => {
        const bad = Array.from({ length: 3000 }, (_v, index) => `bad-${index + 1}`);
        const result = spawnSync(
            process.execPath,
            [join(ROOT, 'bin', 'zuora-sync.js'), ...bad, '--json'],
            { encoding: 'utf8', env: { PATH: process.env.PATH } }
        );

        expect(result.status).toBe(2);
        const document = JSON.parse(result.stdout);
        expect(document.status).toBe(2);
        expect(document.warnings).toHaveLength(3001);
        expect(result.stderr).toMatch(
            /\.\.\. and 2980 more \(--json lists every one of them\)\.\n$/
        );
    }, 60_000);
});
