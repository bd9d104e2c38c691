/**
 * Sessions: --target-org (and the default target-org) through the Salesforce CLI, stubbed here
 * with a script that answers like the real one (`sf org display --json` redacts the token; only
 * `sf org auth show-access-token --json` gives it), and once with the real Salesforce CLI on a
 * throwaway home; --instance-url with --access-token or SF_INSTANCE_URL / SF_ACCESS_TOKEN.
 */
import { createCipheriv, randomBytes } from 'crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { RunningOrg } from '../../org-emulator';
import { checkInstanceUrl } from '../auth';
import { isUsableAccessToken } from '../sf';
import {
    FAST_ENV,
    runCli,
    startFaultyFront,
    startOrg,
    syncRequests,
    tempDir,
    TOKEN
} from './harness';

const REDACTED = "[REDACTED] Use 'sf org auth show-access-token' to view";

/**
 * A stand-in for `sf` that answers like @salesforce/cli 2.150: records each call, then answers
 * `org display --json` with the token redacted, and `org auth show-access-token --json` with the
 * token (STUB_SHOWN overrides it; STUB_OLD=1 plays a CLI without that command).
 */
const STUB = `#!/usr/bin/env node
const fs = require('fs');
const args = process.argv.slice(2);
fs.appendFileSync(process.env.STUB_RECORD, JSON.stringify({
    args,
    telemetry: process.env.SF_DISABLE_TELEMETRY,
    versionCheck: process.env.SF_SKIP_NEW_VERSION_CHECK,
    autoupdate: process.env.SF_DISABLE_AUTOUPDATE
}) + '\\n');
const answer = (value) => process.stdout.write(JSON.stringify(value, null, 2));
const flag = args.indexOf('--target-org');
const target = flag < 0 ? 'ci-org' : args[flag + 1];
const firstFlag = args.findIndex((arg) => arg.startsWith('-'));
const command = (firstFlag < 0 ? args : args.slice(0, firstFlag)).join(' ');
const known = command === 'org display' ||
    (command === 'org auth show-access-token' && process.env.STUB_OLD !== '1');
if (!known) {
    process.stderr.write(' ›   Warning: ' + command + ' is not a sf command.\\n');
    process.exit(127);
}
if (target !== 'ci-org' && target !== 'admin@example.com') {
    answer({ status: 1, name: 'NamedOrgNotFoundError',
        message: 'No authorization information found for ' + target + '.' });
    process.exit(1);
}
if (command === 'org display') {
    answer({ status: 0, result: {
        id: '00D5g0000000001EAA', accessToken: ${JSON.stringify(REDACTED)},
        instanceUrl: process.env.STUB_URL, username: 'admin@example.com',
        connectedStatus: 'Connected', alias: 'ci-org' },
        warnings: ["Secrets are now hidden from 'sf org display' command output."] });
} else {
    answer({ status: 0, result: { accessToken: process.env.STUB_SHOWN === undefined
        ? process.env.STUB_TOKEN : process.env.STUB_SHOWN },
        warnings: ['This command exposes a sensitive Access Token.'] });
}
`;

interface SfCall {
    args: string[];
    telemetry: string;
    versionCheck: string;
    autoupdate: string;
}

