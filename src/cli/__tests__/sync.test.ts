/**
 * zuora-sync against an emulated org over real HTTP: the happy path, de-duplication, batching,
 * the --json document, exit codes, --dry-run, and the token never leaving the process.
 */
import { readFileSync, statSync } from 'fs';
import { join } from 'path';
import { SAMPLE_COOLING_DOWN_ID, SAMPLE_FAILING_ID, type RunningOrg } from '../../org-emulator';
import {
    readLines,
    runCli,
    sendCounts,
    syncBodies,
    orgEnv,
    startOrg,
    syncRequests,
    tempDir,
    TOKEN
} from './harness';

describe('zuora-sync sends', () => {
    let running: RunningOrg;
    let url: string;
    let ids: string[];

    beforeEach(async () => {
        ({ running, url, ids } = await startOrg(30));
    }, 60_000);

    afterEach(async () => {
        await running.close();
    }, 60_000);

    it('syncs the given ids in one request with source CLI and exits 0', async () => {
        const run = await runCli(ids.slice(0, 3), { env: orgEnv(url) });

        expect(run.code).toBe(0);
        expect(syncRequests(running.org)).toEqual([
            { ids: ids.slice(0, 3), status: 200, source: 'CLI' }
        ]);
        expect(run.stdout).toMatch(/STATUS/);
        expect(run.stdout).toContain(
            '3 items: 3 requested, 0 failed, 0 skipped, 0 not sent. 2 REST requests.'
        );
        for (const id of ids.slice(0, 3)) {
            expect(run.stdout).toContain(id);
        }
    }, 60_000);

    it('treats a 15- and an 18-character id of one record as one item', async () => {
        const id18 = ids[0] as string;
        const id15 = id18.slice(0, 15);
        const run = await runCli([id15, id18, `${id15},${ids[1]}`, ids[1] as string, '--json'], {
            env: orgEnv(url)
        });

        expect(run.code).toBe(0);
        const document = JSON.parse(run.stdout);
        expect(document.result.results.map((result: { id: string }) => result.id)).toEqual([
            id18,
            ids[1]
        ]);
        expect(syncRequests(running.org)).toHaveLength(1);
        expect(syncRequests(running.org)[0]?.ids).toEqual([id18, ids[1]]);
        expect(document.warnings).toEqual([
            expect.objectContaining({
                code: 'DUPLICATE_IDS',
                message: expect.stringContaining('3 duplicate ids sent once:')
            })
        ]);

        // A dry run sends nothing: its warning says what a run would do.
        const dryRun = await runCli([id15, id18, '--dry-run', '--json'], { env: orgEnv(url) });
        expect(JSON.parse(dryRun.stdout).warnings).toEqual([
            expect.objectContaining({
                code: 'DUPLICATE_IDS',
                message: expect.stringContaining('1 duplicate id would be sent once:')
            })
        ]);
        expect(syncRequests(running.org)).toHaveLength(1);
    }, 60_000);

    it('splits more than 10 ids into batches of at most 10, one request each', async () => {
        const run = await runCli([...ids.slice(0, 25), '--concurrency', '3', '--json'], {
            env: orgEnv(url)
        });

        expect(run.code).toBe(0);
        const requests = syncRequests(running.org);
        expect(requests.map((request) => request.ids.length).sort()).toEqual([10, 10, 5]);
        expect(requests.flatMap((request) => request.ids).sort()).toEqual(ids.slice(0, 25).sort());
        const document = JSON.parse(run.stdout);
        // The API usage read before the first batch, and one request per batch.
        expect(document.result.apiRequests).toBe(4);
        expect(document.result.results.map((result: { id: string }) => result.id)).toEqual(
            ids.slice(0, 25)
        );
    }, 60_000);

    it('prints the contract --json document', async () => {
        const run = await runCli(
            [ids[0] as string, SAMPLE_COOLING_DOWN_ID, SAMPLE_FAILING_ID, '--json'],
            {
                env: orgEnv(url)
            }
        );

        expect(run.code).toBe(1);
        const document = JSON.parse(run.stdout);
        expect(Object.keys(document).sort()).toEqual(['result', 'status', 'warnings']);
        expect(document.status).toBe(1);
        expect(Object.keys(document.result).sort()).toEqual(['apiRequests', 'results', 'summary']);
        expect(document.result.summary).toEqual({
            total: 3,
            requested: 1,
            failed: 1,
            skipped: 1,
            notSent: 0
        });
        expect(document.result.apiRequests).toBe(2);
        expect(document.result.results).toEqual([
            expect.objectContaining({
                id: ids[0],
                status: 'REQUESTED',
                message: expect.any(String),
                jobId: expect.any(String)
            }),
            expect.objectContaining({
                id: SAMPLE_COOLING_DOWN_ID,
                status: 'SKIPPED',
                message: expect.any(String),
                cooldownUntil: expect.any(String)
            }),
            expect.objectContaining({
                id: SAMPLE_FAILING_ID,
                status: 'FAILED',
                message: expect.stringContaining('CRM Account ID')
            })
        ]);
        expect(Array.isArray(document.warnings)).toBe(true);
    }, 60_000);

    it('shows the batches on --dry-run and sends nothing', async () => {
        const human = await runCli([...ids.slice(0, 12), '--dry-run'], { env: orgEnv(url) });
        const json = await runCli([...ids.slice(0, 12), '--dry-run', '--json'], { env: {} });

        expect(human.code).toBe(0);
        expect(human.stdout).toContain(`Batch 1 (10): ${ids.slice(0, 10).join(' ')}`);
        expect(human.stdout).toContain(`Batch 2 (2): ${ids.slice(10, 12).join(' ')}`);
        expect(human.stdout).toContain('nothing was sent');
        expect(json.code).toBe(0);
        const document = JSON.parse(json.stdout);
        expect(document.result.batches).toEqual([ids.slice(0, 10), ids.slice(10, 12)]);
        expect(document.result.apiRequests).toBe(0);
        expect(running.org.receivedRequests()).toHaveLength(0);
    }, 60_000);

    it('appends one flushed line per item to --out with the contract fields', async () => {
        const dir = tempDir();
        try {
            const out = join(dir.path, 'run.jsonl');
            const run = await runCli([...ids.slice(0, 12), '--out', out], { env: orgEnv(url) });

            expect(run.code).toBe(0);
            const lines = readLines(readFileSync(out, 'utf8'));
            const items = lines.filter((line) => typeof line.id === 'string');
            expect(items).toHaveLength(12);
            for (const item of items) {
                // Exactly the contract's keys (no jobId, zuoraId, name or cooldownUntil).
                expect(item).toEqual({
                    id: expect.any(String),
                    status: 'REQUESTED',
                    message: expect.any(String),
                    requestId: expect.any(String),
                    at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/)
                });
            }
            // Item lines only: the run's bookkeeping is in the run file next to it.
            expect(lines).toEqual(items);
            expect(items.map((item) => item.id).sort()).toEqual(ids.slice(0, 12).sort());
            expect(JSON.parse(readFileSync(`${out}.run.json`, 'utf8'))).toEqual({
                version: 3,
                at: expect.any(String),
                objectType: 'BILLING_ACCOUNT',
                idKind: 'salesforce',
                items: ids.slice(0, 12),
                outOffset: 0,
                inFlightOffset: 0,
                accounts: []
            });

            // A later run appends to the file; its run file says where its lines start.
            const size = statSync(out).size;
            expect(
                (await runCli([ids[12] as string, '--out', out], { env: orgEnv(url) })).code
            ).toBe(0);
            expect(JSON.parse(readFileSync(`${out}.run.json`, 'utf8'))).toEqual(
                expect.objectContaining({ items: [ids[12]], outOffset: size })
            );
            expect(readLines(readFileSync(out, 'utf8'))).toHaveLength(13);
        } finally {
            dir.remove();
        }
    }, 60_000);

    it('never prints, logs or writes the access token', async () => {
        const dir = tempDir();
        try {
            const out = join(dir.path, 'run.jsonl');
            const runs = [
                await runCli(
                    [
                        '--instance-url',
                        url,
                        '--access-token',
                        TOKEN,
                        ids[0] as string,
                        '--out',
                        out
                    ],
                    {
                        env: {}
                    }
                ),
                await runCli(
                    [`--access-token=${TOKEN}`, '--instance-url', url, ids[1] as string, '--json'],
                    {
                        env: {}
                    }
                ),
                // A token pasted where an id belongs is reported without being shown.
                await runCli([ids[2] as string, TOKEN], { env: orgEnv(url) }),
                await runCli([ids[2] as string, TOKEN, '--json'], { env: orgEnv(url) }),
                await runCli(
                    [
                        '--instance-url',
                        'ftp://example.com',
                        '--access-token',
                        TOKEN,
                        ids[3] as string
                    ],
                    {
                        env: {}
                    }
                )
            ];
            expect(runs.map((run) => run.code)).toEqual([0, 0, 2, 2, 2]);
            expect(runs[2]?.stderr).toContain('argument 2');
            for (const run of runs) {
                expect(run.stdout).not.toContain(TOKEN);
                expect(run.stderr).not.toContain(TOKEN);
            }
            expect(readFileSync(out, 'utf8')).not.toContain(TOKEN);
            expect(JSON.stringify(running.org.receivedRequests())).not.toContain(TOKEN);
        } finally {
            dir.remove();
        }
    }, 60_000);

    it('exits 1 when an item is skipped or failed, and 0 only when every item is requested', async () => {
        expect((await runCli([ids[0] as string], { env: orgEnv(url) })).code).toBe(0);
        // Sent again within the cooldown: SKIPPED.
        const again = await runCli([ids[0] as string], { env: orgEnv(url) });
        expect(again.code).toBe(1);
        expect(again.stdout).toContain('SKIPPED');
        expect((await runCli([SAMPLE_FAILING_ID], { env: orgEnv(url) })).code).toBe(1);
        expect(sendCounts(running.org).get(ids[0] as string)).toBe(2);
    }, 60_000);

    it('syncs Zuora ids with --zuora-ids and products with --type product', async () => {
        const zuoraId = running.org.data.findRecord(ids[0] as string)?.zuoraId as string;
        const zuora = await runCli([zuoraId.toUpperCase(), zuoraId, '--zuora-ids', '--json'], {
            env: orgEnv(url)
        });

        expect(zuora.code).toBe(0);
        expect(syncBodies(running.org)).toEqual([
            expect.objectContaining({ ids: [], zuoraIds: [zuoraId.toUpperCase()], source: 'CLI' })
        ]);
        const product = await runCli(['a0Y5g00000PlTfM', '--type', 'product'], {
            env: orgEnv(url)
        });
        expect(product.code).toBe(0);
        expect(syncBodies(running.org)[1]).toEqual(
            expect.objectContaining({ objectType: 'PRODUCT', ids: ['a0Y5g00000PlTfMEAV'] })
        );
    }, 60_000);
});
