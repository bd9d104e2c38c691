/**
 * Bad input, case by case: each gets its exit code and a message that names the problem, and no
 * request of any kind reaches the server (a counting front stands before the emulated org).
 */
import { mkdirSync, writeFileSync } from 'fs';
import { hostname } from 'os';
import { join } from 'path';
import type { RunningOrg } from '../../org-emulator';
import { runCli, startFaultyFront, startOrg, tempDir, TOKEN, FAST_ENV } from './harness';

interface Case {
    readonly name: string;
    /** The arguments; `dir` is a fresh temporary directory holding the files of `files`. */
    readonly args: (dir: string, ids: readonly string[]) => string[];
    /** Files to create in the directory first: name -> content. */
    readonly files?: (ids: readonly string[]) => Record<string, string | Buffer>;
    /** The environment besides FAST_ENV; default: the front's URL with the test token. */
    readonly env?: (url: string) => NodeJS.ProcessEnv;
    readonly code: number;
    /** What the message must say. */
    readonly words: readonly RegExp[];
}

const ZUORA_ID = '2c92c0f86a1b2c3d4e5f60718293a4b5';
const ACCOUNT_ID = '001000000000001AAA';

const runOf = (ids: readonly string[], lines: string): Record<string, string> => ({
    'run.jsonl': lines,
    'run.jsonl.run.json': JSON.stringify({
        version: 3,
        at: 't',
        objectType: 'BILLING_ACCOUNT',
        idKind: 'salesforce',
        items: ids.slice(0, 3),
        outOffset: 0,
        inFlightOffset: 0,
        accounts: []
    })
});

