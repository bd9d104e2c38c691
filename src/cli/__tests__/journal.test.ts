/**
 * The journal of a run: one run per --out file at a time, the in-flight record on disk before a
 * batch is sent, a second try after a lost answer reported as such, the same redaction on every
 * file the run writes, and --resume given the run's original command line.
 */
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { hostname } from 'os';
import { join } from 'path';
import { GroupCommitFile } from '../group-commit';
import { inFlightPath, readInFlight, runFilePath } from '../journal';
import { JournalWriter } from '../journal-writer';
import { lockPath } from '../out-lock';
import { DEFAULT_RETRY_POLICY } from '../retry';
import { planBatches, runBatches, StopSwitch, type Batch } from '../runner';
import {
    orgEnv,
    orgPerTest,
    readLines,
    runCli,
    sendCounts,
    startFaultyFront,
    syncRequests,
    TOKEN
} from './harness';

describe('the journal of a run', () => {
    const fixture = orgPerTest(40);
    const out = (): string => join(fixture.dir.path, 'run.jsonl');

    it('refuses a second run on the same --out file while the first one runs', async () => {
        fixture.running.org.injectFaults({ latencyMs: 150 });
        const first = runCli([...fixture.ids.slice(0, 20), '--out', out(), '--json'], {
            env: orgEnv(fixture.url)
        });
        // The first run holds the lock as soon as it starts, before its first answer.
        await new Promise((resolve) => setTimeout(resolve, 50));
        const second = await runCli([...fixture.ids.slice(20, 30), '--out', out()], {
            env: orgEnv(fixture.url)
        });

        expect(second.code).toBe(2);
        expect(second.stderr).toMatch(/Another zuora-sync run \(process \d+/);
        expect(second.stderr).toMatch(/Nothing was sent/);
        expect((await first).code).toBe(0);
        // Only the first run's items reached the org; its lock is gone.
        expect([...sendCounts(fixture.running.org).keys()].sort()).toEqual(
            fixture.ids.slice(0, 20).sort()
        );
        expect(existsSync(lockPath(out()))).toBe(false);
    }, 60_000);

    it('takes over the lock that a killed run left behind', async () => {
        // A process id that is not running (the largest pid Linux hands out is far below it).
        writeFileSync(
            lockPath(out()),
            JSON.stringify({ pid: 2 ** 30, host: hostname(), at: '2026-01-01T00:00:00.000Z' })
        );
        const run = await runCli([fixture.ids[0] as string, '--out', out()], {
            env: orgEnv(fixture.url)
        });
        expect(run.code).toBe(0);
        expect(existsSync(lockPath(out()))).toBe(false);
    }, 60_000);

    it('has the in-flight record of a batch on disk before the batch is sent', async () => {
        const writer = JournalWriter.open(out(), 'run.jsonl', (text) => text);
        const batches: Batch[] = [0, 1, 2, 3, 4, 5, 6].map((index) => ({
            number: index + 1,
            ids: fixture.ids.slice(index * 5, index * 5 + 5)
        }));
        const missing: string[] = [];
        await runBatches(
            batches,
            {
                postSync: (request) => {
                    const recorded = readInFlight(out(), 0);
                    missing.push(...request.ids.filter((id) => !recorded.has(id)));
                    return Promise.resolve({
                        requestId: 'r',
                        results: request.ids.map((id) => ({
                            id,
                            status: 'REQUESTED',
                            message: 'ok'
                        })),
                        limits: []
                    });
                },
                apiUsage: () => null
            },
            {
                objectType: 'BILLING_ACCOUNT',
                zuoraIds: false,
                concurrency: 2,
                apiBudget: 90,
                retry: DEFAULT_RETRY_POLICY,
                stop: new StopSwitch(),
                recorder: writer
            }
        );
        await writer.close();

        expect(missing).toEqual([]);
        expect(readLines(readFileSync(out(), 'utf8'))).toHaveLength(35);
        // Everything sent is in flight until its line is read; nothing was recorded twice over.
        expect(readInFlight(out(), 0).size).toBe(35);
    });

    it('commits appends in groups and has each on disk when its promise resolves', async () => {
        const path = join(fixture.dir.path, 'group.log');
        const file = new GroupCommitFile(openSync(path, 'a'), 20);
        const appends = Array.from({ length: 50 }, (_v, index) => file.append(`${index}\n`));
        await appends[49];
        expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(51);
        await file.append('urgent\n', true);
        expect(readFileSync(path, 'utf8')).toMatch(/urgent\n$/);
        await file.close();
        await expect(file.append('late\n')).rejects.toThrow(/closed/);
    });

    it('reports a second try after a lost answer as such (the org answered it SKIPPED)', async () => {
        // The first request reaches the org, which takes it; its answer is lost.
        const front = await startFaultyFront(fixture.running.org, (n) =>
            n === 1 ? 'lose' : 'pass'
        );
        try {
            const run = await runCli([...fixture.ids.slice(0, 10), '--out', out(), '--json'], {
                env: orgEnv(front.url)
            });
            expect(run.code).toBe(1);
            const document = JSON.parse(run.stdout);
            expect(document.result.summary.skipped).toBe(10);
            expect(document.result.results[0].message).toMatch(/An earlier try of this run/);
            expect(document.warnings).toEqual(
                expect.arrayContaining([
                    expect.objectContaining({
                        code: 'SENT_AGAIN',
                        message: expect.stringMatching(/10 answered SKIPPED/)
                    })
                ])
            );
            // Zuora received each record once: the org's cooldown answered the second request.
            expect(fixture.running.org.state().zuoraJobs).toHaveLength(10);
        } finally {
            await front.close();
        }
    }, 60_000);

    it('redacts the token in every file it writes, whatever echoes it', async () => {
        const echo = `Bearer ${TOKEN}`;
        const front = await startFaultyFront(fixture.running.org, (_n, request) => ({
            status: 200,
            body: {
                requestId: TOKEN,
                results: fixture.ids.slice(0, 3).map((id) => ({
                    id,
                    status: 'REQUESTED',
                    message: `Accepted for ${String(request.headers.authorization ?? echo)}`
                })),
                limits: []
            }
        }));
        try {
            const run = await runCli([...fixture.ids.slice(0, 3), '--out', out(), '--json'], {
                env: orgEnv(front.url)
            });
            expect(run.code).toBe(0);
            expect(run.stdout).toContain('Accepted for Bearer ***');
            const files = readdirSync(fixture.dir.path).map((name) =>
                readFileSync(join(fixture.dir.path, name), 'utf8')
            );
            expect(files.length).toBeGreaterThanOrEqual(3);
            expect(readFileSync(out(), 'utf8')).toContain('"requestId":"***"');
            for (const text of [...files, run.stdout, run.stderr]) {
                expect(text).not.toContain(TOKEN);
            }
        } finally {
            await front.close();
        }
    }, 60_000);

    it('accepts --resume with the original command line, and says what differs otherwise', async () => {
        const idsFile = join(fixture.dir.path, 'ids.txt');
        writeFileSync(idsFile, `${fixture.ids.slice(0, 30).join('\n')}\n`);
        // A run stopped after its first answers: the rest is NOT_SENT.
        const stop = new StopSwitch();
        fixture.running.org.injectFaults({ latencyMs: 50 });
        const first = runCli(['--file', idsFile, '--out', out(), '--concurrency', '1'], {
            env: orgEnv(fixture.url),
            stop
        });
        await new Promise((resolve) => setTimeout(resolve, 20));
        stop.stop({ reason: 'interrupted', code: 'INTERRUPTED', message: 'stopped' });
        expect((await first).code).toBe(1);
        fixture.running.org.injectFaults({ latencyMs: 0 });

        const other = await runCli(
            ['--file', idsFile, fixture.ids[35] as string, '--resume', out()],
            {
                env: orgEnv(fixture.url)
            }
        );
        expect(other.code).toBe(2);
        expect(other.stderr).toMatch(/1 not in the run \(a0X/);

        const same = await runCli(
            ['--file', idsFile, '--out', out(), '--resume', out(), '--json'],
            { env: orgEnv(fixture.url) }
        );
        expect(same.code).toBe(0);
        expect(JSON.parse(same.stdout).result.summary).toEqual(
            expect.objectContaining({ total: 30, requested: 30 })
        );
        expect(syncRequests(fixture.running.org)).toHaveLength(3);
        expect(JSON.parse(readFileSync(runFilePath(out()), 'utf8')).items).toHaveLength(30);
        expect(existsSync(inFlightPath(out()))).toBe(true);
    }, 60_000);

    it('--resume with the inputs of a run stopped before it wrote anything starts it afresh', async () => {
        const idsFile = join(fixture.dir.path, 'ids.txt');
        writeFileSync(idsFile, `${fixture.ids.slice(0, 12).join('\n')}\n`);
        const run = await runCli(['--file', idsFile, '--out', out(), '--resume', out(), '--json'], {
            env: orgEnv(fixture.url)
        });
        expect(run.code).toBe(0);
        expect(JSON.parse(readFileSync(runFilePath(out()), 'utf8')).items).toEqual(
            fixture.ids.slice(0, 12)
        );
        expect(readLines(readFileSync(out(), 'utf8'))).toHaveLength(12);
    }, 60_000);

    it('sends nothing when the run file cannot be written, and says so', async () => {
        // A directory where the run file belongs: the rename over it fails.
        mkdirSync(runFilePath(out()));
        const run = await runCli([...fixture.ids.slice(0, 20), '--out', out(), '--json'], {
            env: orgEnv(fixture.url)
        });
        expect(run.code).toBe(1);
        const document = JSON.parse(run.stdout);
        expect(document.result.summary.notSent).toBe(20);
        expect(document.warnings.map((warning: { code: string }) => warning.code)).toEqual(
            expect.arrayContaining(['OUT_FILE_WRITE_FAILED'])
        );
        expect(syncRequests(fixture.running.org)).toEqual([]);
    }, 60_000);

    it('sends again what an earlier run had in flight last, once the org can tell', () => {
        const ids = fixture.ids.slice(0, 25);
        const sentAt = '2026-12-03T10:00:00.000Z';
        const possiblySent = new Map(ids.slice(0, 12).map((id) => [id, sentAt]));
        const batches = planBatches(ids, possiblySent, 5000);

        expect(batches.map((batch) => batch.ids.length)).toEqual([10, 3, 10, 2]);
        expect(batches.slice(0, 2).flatMap((batch) => batch.ids)).toEqual(ids.slice(12));
        expect(batches.slice(2).flatMap((batch) => batch.ids)).toEqual(ids.slice(0, 12));
        expect(batches.map((batch) => batch.notBefore)).toEqual([
            undefined,
            undefined,
            Date.parse(sentAt) + 5000,
            Date.parse(sentAt) + 5000
        ]);
        expect(batches.map((batch) => batch.number)).toEqual([1, 2, 3, 4]);
    });
});