describe('sessions', () => {
    let running: RunningOrg;
    let ids: string[];
    let dir: ReturnType<typeof tempDir>;
    let stub: string;
    let record: string;
    let front: Awaited<ReturnType<typeof startFaultyFront>>;
    /** The Authorization header of every request that reached the org. */
    let authorizations: string[];

    beforeEach(async () => {
        ({ running, ids } = await startOrg(5));
        authorizations = [];
        front = await startFaultyFront(running.org, (_n, request) => {
            authorizations.push(request.headers.authorization ?? '');
            return 'pass';
        });
        dir = tempDir();
        stub = join(dir.path, 'sf');
        record = join(dir.path, 'sf-calls.jsonl');
        writeFileSync(stub, STUB);
        chmodSync(stub, 0o755);
    }, 60_000);

    afterEach(async () => {
        dir.remove();
        await front.close();
        await running.close();
    }, 60_000);

    const stubEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
        ...FAST_ENV,
        PATH: process.env.PATH,
        ZUORA_SYNC_SF_BIN: stub,
        STUB_RECORD: record,
        STUB_URL: front.url,
        STUB_TOKEN: TOKEN,
        ...extra
    });
    const sfCalls = (): SfCall[] =>
        readFileSync(record, 'utf8')
            .split('\n')
            .filter((line) => line !== '')
            .map((line) => JSON.parse(line) as SfCall);

    it('resolves --target-org with `sf org display`, reads the token with `sf org auth show-access-token`, quietly', async () => {
        const run = await runCli(['-o', 'ci-org', ids[0] as string, '--json'], { env: stubEnv() });

        expect(run.code).toBe(0);
        const quiet = { telemetry: 'true', versionCheck: 'true', autoupdate: 'true' };
        expect(sfCalls()).toEqual([
            { args: ['org', 'display', '--target-org', 'ci-org', '--json'], ...quiet },
            // The username `org display` resolved, so that both answers are about one org.
            {
                args: [
                    'org',
                    'auth',
                    'show-access-token',
                    '--target-org',
                    'admin@example.com',
                    '--json'
                ],
                ...quiet
            }
        ]);
        expect(syncRequests(running.org)).toHaveLength(1);
        // The org got the real token, not the redaction notice of `org display`.
        expect(authorizations).toEqual([`Bearer ${TOKEN}`]);
        expect(run.stdout + run.stderr).not.toContain(TOKEN);
    }, 60_000);

    it('accepts a username and prefers --target-org over SF_INSTANCE_URL / SF_ACCESS_TOKEN', async () => {
        const run = await runCli(['--target-org', 'admin@example.com', ids[0] as string], {
            env: stubEnv({
                SF_INSTANCE_URL: 'https://wrong.example.com',
                SF_ACCESS_TOKEN: 'another-token-value'
            })
        });

        expect(run.code).toBe(0);
        expect(sfCalls()[0]?.args).toContain('admin@example.com');
        expect(authorizations).toEqual([`Bearer ${TOKEN}`]);
    }, 60_000);

    it("uses the Salesforce CLI's default target-org when no session is given", async () => {
        const run = await runCli([ids[0] as string], { env: stubEnv() });

        expect(run.code).toBe(0);
        expect(sfCalls().map((call) => call.args)).toEqual([
            ['org', 'display', '--json'],
            ['org', 'auth', 'show-access-token', '--target-org', 'admin@example.com', '--json']
        ]);
        expect(authorizations).toEqual([`Bearer ${TOKEN}`]);
    }, 60_000);

    it.each([
        ['a redaction notice', REDACTED],
        ['a mask', '********************'],
        ['an empty value', ''],
        ['two words', 'not a token at all, really']
    ])(
        'exits 3, sending nothing, when the Salesforce CLI gives %s instead of a token',
        async (_what, shown) => {
            const run = await runCli(
                ['-o', 'ci-org', ids[0] as string, ids[1] as string, '--json'],
                {
                    env: stubEnv({ STUB_SHOWN: shown })
                }
            );

            expect(run.code).toBe(3);
            const document = JSON.parse(run.stdout);
            expect(document.status).toBe(3);
            expect(document.warnings).toEqual([
                {
                    code: 'AUTHENTICATION',
                    message: expect.stringContaining('did not give an access token')
                }
            ]);
            expect(document.result.results).toEqual([
                expect.objectContaining({ id: ids[0], status: 'NOT_SENT' }),
                expect.objectContaining({ id: ids[1], status: 'NOT_SENT' })
            ]);
            expect(authorizations).toEqual([]);
        },
        60_000
    );

    it('recognises what can be a token', () => {
        expect(isUsableAccessToken(TOKEN)).toBe(true);
        expect(isUsableAccessToken('00D5g0000000001!AQ4AQFakeTokenValue.0123456789')).toBe(true);
        expect(isUsableAccessToken('eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJ4In0.c2lnbmF0dXJl')).toBe(true);
        expect(isUsableAccessToken(REDACTED)).toBe(false);
        expect(isUsableAccessToken('REDACTED_REDACTED_REDACTED')).toBe(false);
        expect(isUsableAccessToken('****************')).toBe(false);
        expect(isUsableAccessToken('short')).toBe(false);
        expect(isUsableAccessToken(undefined)).toBe(false);
    });

    it('exits 3 when the Salesforce CLI has no `org auth show-access-token`', async () => {
        const run = await runCli(['-o', 'ci-org', ids[0] as string], {
            env: stubEnv({ STUB_OLD: '1' })
        });

        expect(run.code).toBe(3);
        expect(run.stderr).toContain('update the Salesforce CLI');
        expect(authorizations).toEqual([]);
    }, 60_000);

    it('exits 3 with the Salesforce CLI message when the org is unknown, sending nothing', async () => {
        const run = await runCli(['-o', 'nope', ids[0] as string, '--json'], { env: stubEnv() });

        expect(run.code).toBe(3);
        expect(JSON.parse(run.stdout)).toEqual({
            status: 3,
            result: {
                summary: { total: 1, requested: 0, failed: 0, skipped: 0, notSent: 1 },
                results: [expect.objectContaining({ id: ids[0], status: 'NOT_SENT' })],
                apiRequests: 0
            },
            warnings: [
                {
                    code: 'AUTHENTICATION',
                    message: expect.stringContaining('No authorization information found for nope.')
                }
            ]
        });
        expect(sfCalls()).toHaveLength(1);
        expect(running.org.receivedRequests()).toHaveLength(0);
    }, 60_000);

    it('exits 3 when the Salesforce CLI is not installed', async () => {
        const run = await runCli(['-o', 'ci-org', ids[0] as string], {
            env: stubEnv({ ZUORA_SYNC_SF_BIN: join(dir.path, 'missing-sf') })
        });

        expect(run.code).toBe(3);
        expect(run.stderr).toContain('was not found');
    }, 60_000);

    it('does not need a session for a dry run of explicit ids', async () => {
        const run = await runCli([ids[0] as string, '--dry-run'], {
            env: stubEnv({ ZUORA_SYNC_SF_BIN: join(dir.path, 'missing-sf') })
        });

        expect(run.code).toBe(0);
    }, 60_000);

    it('uses --instance-url with SF_ACCESS_TOKEN without asking the Salesforce CLI', async () => {
        const run = await runCli(['--instance-url', `${front.url}/`, ids[0] as string], {
            env: stubEnv({ SF_ACCESS_TOKEN: TOKEN })
        });

        expect(run.code).toBe(0);
        expect(() => readFileSync(record)).toThrow();
    }, 60_000);

    it('refuses a token sent in clear text to another machine, or a Lightning URL', () => {
        expect(checkInstanceUrl('https://acme.my.salesforce.com/')).toBe(
            'https://acme.my.salesforce.com'
        );
        expect(checkInstanceUrl('http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000');
        expect(checkInstanceUrl('http://localhost:3000')).toBe('http://localhost:3000');
        expect(() => checkInstanceUrl('http://acme.my.salesforce.com')).toThrow(/https/);
        expect(() => checkInstanceUrl('not a url')).toThrow(/not a URL/);
        expect(() => checkInstanceUrl('https://acme.lightning.force.com')).toThrow(/My Domain/);
    });
});

