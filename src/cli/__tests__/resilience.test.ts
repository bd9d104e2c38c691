/**
 * When the org does not simply answer: the API budget guard, transient failures (retried with
 * backoff), permanent ones (never retried), refused sessions, an unreachable org, and stops.
 */
import { readFileSync } from 'fs';
import { createServer } from 'net';
import type { AddressInfo } from 'net';
import { join } from 'path';
import { describeError } from '../../bridge';
import type { RunningOrg } from '../../org-emulator';
import { backoffDelay, DEFAULT_RETRY_POLICY, retryPolicyFrom, withRetry } from '../retry';
import { readResumeState } from '../journal';
import {
    readLines,
    runCli,
    orgEnv,
    startFaultyFront,
    startOrg,
    StopSwitch,
    syncRequests,
    tempDir
} from './harness';

describe('the API budget', () => {
    let running: RunningOrg;
    let url: string;
    let ids: string[];

    beforeEach(async () => {
        ({ running, url, ids } = await startOrg(60, {
            apiRequestsUsed: 897,
            apiRequestsMax: 1000
        }));
    }, 60_000);

    afterEach(async () => {
        await running.close();
    }, 60_000);

    it('sends no new batch once DailyApiRequests reach --api-budget; the rest are NOT_SENT', async () => {
        const run = await runCli([...ids, '--concurrency', '1', '--json'], {
            env: orgEnv(url)
        });

        expect(run.code).toBe(1);
        // 897 used: the API usage read first reads 898, the answers of batches 1 and 2 read 899
        // and 900 of 1000 (90%).
        expect(syncRequests(running.org)).toHaveLength(2);
        const document = JSON.parse(run.stdout);
        expect(document.result.summary).toEqual({
            total: 60,
            requested: 20,
            failed: 0,
            skipped: 0,
            notSent: 40
        });
        expect(
            document.result.results
                .slice(20)
                .every((result: { status: string }) => result.status === 'NOT_SENT')
        ).toBe(true);
        expect(document.warnings).toEqual(
            expect.arrayContaining([
                expect.objectContaining({
                    code: 'API_BUDGET_REACHED',
                    message: expect.stringContaining('90%')
                }),
                expect.objectContaining({ code: 'LIMIT_NEAR' })
            ])
        );
        // Without --out there is nothing to --resume: the messages say to run again (with --out).
        const budget = document.warnings.find(
            (warning: { code: string }) => warning.code === 'API_BUDGET_REACHED'
        );
        expect(budget.message).not.toContain('--resume');
        expect(budget.message).toContain('with --out next time');
        expect(document.result.results[20].message).not.toContain('--resume');
        expect(document.result.results[20].message).toContain('Run the command again');
    }, 60_000);

    it('lets the batches already in flight finish when the budget is reached', async () => {
        running.org.injectFaults({ latencyMs: 20 });
        const run = await runCli([...ids, '--concurrency', '4', '--api-budget', '89.9', '--json'], {
            env: orgEnv(url)
        });

        expect(run.code).toBe(1);
        const document = JSON.parse(run.stdout);
        // The API usage read first (898 of 1000) is below 89.9%: four batches go out together;
        // the first answer (899 of 1000 or more) reaches 89.9%:
        // no fifth batch is sent, and the three others in flight finish.
        expect(syncRequests(running.org)).toHaveLength(4);
        expect(document.result.summary).toEqual({
            total: 60,
            requested: 40,
            failed: 0,
            skipped: 0,
            notSent: 20
        });
    }, 60_000);

    it('checks the budget against the answer of the billing-accounts listing before sending', async () => {
        const run = await runCli(['--account', '0015g00000GlBxI', '--api-budget', '85', '--json'], {
            env: orgEnv(url)
        });

        expect(run.code).toBe(1);
        expect(syncRequests(running.org)).toHaveLength(0);
        expect(JSON.parse(run.stdout).result.summary).toEqual({
            total: 12,
            requested: 0,
            failed: 0,
            skipped: 0,
            notSent: 12
        });
    }, 60_000);
});

