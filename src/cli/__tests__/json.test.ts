/**
 * --json prints the contract's one document whatever way the run ends:
 *   { "status": <exit code>, "result": { "summary": { total, requested, failed, skipped, notSent },
 *     "results": [ { "id", "status", "message", ... } ], "apiRequests": n },
 *     "warnings": [ { "code", "message" } ] }
 * on success (0), incomplete runs (1), usage and input errors (2: no result, each problem a
 * warning with where it came from) and session or connection failures (3: the items NOT_SENT).
 */
import { writeFileSync } from 'fs';
import { createServer } from 'net';
import type { AddressInfo } from 'net';
import { join } from 'path';
import { SAMPLE_ACCOUNT_IDS, SAMPLE_FAILING_ID } from '../../org-emulator';
import {
    FAST_ENV,
    orgEnv,
    orgPerTest,
    runCli,
    startFaultyFront,
    TOKEN,
    type CliRun
} from './harness';

const STATUSES = ['REQUESTED', 'FAILED', 'SKIPPED', 'NOT_SENT'];

interface Document {
    status: number;
    result: {
        summary: { [key: string]: number };
        results: { id: string; status: string; message: string }[];
        apiRequests: number;
    };
    warnings: { code: string; message: string }[];
}

/** Parses stdout as the one document and checks its shape against the run's exit code. */
function documentOf(run: CliRun): Document {
    const document = JSON.parse(run.stdout) as Document;
    expect(Object.keys(document).sort()).toEqual(['result', 'status', 'warnings']);
    expect(document.status).toBe(run.code);
    expect(Object.keys(document.result).sort()).toEqual(['apiRequests', 'results', 'summary']);
    expect(Number.isInteger(document.result.apiRequests)).toBe(true);
    const { results, summary } = document.result;
    const count = (status: string): number =>
        results.filter((result) => result.status === status).length;
    expect(summary).toEqual({
        total: results.length,
        requested: count('REQUESTED'),
        failed: count('FAILED'),
        skipped: count('SKIPPED'),
        notSent: count('NOT_SENT')
    });
    for (const result of results) {
        expect(result).toEqual(
            expect.objectContaining({
                id: expect.any(String),
                status: expect.any(String),
                message: expect.any(String)
            })
        );
        expect(STATUSES).toContain(result.status);
    }
    for (const warning of document.warnings) {
        expect(Object.keys(warning).sort()).toEqual(['code', 'message']);
        expect(typeof warning.code).toBe('string');
        expect(typeof warning.message).toBe('string');
    }
    expect(run.stdout).not.toContain(TOKEN);
    return document;
}

const EMPTY_RESULT = {
    summary: { total: 0, requested: 0, failed: 0, skipped: 0, notSent: 0 },
    results: [],
    apiRequests: 0
};

/** A local port with nothing listening on it. */
async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
}