/**
 * The real Salesforce CLI of this project (node_modules/.bin/sf) on a throwaway home that holds a
 * fake authorisation: the generic keychain's key file (SF_USE_GENERIC_UNIX_KEYCHAIN) and an auth
 * file whose access token is encrypted with it the way @salesforce/core does (AES-256-GCM, "v2"
 * key: 64 hex characters; value: hex IV + hex cipher text + ":" + hex tag).
 */
function writeFakeAuthorisation(
    home: string,
    org: { username: string; alias: string; instanceUrl: string; accessToken: string }
): void {
    const sfdx = join(home, '.sfdx');
    mkdirSync(sfdx, { recursive: true });
    mkdirSync(join(home, '.sf'), { recursive: true });
    const key = randomBytes(32);
    writeFileSync(
        join(sfdx, 'key.json'),
        JSON.stringify({ service: 'sfdx', account: 'local', key: key.toString('hex') }),
        { mode: 0o600 }
    );
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const encrypted =
        iv.toString('hex') +
        cipher.update(org.accessToken, 'utf8', 'hex') +
        cipher.final('hex') +
        `:${cipher.getAuthTag().toString('hex')}`;
    writeFileSync(
        join(sfdx, `${org.username}.json`),
        JSON.stringify({
            accessToken: encrypted,
            instanceUrl: org.instanceUrl,
            loginUrl: org.instanceUrl,
            orgId: '00D5g0000000001EAA',
            username: org.username
        })
    );
    writeFileSync(
        join(sfdx, 'alias.json'),
        JSON.stringify({ orgs: { [org.alias]: org.username } })
    );
    writeFileSync(join(home, '.sf', 'config.json'), JSON.stringify({ 'target-org': org.alias }));
}