const CASES: readonly Case[] = [
    // Options
    { name: 'nothing to sync', args: () => [], code: 2, words: [/Nothing to sync/] },
    {
        name: 'an unknown option',
        args: (_d, ids) => [ids[0] as string, '--frobnicate'],
        code: 2,
        words: [/unknown option/, /--help/]
    },
    {
        name: 'concurrency 0',
        args: (_d, ids) => [ids[0] as string, '--concurrency', '0'],
        code: 2,
        words: [/1 to 10/]
    },
    {
        name: 'concurrency 11',
        args: (_d, ids) => [ids[0] as string, '--concurrency', '11'],
        code: 2,
        words: [/1 to 10/]
    },
    {
        name: 'concurrency not a number',
        args: (_d, ids) => [ids[0] as string, '--concurrency', 'four'],
        code: 2,
        words: [/whole number/]
    },
    {
        name: 'concurrency 2.5',
        args: (_d, ids) => [ids[0] as string, '--concurrency=2.5'],
        code: 2,
        words: [/whole number/]
    },
    {
        name: 'concurrency without its value',
        args: (_d, ids) => [ids[0] as string, '--concurrency'],
        code: 2,
        words: [/argument missing/]
    },
    {
        name: 'api budget 0',
        args: (_d, ids) => [ids[0] as string, '--api-budget', '0'],
        code: 2,
        words: [/percentage/]
    },
    {
        name: 'api budget 101',
        args: (_d, ids) => [ids[0] as string, '--api-budget', '101%'],
        code: 2,
        words: [/percentage/]
    },
    {
        name: 'api budget blank',
        args: (_d, ids) => [ids[0] as string, '--api-budget='],
        code: 2,
        words: [/--api-budget needs a value/]
    },
    {
        name: 'an unknown type',
        args: (_d, ids) => [ids[0] as string, '--type', 'invoice'],
        code: 2,
        words: [/billing-account or product/]
    },
    {
        name: 'a blank type',
        args: (_d, ids) => [ids[0] as string, '--type', ''],
        code: 2,
        words: [/--type needs a value/]
    },
    {
        name: '--account with --type product',
        args: () => ['--account', ACCOUNT_ID, '--type', 'product'],
        code: 2,
        words: [/--type product/]
    },
    {
        name: '--account with --zuora-ids',
        args: () => ['--account', ACCOUNT_ID, '--zuora-ids'],
        code: 2,
        words: [/--zuora-ids/]
    },
    {
        name: '--target-org with --instance-url',
        args: (_d, ids) => [
            ids[0] as string,
            '-o',
            'prod',
            '--instance-url',
            'https://x.my.salesforce.com'
        ],
        code: 2,
        words: [/either --target-org/]
    },
    {
        name: 'an empty --access-token=',
        args: (_d, ids) => [ids[0] as string, '--access-token='],
        code: 2,
        words: [/--access-token needs a value/, /empty/]
    },
    {
        name: 'an empty --access-token ""',
        args: (_d, ids) => [ids[0] as string, '--access-token', ''],
        code: 2,
        words: [/--access-token needs a value/]
    },
    {
        name: 'a blank --access-token',
        args: (_d, ids) => [ids[0] as string, '--access-token', '   '],
        code: 2,
        words: [/--access-token needs a value/]
    },
    {
        name: 'a token with a line break',
        args: (_d, ids) => [ids[0] as string, '--access-token', `${TOKEN}\nX-Evil: 1`],
        code: 2,
        words: [/not a token/]
    },
    {
        name: '--access-token followed by --json',
        args: (_d, ids) => [ids[0] as string, '--access-token', '--json'],
        code: 2,
        words: [/--access-token needs a value, not the option --json/]
    },
    {
        name: '--instance-url followed by --access-token',
        args: (_d, ids) => [ids[0] as string, '--instance-url', '--access-token', TOKEN],
        code: 2,
        words: [/--instance-url needs a value, not the option --access-token/]
    },
    {
        name: '--out followed by --json',
        args: (_d, ids) => [ids[0] as string, '--out', '--json'],
        code: 2,
        words: [/--out needs a value, not the option --json/]
    },
    {
        name: '--file followed by --dry-run',
        args: () => ['--file', '--dry-run'],
        code: 2,
        words: [/--file needs a value, not the option --dry-run/]
    },
    {
        name: '--resume followed by --json',
        args: () => ['--resume', '--json'],
        code: 2,
        words: [/--resume needs a value, not the option --json/]
    },
    {
        name: '-o followed by --json',
        args: (_d, ids) => [ids[0] as string, '-o', '--json'],
        code: 2,
        words: [/-o needs a value, not the option --json/]
    },
    {
        name: '--account followed by -o',
        args: () => ['--account', '-o', 'prod'],
        code: 2,
        words: [/--account needs a value, not the option -o/]
    },
    {
        name: 'an empty --out=',
        args: (_d, ids) => [ids[0] as string, '--out='],
        code: 2,
        words: [/--out needs a value/]
    },
    {
        name: 'an instance URL that is not a URL',
        args: (_d, ids) => [
            ids[0] as string,
            '--instance-url',
            'not a url',
            '--access-token',
            TOKEN
        ],
        env: () => ({}),
        code: 2,
        words: [/not a URL/]
    },
    {
        name: 'a token in clear text to another machine',
        args: (_d, ids) => [
            ids[0] as string,
            '--instance-url',
            'http://example.com',
            '--access-token',
            TOKEN
        ],
        env: () => ({}),
        code: 2,
        words: [/https:\/\//]
    },
    {
        name: 'a Lightning Experience address',
        args: (_d, ids) => [
            ids[0] as string,
            '--instance-url',
            'https://acme.lightning.force.com',
            '--access-token',
            TOKEN
        ],
        env: () => ({}),
        code: 2,
        words: [/Lightning Experience/, /My Domain/]
    },
    {
        name: '--access-token without an instance URL',
        args: (_d, ids) => [ids[0] as string, '--access-token', TOKEN],
        env: () => ({}),
        code: 2,
        words: [/needs --instance-url/]
    },
    {
        name: '--instance-url without a token',
        args: (_d, ids) => [ids[0] as string, '--instance-url', 'https://x.my.salesforce.com'],
        env: () => ({}),
        code: 2,
        words: [/needs --access-token/]
    },
    {
        name: 'an empty SF_ACCESS_TOKEN',
        args: (_d, ids) => [ids[0] as string],
        env: (url) => ({ SF_INSTANCE_URL: url, SF_ACCESS_TOKEN: ' ' }),
        code: 2,
        words: [/SF_ACCESS_TOKEN is set but empty/]
    },
    // Ids
    {
        name: 'a malformed id',
        args: () => ['not-an-id'],
        code: 2,
        words: [/argument 1/, /not valid/, /Nothing was sent/]
    },
    {
        name: 'an 18-character id with a wrong checksum',
        args: (_d, ids) => [`${(ids[0] as string).slice(0, 15)}AAA`],
        code: 2,
        words: [/argument 1/, /not valid/]
    },
    {
        name: 'an Account id as a billing account',
        args: () => [ACCOUNT_ID],
        code: 2,
        words: [/argument 1/]
    },
    {
        name: 'ids of two objects',
        args: (_d, ids) => [ids[0] as string, ACCOUNT_ID],
        code: 2,
        words: [/argument 2/]
    },
    {
        name: 'a Zuora id without --zuora-ids',
        args: () => [ZUORA_ID],
        code: 2,
        words: [/argument 1/]
    },
    {
        name: 'a Salesforce id with --zuora-ids',
        args: (_d, ids) => ['--zuora-ids', ids[0] as string],
        code: 2,
        words: [/argument 1/]
    },
    {
        name: 'a 31-character Zuora id',
        args: () => ['--zuora-ids', ZUORA_ID.slice(1)],
        code: 2,
        words: [/argument 1/]
    },
    {
        name: 'an id with a space inside',
        args: (_d, ids) => [`${(ids[0] as string).slice(0, 5)} ${(ids[0] as string).slice(5)}`],
        code: 2,
        words: [/argument 1/]
    },
    {
        name: 'one bad id among good ones, given with commas',
        args: (_d, ids) => [`${ids[0]},${ids[1]},nope`],
        code: 2,
        words: [/argument 3/]
    },
    {
        name: 'twenty-five bad ids: the first twenty, then a count',
        args: () => Array.from({ length: 25 }, (_v, index) => `bad-${index + 1}`),
        code: 2,
        words: [/25 values are not valid/, /argument 20:/, /and 5 more/]
    },
    {
        name: 'an --account that is not an Account id',
        args: (_d, ids) => ['--account', ids[0] as string],
        code: 2,
        words: [/--account/, /not valid/]
    },
    {
        name: 'a malformed --account',
        args: () => ['--account', '001xyz'],
        code: 2,
        words: [/--account 001xyz/]
    },
    // Files
    {
        name: 'a missing file',
        args: () => ['--file', 'missing.txt'],
        code: 2,
        words: [/Cannot read missing.txt/, /no such file/]
    },
    {
        name: 'a directory as --file',
        args: (dir) => ['--file', dir],
        code: 2,
        words: [/is a directory/]
    },
    {
        name: 'an empty file',
        args: () => ['--file', 'empty.txt'],
        files: () => ({ 'empty.txt': '' }),
        code: 2,
        words: [/holds no ids/]
    },
    {
        name: 'a file of comments only',
        args: () => ['--file', 'comments.txt'],
        files: () => ({ 'comments.txt': '# nothing\n\n# here\n' }),
        code: 2,
        words: [/holds no ids/]
    },
    {
        name: 'a UTF-16 LE file',
        args: () => ['--file', 'utf16le.txt'],
        files: (ids) => ({
            'utf16le.txt': Buffer.concat([
                Buffer.from([0xff, 0xfe]),
                Buffer.from(`${ids[0]}\n`, 'utf16le')
            ])
        }),
        code: 2,
        words: [/UTF-16/, /UTF-8/]
    },
    {
        name: 'a UTF-16 BE file',
        args: () => ['--file', 'utf16be.txt'],
        files: (ids) => ({
            'utf16be.txt': Buffer.concat([
                Buffer.from([0xfe, 0xff]),
                Buffer.from(`${ids[0]}\n`, 'utf16le').swap16()
            ])
        }),
        code: 2,
        words: [/UTF-16/]
    },
    {
        name: 'a binary file',
        args: () => ['--file', 'ids.xlsx'],
        files: () => ({
            'ids.xlsx': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x08])
        }),
        code: 2,
        words: [/binary/]
    },
    {
        name: 'a Latin-1 file',
        args: () => ['--file', 'latin1.csv'],
        files: (ids) => ({
            'latin1.csv': Buffer.concat([
                Buffer.from('Id,Name\n'),
                Buffer.from(`${ids[0]},Soci`),
                Buffer.from([0xe9, 0x74, 0xe9, 0x0a])
            ])
        }),
        code: 2,
        words: [/not UTF-8/]
    },
    {
        name: 'a CSV without an Id column',
        args: () => ['--file', 'accounts.csv'],
        files: (ids) => ({ 'accounts.csv': `Name,Number\nAcme,${ids[0]}\n` }),
        code: 2,
        words: [/no Id column/, /Name, Number/]
    },
    {
        name: 'a CSV with a bad row',
        args: () => ['--file', 'rows.csv'],
        files: (ids) => ({ 'rows.csv': `Id,Name\n${ids[0]},a\nnope,b\n` }),
        code: 2,
        words: [/rows.csv line 3/]
    },
    {
        name: 'a bad line among good ones',
        args: () => ['--file', 'lines.txt'],
        files: (ids) => ({ 'lines.txt': `${ids[0]}\nfoo\n${ids[1]}\n` }),
        code: 2,
        words: [/lines.txt line 2/]
    },
    {
        name: 'a file with a 15-character id of another object',
        args: () => ['--file', 'other.txt'],
        files: () => ({ 'other.txt': `${ACCOUNT_ID.slice(0, 15)}\n` }),
        code: 2,
        words: [/other.txt line 1/]
    },
    // --out and --resume
    {
        name: '--out on a directory',
        args: (dir, ids) => [ids[0] as string, '--out', dir],
        code: 2,
        words: [/--out .* is a directory/]
    },
    {
        name: '--out on a directory, with --account (nothing is listed)',
        args: (dir) => ['--account', ACCOUNT_ID, '--out', dir],
        code: 2,
        words: [/is a directory/]
    },
    {
        name: '--out in a directory that does not exist',
        args: (dir, ids) => [ids[0] as string, '--out', join(dir, 'no', 'such', 'out.jsonl')],
        code: 2,
        words: [/Cannot write/, /directory does not exist/]
    },
    {
        name: '--out under a file',
        args: (dir, ids) => [ids[0] as string, '--out', join(dir, 'plain.txt', 'out.jsonl')],
        files: () => ({ 'plain.txt': 'x' }),
        code: 2,
        words: [/Cannot write/]
    },
    {
        name: '--dry-run --out on a directory',
        args: (dir, ids) => [ids[0] as string, '--dry-run', '--out', dir],
        code: 2,
        words: [/is a directory/]
    },
    {
        name: '--out that another live run holds',
        args: (dir, ids) => [ids[0] as string, '--out', join(dir, 'busy.jsonl')],
        files: () => ({
            'busy.jsonl.lock': JSON.stringify({ pid: process.ppid, host: hostname(), at: 't' })
        }),
        code: 2,
        words: [/Another zuora-sync run/, /busy.jsonl/]
    },
    {
        name: '--resume on a directory',
        args: (dir) => ['--resume', dir],
        code: 2,
        words: [/--resume .* is a directory/]
    },
    {
        name: '--resume of a file that does not exist',
        args: () => ['--resume', 'gone.jsonl'],
        code: 2,
        words: [/gone.jsonl does not exist/]
    },
    {
        name: '--resume of a file that is not an --out file',
        args: () => ['--resume', 'notes.txt'],
        files: () => ({ 'notes.txt': 'hello\n' }),
        code: 2,
        words: [/not a file written by zuora-sync/]
    },
    {
        name: '--resume with a run file that is not one',
        args: () => ['--resume', 'run.jsonl'],
        files: () => ({ 'run.jsonl': '', 'run.jsonl.run.json': '{"items":"nope"}' }),
        code: 2,
        words: [/not a run file/]
    },
    {
        name: '--resume with other ids than the run',
        args: (_d, ids) => ['--resume', 'run.jsonl', ids[0] as string, ids[5] as string],
        files: (ids) => runOf(ids, ''),
        code: 2,
        words: [/not those of its run/, /1 not in the run/, /2 of the run missing/]
    },
    {
        name: '--resume with --account when the run had none',
        args: () => ['--resume', 'run.jsonl', '--account', ACCOUNT_ID],
        files: (ids) => runOf(ids, ''),
        code: 2,
        words: [/not those of its run/, /--account/]
    },
    {
        name: '--resume --type product of a billing account run',
        args: () => ['--resume', 'run.jsonl', '--type', 'product'],
        files: (ids) => runOf(ids, ''),
        code: 2,
        words: [/--type does not match/]
    },
    {
        name: '--resume --zuora-ids of a Salesforce id run',
        args: () => ['--resume', 'run.jsonl', '--zuora-ids'],
        files: (ids) => runOf(ids, ''),
        code: 2,
        words: [/leave --zuora-ids out/]
    },
    {
        name: '--resume on a directory, with --out on a directory',
        args: (dir) => ['--resume', dir, '--out', dir],
        code: 2,
        words: [/is a directory/]
    }
];