describe('--json on every exit', () => {
    const fixture = orgPerTest(12);

    it('exit 0: every item REQUESTED, and a clean dry run', async () => {
        const sent = await runCli([fixture.ids[0] as string, fixture.ids[1] as string, '--json'], {
            env: orgEnv(fixture.url)
        });
        expect(sent.code).toBe(0);
        const document = documentOf(sent);
        expect(document.result.results.map((result) => result.status)).toEqual([
            'REQUESTED',
            'REQUESTED'
        ]);
        // The API usage read before the first batch, and the batch.
        expect(document.result.apiRequests).toBe(2);

        const dry = await runCli([fixture.ids[2] as string, '--dry-run', '--json'], { env: {} });
        expect(dry.code).toBe(0);
        expect(JSON.parse(dry.stdout)).toEqual(
            expect.objectContaining({ status: 0, warnings: [] })
        );
    }, 60_000);

    it('exit 0: --help and --version keep stdout for the document', async () => {
        for (const flag of ['--help', '--version']) {
            const run = await runCli([flag, '--json'], { env: {} });

            expect(run.code).toBe(0);
            expect(documentOf(run)).toEqual({ status: 0, result: EMPTY_RESULT, warnings: [] });
            expect(run.stderr).not.toBe('');
        }
    }, 60_000);

    it('exit 1: an item FAILED, SKIPPED or NOT_SENT', async () => {
        const run = await runCli([fixture.ids[0] as string, SAMPLE_FAILING_ID, '--json'], {
            env: orgEnv(fixture.url)
        });

        expect(run.code).toBe(1);
        expect(documentOf(run).result.summary).toEqual(
            expect.objectContaining({ total: 2, requested: 1, failed: 1 })
        );
    }, 60_000);

    it('exit 1: an unexpected error lists the items NOT_SENT', async () => {
        const run = await runCli(['-o', 'ci-org', fixture.ids[0] as string, '--json'], {
            env: { ...FAST_ENV },
            lookupOrg: () => Promise.reject(new Error('something broke'))
        });

        expect(run.code).toBe(1);
        const document = documentOf(run);
        expect(document.result.results).toEqual([
            expect.objectContaining({ id: fixture.ids[0], status: 'NOT_SENT' })
        ]);
        expect(document.warnings).toEqual([
            { code: 'UNEXPECTED_ERROR', message: 'Unexpected error: something broke' }
        ]);
    }, 60_000);

    it('exit 2: each bad input is a warning with where it came from; no result', async () => {
        const file = join(fixture.dir.path, 'ids.csv');
        writeFileSync(file, `Id\n${fixture.ids[0]}\n${fixture.ids[1]}\nnot-an-id\n`);
        const run = await runCli(['--file', file, 'x', '--json'], { env: orgEnv(fixture.url) });

        expect(run.code).toBe(2);
        expect(documentOf(run)).toEqual({
            status: 2,
            result: EMPTY_RESULT,
            warnings: [
                { code: 'INVALID_INPUT', message: '2 values are not valid. Nothing was sent.' },
                { code: 'INVALID_ID', message: expect.stringMatching(/^argument 1: "x" /) },
                {
                    code: 'INVALID_ID',
                    message: expect.stringMatching(/^ids\.csv line 4: "not-an-id" /)
                }
            ]
        });
        expect(fixture.running.org.receivedRequests()).toHaveLength(0);
    }, 60_000);

    it.each([
        ['a value out of range', ['--concurrency', '11'], 'USAGE', '1 to 10'],
        ['an unknown option', ['--bogus'], 'USAGE', 'unknown option'],
        ['no ids', [], 'USAGE', 'Nothing to sync'],
        ['a missing file', ['--file', 'missing-ids.txt'], 'INVALID_INPUT', 'no such file'],
        [
            'a missing --resume file',
            ['--resume', 'missing.jsonl'],
            'INVALID_INPUT',
            'does not exist'
        ],
        ['a session half given', ['--instance-url', 'http://127.0.0.1:1'], 'USAGE', 'needs']
    ])(
        'exit 2: %s',
        async (_what, args, code, text) => {
            const withId =
                args.includes('--resume') || args.length === 0 ? [] : [fixture.ids[0] as string];
            const run = await runCli([...withId, ...args, '--json'], {
                env: args.includes('--instance-url') ? { ...FAST_ENV } : orgEnv(fixture.url),
                cwd: fixture.dir.path
            });

            expect(run.code).toBe(2);
            expect(documentOf(run)).toEqual({
                status: 2,
                result: EMPTY_RESULT,
                warnings: [{ code, message: expect.stringContaining(text) }]
            });
            expect(fixture.running.org.receivedRequests()).toHaveLength(0);
        },
        60_000
    );

    it('exit 3: an org that cannot be reached leaves every item NOT_SENT', async () => {
        const port = await closedPort();
        const run = await runCli([fixture.ids[0] as string, fixture.ids[1] as string, '--json'], {
            env: orgEnv(`http://127.0.0.1:${port}`)
        });

        expect(run.code).toBe(3);
        const document = documentOf(run);
        expect(document.result.summary).toEqual({
            total: 2,
            requested: 0,
            failed: 0,
            skipped: 0,
            notSent: 2
        });
        expect(document.warnings).toEqual(
            expect.arrayContaining([expect.objectContaining({ code: 'CONNECTION' })])
        );
    }, 60_000);

    it('exit 3: a refused session leaves every item NOT_SENT', async () => {
        const front = await startFaultyFront(fixture.running.org, () => ({
            status: 401,
            body: [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }]
        }));
        try {
            const run = await runCli([fixture.ids[0] as string, '--json'], {
                env: orgEnv(front.url)
            });

            expect(run.code).toBe(3);
            const document = documentOf(run);
            expect(document.result.results).toEqual([
                expect.objectContaining({ id: fixture.ids[0], status: 'NOT_SENT' })
            ]);
            expect(document.warnings).toEqual(
                expect.arrayContaining([expect.objectContaining({ code: 'AUTHENTICATION' })])
            );
        } finally {
            await front.close();
        }
    }, 60_000);

    it('exit 3: no session before the items are known (--account) lists no result', async () => {
        const port = await closedPort();
        const run = await runCli(['--account', SAMPLE_ACCOUNT_IDS.threeBillingAccounts, '--json'], {
            env: orgEnv(`http://127.0.0.1:${port}`)
        });

        expect(run.code).toBe(3);
        const document = documentOf(run);
        expect(document.result.results).toEqual([]);
        expect(document.warnings).toEqual([
            { code: 'CONNECTION', message: expect.stringContaining('could not be reached') }
        ]);
    }, 60_000);
});