describe('failures', () => {
    let running: RunningOrg;
    let ids: string[];
    let front: Awaited<ReturnType<typeof startFaultyFront>> | undefined;

    beforeEach(async () => {
        ({ running, ids } = await startOrg(30));
    }, 60_000);

    afterEach(async () => {
        await front?.close();
        front = undefined;
        await running.close();
    }, 60_000);

    it('retries 5xx, connection resets, timeouts, UNABLE_TO_LOCK_ROW and REQUEST_LIMIT_EXCEEDED', async () => {
        const faults = [
            { status: 503, body: [{ errorCode: 'SERVER_UNAVAILABLE', message: 'Try later' }] },
            'reset' as const,
            'hang' as const,
            {
                status: 400,
                body: [
                    {
                        errorCode: 'UNABLE_TO_LOCK_ROW',
                        message: 'unable to obtain exclusive access'
                    }
                ]
            },
            {
                status: 403,
                body: [
                    {
                        errorCode: 'REQUEST_LIMIT_EXCEEDED',
                        message: 'ConcurrentPerOrgLongTxn Limit exceeded.'
                    }
                ]
            },
            { status: 502, body: '<html>Bad gateway</html>' }
        ];
        front = await startFaultyFront(running.org, (n) => faults[n - 1] ?? 'pass');
        const run = await runCli([...ids.slice(0, 10), '--json'], {
            env: orgEnv(front.url, {
                ZUORA_SYNC_MAX_ATTEMPTS: '8',
                ZUORA_SYNC_REQUEST_TIMEOUT_MS: '300'
            })
        });

        expect(run.code).toBe(0);
        expect(front.seen()).toBe(7);
        expect(syncRequests(running.org)).toHaveLength(1);
        // The 7 tries and the API usage read before them.
        expect(JSON.parse(run.stdout).result.apiRequests).toBe(8);
        expect(run.stderr.match(/Retrying in/g)).toHaveLength(6);
    }, 60_000);

    it('gives up after a bounded number of tries; a temporary failure is not final: --resume sends it again', async () => {
        const dir = tempDir();
        try {
            const out = join(dir.path, 'out.jsonl');
            running.org.injectFaults({ errorRate: 1 });
            const run = await runCli([...ids.slice(0, 10), '--out', out, '--json'], {
                env: orgEnv(running.url)
            });

            expect(run.code).toBe(1);
            // 4 tries of the API usage read (a warning says it is unknown), 4 of the batch.
            expect(running.org.receivedRequests()).toHaveLength(8);
            expect(syncRequests(running.org)).toHaveLength(4);
            const document = JSON.parse(run.stdout);
            expect(document.result.summary).toEqual(
                expect.objectContaining({ failed: 0, notSent: 10 })
            );
            expect(document.result.results[0].message).toMatch(/temporary failure, 4 tries/);
            expect(document.result.apiRequests).toBe(8);
            expect(document.warnings).toEqual(
                expect.arrayContaining([expect.objectContaining({ code: 'API_USAGE_UNKNOWN' })])
            );
            expect(readResumeState(out, out).pending).toEqual(ids.slice(0, 10));

            running.org.clearFaults();
            const resumed = await runCli(['--resume', out, '--json'], { env: orgEnv(running.url) });
            expect(resumed.code).toBe(0);
            expect(JSON.parse(resumed.stdout).result.summary.requested).toBe(10);
        } finally {
            dir.remove();
        }
    }, 60_000);

    it('one id answered 500 leaves its batch resumable, not FAILED for good; refusals stay final', async () => {
        const dir = tempDir();
        try {
            const out = join(dir.path, 'out.jsonl');
            running.org.injectFaults({
                failures: {
                    [ids[3] as string]: { errorCode: 'ZUORA_ERROR', status: 500 },
                    [ids[25] as string]: { errorCode: 'UNKNOWN_EXCEPTION', status: 500 },
                    [ids[12] as string]: 'Zuora refused: account is closed'
                }
            });
            const run = await runCli([...ids.slice(0, 30), '--out', out, '--json'], {
                env: orgEnv(running.url)
            });
            expect(run.code).toBe(1);
            const statuses = JSON.parse(run.stdout).result.results.map(
                (result: { status: string }) => result.status
            );
            expect(statuses.slice(0, 10)).toEqual(Array(10).fill('NOT_SENT'));
            expect(statuses[12]).toBe('FAILED');
            expect(statuses.slice(20)).toEqual(Array(10).fill('NOT_SENT'));
            expect(readResumeState(out, out).pending).toEqual([
                ...ids.slice(0, 10),
                ...ids.slice(20, 30)
            ]);
        } finally {
            dir.remove();
        }
    }, 60_000);

    it('never retries a validation error: the batch fails, the other batches go on', async () => {
        running.org.injectFaults({
            failures: {
                [ids[3] as string]: { errorCode: 'INVALID_ID', message: 'Bad id', status: 400 }
            }
        });
        const run = await runCli([...ids.slice(0, 20), '--json'], { env: orgEnv(running.url) });

        expect(run.code).toBe(1);
        expect(syncRequests(running.org)).toHaveLength(2);
        const summary = JSON.parse(run.stdout).result.summary;
        expect(summary).toEqual({ total: 20, requested: 10, failed: 10, skipped: 0, notSent: 0 });
    }, 60_000);

    it('never retries a permission error and stops: nothing more is sent, the rest NOT_SENT', async () => {
        running.org.setPermission(false);
        const run = await runCli([...ids.slice(0, 30), '--concurrency', '2', '--json'], {
            env: orgEnv(running.url)
        });

        expect(run.code).toBe(1);
        // The two batches of the first wave are refused (once each); the third is never sent.
        expect(syncRequests(running.org)).toHaveLength(2);
        const document = JSON.parse(run.stdout);
        expect(document.result.summary.notSent).toBe(30);
        expect(document.warnings).toEqual(
            expect.arrayContaining([
                expect.objectContaining({
                    code: 'INSUFFICIENT_ACCESS',
                    message: expect.stringContaining('permission')
                })
            ])
        );
    }, 60_000);

    it('exits 3 when the session is refused, without retrying', async () => {
        front = await startFaultyFront(running.org, () => ({
            status: 401,
            body: [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }]
        }));
        const run = await runCli([...ids.slice(0, 30), '--concurrency', '1', '--json'], {
            env: orgEnv(front.url)
        });

        expect(run.code).toBe(3);
        expect(front.seen()).toBe(1);
        const document = JSON.parse(run.stdout);
        expect(document.status).toBe(3);
        expect(document.result.summary.notSent).toBe(30);
    }, 60_000);

    it('exits 3 when the org cannot be reached', async () => {
        const closed = await new Promise<number>((resolve) => {
            const server = createServer();
            server.listen(0, '127.0.0.1', () => {
                const { port } = server.address() as AddressInfo;
                server.close(() => resolve(port));
            });
        });
        const run = await runCli([...ids.slice(0, 5)], {
            env: orgEnv(`http://127.0.0.1:${closed}`)
        });

        expect(run.code).toBe(3);
        expect(run.stderr).toContain('ECONNREFUSED');
        // No request reached the org.
        expect(run.stdout).toContain(' 0 REST requests.');
    }, 60_000);

    it('marks a batch whose answers were lost NOT_SENT, and --resume sends it again', async () => {
        // Every request reaches the org (the first one is requested, the retries are answered
        // SKIPPED by its cooldown), and every answer is lost.
        front = await startFaultyFront(running.org, () => 'lose');
        const dir = tempDir();
        try {
            const out = join(dir.path, 'lost.jsonl');
            const run = await runCli([...ids.slice(0, 10), '--out', out, '--json'], {
                env: orgEnv(front.url)
            });

            expect(run.code).toBe(3);
            expect(syncRequests(running.org)).toHaveLength(4);
            const document = JSON.parse(run.stdout);
            // The 4 tries and the API usage read before them.
            expect(document.result.apiRequests).toBe(5);
            expect(document.result.summary).toEqual({
                total: 10,
                requested: 0,
                failed: 0,
                skipped: 0,
                notSent: 10
            });
            const message = document.result.results[0].message as string;
            expect(message).toContain('answer was lost');
            expect(message).toContain(`--resume ${out} sends it again`);
            expect(message).toContain("the org's cooldown answers SKIPPED");
            expect(readLines(readFileSync(out, 'utf8')).map((line) => line.status)).toEqual(
                Array(10).fill('NOT_SENT')
            );
            expect(readResumeState(out, out).pending).toEqual(ids.slice(0, 10));

            // The items were in flight: they go again one request timeout after they were sent.
            const resumed = await runCli(['--resume', out, '--json'], {
                env: orgEnv(running.url, { ZUORA_SYNC_REQUEST_TIMEOUT_MS: '300' })
            });

            expect(resumed.stderr).toMatch(/Waiting 1 s before sending again/);
            expect(syncRequests(running.org)).toHaveLength(5);
            expect(JSON.parse(resumed.stdout).result.summary).toEqual({
                total: 10,
                requested: 0,
                failed: 0,
                skipped: 10,
                notSent: 0
            });
            expect(readResumeState(out, out).pending).toEqual([]);
        } finally {
            dir.remove();
        }
    }, 60_000);

    it('stops on request: in-flight batches finish, the rest are NOT_SENT, exit 1', async () => {
        running.org.injectFaults({ latencyMs: 40 });
        const stop = new StopSwitch();
        const pending = runCli([...ids.slice(0, 30), '--concurrency', '1', '--json'], {
            env: orgEnv(running.url),
            stop
        });
        await new Promise((resolve) => setTimeout(resolve, 60));
        stop.stop({ reason: 'interrupted', code: 'INTERRUPTED', message: 'Interrupted.' });
        const run = await pending;

        expect(run.code).toBe(1);
        const summary = JSON.parse(run.stdout).result.summary;
        expect(summary.requested).toBe(syncRequests(running.org).length * 10);
        expect(summary.notSent).toBeGreaterThan(0);
        expect(summary.requested + summary.notSent).toBe(30);
    }, 60_000);

    it('draws a progress bar on a terminal, and none with --json', async () => {
        const tty = await runCli([...ids.slice(0, 12)], {
            env: orgEnv(running.url),
            stderrIsTTY: true
        });
        const json = await runCli([...ids.slice(12, 24), '--json'], {
            env: orgEnv(running.url),
            stderrIsTTY: true
        });

        expect(tty.stderr).toMatch(/\r\x1b\[2K\[#+-*\] \d+\/12/);
        expect(json.stderr).toBe('');
    }, 60_000);
});

describe('retry policy', () => {
    it('backs off exponentially with full jitter, capped', () => {
        const policy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 350 };
        expect([1, 2, 3, 4].map((retry) => backoffDelay(policy, retry, () => 1))).toEqual([
            100, 200, 350, 350
        ]);
        expect(backoffDelay(policy, 3, () => 0.5)).toBe(175);
        expect(backoffDelay(policy, 1, () => 0)).toBe(0);
    });

    it('reads its tuning from the environment, falling back to the defaults', () => {
        expect(retryPolicyFrom({})).toEqual(DEFAULT_RETRY_POLICY);
        expect(
            retryPolicyFrom({ ZUORA_SYNC_MAX_ATTEMPTS: '2', ZUORA_SYNC_RETRY_BASE_MS: 'x' })
        ).toEqual({
            ...DEFAULT_RETRY_POLICY,
            attempts: 2
        });
    });

    it('retries only what the bridge calls retryable', async () => {
        const waits: number[] = [];
        const sleep = async (ms: number): Promise<void> => {
            waits.push(ms);
        };
        const policy = { attempts: 3, baseDelayMs: 10, maxDelayMs: 100 };
        let tries = 0;
        await expect(
            withRetry(
                async () => {
                    tries++;
                    throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
                },
                { policy, sleep, random: () => 1 }
            )
        ).rejects.toMatchObject({ attempts: 3, description: { code: 'NETWORK' } });
        expect(tries).toBe(3);
        expect(waits).toEqual([10, 20]);

        tries = 0;
        const refused = {
            name: 'INSUFFICIENT_ACCESS',
            errorCode: 'INSUFFICIENT_ACCESS',
            message: 'No permission'
        };
        expect(describeError(refused).retryable).toBe(false);
        await expect(
            withRetry(
                async () => {
                    tries++;
                    throw refused;
                },
                { policy, sleep }
            )
        ).rejects.toMatchObject({ attempts: 1 });
        expect(tries).toBe(1);
    }, 60_000);
});
