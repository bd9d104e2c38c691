/**
 * Input: ids from arguments, --file (one per line, or CSV with an Id column) and --account; every
 * value is validated before anything is sent, and bad values are reported with their line.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { SAMPLE_ACCOUNT_IDS, type RunningOrg } from '../../org-emulator';
import { parseCsv } from '../csv';
import { readIdFile } from '../input';
import { orgEnv, orgPerTest, runCli, startOrg, syncRequests } from './harness';

describe('reading ids', () => {
    const fixture = orgPerTest(15);

    const file = (name: string, text: string): string => {
        const path = join(fixture.dir.path, name);
        writeFileSync(path, text);
        return path;
    };

    it('reads one id per line, ignoring blank lines and # comments', async () => {
        const path = file(
            'ids.txt',
            `# incident 4711\n${fixture.ids[0]}\n\n  ${fixture.ids[1]}  \r\n${fixture.ids[2]?.slice(0, 15)}\n`
        );
        const run = await runCli(['--file', path, '--json'], { env: orgEnv(fixture.url) });

        expect(run.code).toBe(0);
        expect(syncRequests(fixture.running.org)).toEqual([
            expect.objectContaining({ ids: fixture.ids.slice(0, 3) })
        ]);
    }, 60_000);

    it('reads the Id column of a CSV file (quotes, BOM, CRLF, other columns)', async () => {
        const path = file(
            'export.csv',
            `\uFEFFName,"ID",Balance\r\n"Acme, EU",${fixture.ids[0]},12.5\r\n"Say ""hi""",${fixture.ids[1]},0\r\n\r\nLast,"${fixture.ids[2]}",1\r\n`
        );
        const run = await runCli(['--file', path], { env: orgEnv(fixture.url) });

        expect(run.code).toBe(0);
        expect(syncRequests(fixture.running.org)).toEqual([
            expect.objectContaining({ ids: fixture.ids.slice(0, 3) })
        ]);
    }, 60_000);

    it('reads a single-column export whose header is Id', () => {
        const path = file('single.csv', `Id\n${fixture.ids[0]}\n${fixture.ids[1]}\n`);
        expect(readIdFile(path, { cwd: fixture.dir.path, zuoraIds: false })).toEqual([
            { value: fixture.ids[0], where: 'single.csv line 2' },
            { value: fixture.ids[1], where: 'single.csv line 3' }
        ]);
    });

    it('reports every bad line with its line number and sends nothing', async () => {
        const wrongChecksum = `${fixture.ids[1]?.slice(0, 15)}AAA`;
        const path = file(
            'bad.txt',
            `${fixture.ids[0]}\nnot-an-id\n${wrongChecksum}\n${fixture.ids[2]}\n`
        );
        const run = await runCli(['--file', path, fixture.ids[3] as string, 'x'], {
            env: orgEnv(fixture.url)
        });

        expect(run.code).toBe(2);
        expect(run.stderr).toContain('3 values are not valid. Nothing was sent.');
        expect(run.stderr).toContain('bad.txt line 2: "not-an-id" is not a Salesforce id');
        expect(run.stderr).toContain(
            `bad.txt line 3: "${wrongChecksum}" is not a valid Salesforce id`
        );
        expect(run.stderr).toContain('argument 2: "x" is not a Salesforce id');
        expect(fixture.running.org.receivedRequests()).toHaveLength(0);
    }, 60_000);

    it('reports bad CSV rows with the line they start on, in --json too', async () => {
        const path = file(
            'bad.csv',
            `Id,Note\n${fixture.ids[0]},"two\nlines"\n,empty id\n${fixture.ids[1]}x,typo\n`
        );
        const run = await runCli(['--file', path, '--json'], { env: orgEnv(fixture.url) });

        expect(run.code).toBe(2);
        const document = JSON.parse(run.stdout);
        expect(document).toEqual({
            status: 2,
            result: {
                summary: { total: 0, requested: 0, failed: 0, skipped: 0, notSent: 0 },
                results: [],
                apiRequests: 0
            },
            warnings: [
                { code: 'INVALID_INPUT', message: '2 values are not valid. Nothing was sent.' },
                {
                    code: 'INVALID_ID',
                    message: expect.stringMatching(/^bad\.csv line 4: /)
                },
                {
                    code: 'INVALID_ID',
                    message: expect.stringMatching(
                        new RegExp(`^bad\\.csv line 5: "${fixture.ids[1]}x"`)
                    )
                }
            ]
        });
        expect(fixture.running.org.receivedRequests()).toHaveLength(0);
    }, 60_000);

    it('refuses a CSV without an Id column, ids of two objects, and a missing file', async () => {
        const noId = await runCli(['--file', file('no-id.csv', 'Name,Balance\nAcme,1\n')], {
            env: orgEnv(fixture.url)
        });
        const mixed = await runCli([fixture.ids[0] as string, '0015g00000NwTrD'], {
            env: orgEnv(fixture.url)
        });
        const missing = await runCli(['--file', join(fixture.dir.path, 'nope.txt')], {
            env: orgEnv(fixture.url)
        });
        const empty = await runCli(['--file', file('empty.txt', '\n# nothing\n')], {
            env: orgEnv(fixture.url)
        });

        expect(noId.code).toBe(2);
        expect(noId.stderr).toContain('has no Id column');
        expect(mixed.code).toBe(2);
        expect(mixed.stderr).toContain('argument 2');
        expect(missing.code).toBe(2);
        expect(missing.stderr).toContain('no such file');
        expect(empty.code).toBe(2);
        expect(empty.stderr).toContain('holds no ids');
        expect(fixture.running.org.receivedRequests()).toHaveLength(0);
    }, 60_000);

    it('refuses usage errors with exit 2 before doing anything', async () => {
        const runs = await Promise.all([
            runCli([fixture.ids[0] as string, '--concurrency', '11'], { env: orgEnv(fixture.url) }),
            runCli([fixture.ids[0] as string, '--api-budget', '0'], { env: orgEnv(fixture.url) }),
            runCli([fixture.ids[0] as string, '--type', 'invoice'], { env: orgEnv(fixture.url) }),
            runCli([fixture.ids[0] as string, '--bogus'], { env: orgEnv(fixture.url) }),
            runCli([], { env: orgEnv(fixture.url) }),
            runCli([fixture.ids[0] as string, '--instance-url', fixture.url], { env: {} }),
            runCli(['--account', SAMPLE_ACCOUNT_IDS.threeBillingAccounts, '--type', 'product'], {
                env: orgEnv(fixture.url)
            }),
            // Nothing to resume (with the run's inputs, a run that never started starts afresh).
            runCli(['--resume', 'x.jsonl'], { env: orgEnv(fixture.url), cwd: fixture.dir.path }),
            runCli(['--resume', 'x.jsonl', '--concurrency', '0'], {
                env: orgEnv(fixture.url),
                cwd: fixture.dir.path
            }),
            runCli(['-o', 'ci', '--instance-url', fixture.url, fixture.ids[0] as string], {
                env: orgEnv(fixture.url)
            })
        ]);
        expect(runs.map((run) => run.code)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
        expect(runs[0]?.stderr).toContain('1 to 10');
        expect(runs[5]?.stderr).toContain('needs --access-token');
        expect(fixture.running.org.receivedRequests()).toHaveLength(0);
    }, 60_000);
});

describe('--account', () => {
    let running: RunningOrg;
    let url: string;

    beforeEach(async () => {
        ({ running, url } = await startOrg(0));
    }, 60_000);

    afterEach(async () => {
        await running.close();
    }, 60_000);

    it('syncs every billing account of the Account, in batches of 10', async () => {
        const run = await runCli(
            ['--account', SAMPLE_ACCOUNT_IDS.twelveBillingAccounts, '--json'],
            {
                env: orgEnv(url)
            }
        );

        expect(run.code).toBe(0);
        const requests = running.org.receivedRequests();
        expect(requests[0]).toEqual(
            expect.objectContaining({
                method: 'GET',
                path: `/services/apexrest/zuora/ondemandsync/v1/accounts/${SAMPLE_ACCOUNT_IDS.twelveBillingAccounts}/billing-accounts`
            })
        );
        expect(syncRequests(running.org).map((request) => request.ids.length)).toEqual([10, 2]);
        const document = JSON.parse(run.stdout);
        expect(document.result.summary).toEqual({
            total: 12,
            requested: 12,
            failed: 0,
            skipped: 0,
            notSent: 0
        });
        expect(document.result.apiRequests).toBe(3);
    }, 60_000);

    it('merges several Accounts and explicit ids, and lets the org judge each billing account', async () => {
        const run = await runCli(
            [
                '--account',
                SAMPLE_ACCOUNT_IDS.threeBillingAccounts,
                '--account',
                SAMPLE_ACCOUNT_IDS.missingZuoraId,
                '--account',
                SAMPLE_ACCOUNT_IDS.noBillingAccounts,
                '--json'
            ],
            { env: orgEnv(url) }
        );

        expect(run.code).toBe(1);
        const document = JSON.parse(run.stdout);
        expect(document.result.summary).toEqual({
            total: 5,
            requested: 4,
            failed: 0,
            skipped: 1,
            notSent: 0
        });
        expect(document.warnings).toEqual(
            expect.arrayContaining([expect.objectContaining({ code: 'NO_BILLING_ACCOUNTS' })])
        );
        expect(syncRequests(running.org)).toHaveLength(1);
    }, 60_000);

    it('shows the batches of an Account on --dry-run without sending a sync', async () => {
        const run = await runCli(
            ['--account', SAMPLE_ACCOUNT_IDS.twelveBillingAccounts, '--dry-run'],
            {
                env: orgEnv(url)
            }
        );

        expect(run.code).toBe(0);
        expect(run.stdout).toContain('Batch 2 (2)');
        expect(syncRequests(running.org)).toHaveLength(0);
    }, 60_000);

    it('refuses an id that is not an Account id before asking the org', async () => {
        const run = await runCli(['--account', 'a0X5g00000AcEu1'], { env: orgEnv(url) });

        expect(run.code).toBe(2);
        expect(run.stderr).toContain('--account a0X5g00000AcEu1');
        expect(running.org.receivedRequests()).toHaveLength(0);
    }, 60_000);
});

describe('parseCsv', () => {
    it('keeps quoted delimiters, doubled quotes and line breaks, with the starting line', () => {
        expect(parseCsv('a,b\n"x, y","say ""hi"""\n\n"multi\nline",z\n')).toEqual([
            { line: 1, fields: ['a', 'b'] },
            { line: 2, fields: ['x, y', 'say "hi"'] },
            { line: 4, fields: ['multi\nline', 'z'] }
        ]);
    });

    it('reads semicolon-separated files', () => {
        expect(parseCsv('Id;Name\r\nx;y', ';')).toEqual([
            { line: 1, fields: ['Id', 'Name'] },
            { line: 2, fields: ['x', 'y'] }
        ]);
    });
});