const onUnix = process.platform === 'win32' ? describe.skip : describe;

onUnix('sessions through the real Salesforce CLI', () => {
    let running: RunningOrg;
    let ids: string[];
    let home: ReturnType<typeof tempDir>;
    let front: Awaited<ReturnType<typeof startFaultyFront>>;
    let syncAuthorizations: string[];

    beforeEach(async () => {
        ({ running, ids } = await startOrg(5));
        syncAuthorizations = [];
        front = await startFaultyFront(running.org, (_n, request) => {
            if (request.method === 'POST' && (request.url ?? '').endsWith('/v1/sync')) {
                syncAuthorizations.push(request.headers.authorization ?? '');
            }
            return 'pass';
        });
        home = tempDir();
        writeFakeAuthorisation(home.path, {
            username: 'admin@example.com',
            alias: 'ci-org',
            instanceUrl: front.url,
            accessToken: TOKEN
        });
    }, 60_000);

    afterEach(async () => {
        home.remove();
        await front.close();
        await running.close();
    }, 60_000);

    // Only what the Salesforce CLI needs: nothing of the real home or its settings.
    const realSfEnv = (): NodeJS.ProcessEnv => ({
        ...FAST_ENV,
        PATH: process.env.PATH,
        HOME: home.path,
        SF_USE_GENERIC_UNIX_KEYCHAIN: 'true'
    });

    it('logs in with an alias and with the default target-org, sending the stored token', async () => {
        const byAlias = await runCli(['-o', 'ci-org', ids[0] as string, '--json'], {
            env: realSfEnv()
        });
        const byDefault = await runCli([ids[1] as string, '--json'], { env: realSfEnv() });

        expect([byAlias.code, byDefault.code]).toEqual([0, 0]);
        expect(JSON.parse(byAlias.stdout).result.summary.requested).toBe(1);
        expect(syncAuthorizations).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
        for (const run of [byAlias, byDefault]) {
            expect(run.stdout + run.stderr).not.toContain(TOKEN);
        }
    }, 60000);

    it('exits 3 for an org the Salesforce CLI does not know', async () => {
        const run = await runCli(['-o', 'unknown-org', ids[0] as string, '--json'], {
            env: realSfEnv()
        });

        expect(run.code).toBe(3);
        expect(JSON.parse(run.stdout).warnings[0]).toEqual({
            code: 'AUTHENTICATION',
            message: expect.stringContaining('unknown-org')
        });
        expect(syncAuthorizations).toEqual([]);
    }, 60000);
});