describe('bad input', () => {
    let running: RunningOrg;
    let ids: string[];
    let front: Awaited<ReturnType<typeof startFaultyFront>>;

    beforeAll(async () => {
        ({ running, ids } = await startOrg(10));
        front = await startFaultyFront(running.org, () => 'pass');
    }, 60_000);

    afterAll(async () => {
        await front.close();
        await running.close();
    }, 60_000);

    it('has at least 60 cases', () => {
        expect(CASES.length).toBeGreaterThanOrEqual(60);
    });

    it.each(CASES.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
        const dir = tempDir();
        try {
            mkdirSync(join(dir.path, 'sub'));
            for (const [name, content] of Object.entries(entry.files?.(ids) ?? {})) {
                writeFileSync(join(dir.path, name), content);
            }
            const before = front.seen();
            const env = entry.env?.(front.url) ?? {
                SF_INSTANCE_URL: front.url,
                SF_ACCESS_TOKEN: TOKEN
            };
            const args = entry.args(dir.path, ids);
            const run = await runCli(args, {
                env: { ...FAST_ENV, ...env },
                cwd: dir.path,
                lookupOrg: () => Promise.reject(new Error('the Salesforce CLI must not be asked'))
            });

            expect(run.code).toBe(entry.code);
            // stdout holds the result only: nothing, or the one --json document of the error.
            if (args.includes('--json')) {
                expect(JSON.parse(run.stdout)).toEqual(
                    expect.objectContaining({ status: entry.code })
                );
            } else {
                expect(run.stdout).toBe('');
            }
            for (const word of entry.words) {
                expect(run.stderr).toMatch(word);
            }
            expect(run.stderr).toMatch(/^Error: /);
            expect(run.stderr).not.toMatch(/\n\s+at .*\(/); // no stack trace
            expect(run.stderr).not.toContain(TOKEN);
            expect(front.seen() - before).toBe(0);
        } finally {
            dir.remove();
        }
    });

    it('lists every bad value in --json when stderr shows only the first twenty', async () => {
        const bad = Array.from({ length: 25 }, (_v, index) => `bad-${index + 1}`);
        const run = await runCli([...bad, '--json'], {
            env: { ...FAST_ENV, SF_INSTANCE_URL: front.url, SF_ACCESS_TOKEN: TOKEN }
        });
        expect(run.code).toBe(2);
        const warnings = JSON.parse(run.stdout).warnings as { code: string; message: string }[];
        expect(warnings.filter((warning) => warning.code === 'INVALID_ID')).toHaveLength(25);
        expect(run.stderr.match(/^ {2}argument \d+:/gm)).toHaveLength(20);
    });
});
