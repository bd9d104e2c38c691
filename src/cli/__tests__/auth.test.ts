/**
 * Sessions: --target-org (and the default target-org) through the Salesforce CLI, stubbed here
 * with a script that answers like `sf org display --json`; --instance-url with --access-token
 * or SF_INSTANCE_URL / SF_ACCESS_TOKEN.
 */
import { chmodSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { RunningOrg } from '../../org-emulator';
import { checkInstanceUrl } from '../auth';
import { FAST_ENV, runCli, startOrg, syncRequests, tempDir, TOKEN } from './harness';

/** A stand-in for `sf`: records how it was called, then answers like `sf org display --json`. */
const STUB = `#!/usr/bin/env node
const fs = require('fs');
fs.writeFileSync(process.env.STUB_RECORD, JSON.stringify({
    args: process.argv.slice(2),
    telemetry: process.env.SF_DISABLE_TELEMETRY,
    versionCheck: process.env.SF_SKIP_NEW_VERSION_CHECK,
    autoupdate: process.env.SF_DISABLE_AUTOUPDATE
}));
const target = process.argv[process.argv.indexOf('--target-org') + 1];
if (process.argv.includes('--target-org') && target !== 'ci-org' && target !== 'admin@example.com') {
    process.stdout.write(JSON.stringify({ status: 1, name: 'NamedOrgNotFoundError',
        message: 'No authorization information found for ' + target + '.' }));
    process.exit(1);
}
process.stdout.write(JSON.stringify({ status: 0, result: {
    id: '00D5g0000000001EAA', username: 'admin@example.com', alias: 'ci-org',
    instanceUrl: process.env.STUB_URL, accessToken: process.env.STUB_TOKEN, connectedStatus: 'Connected' },
    warnings: [] }, null, 2));
`;

describe('sessions', () => {
    let running: RunningOrg;
    let url: string;
    let ids: string[];
    let dir: ReturnType<typeof tempDir>;
    let stub: string;
    let record: string;

    beforeEach(async () => {
        ({ running, url, ids } = await startOrg(5));
        dir = tempDir();
        stub = join(dir.path, 'sf');
        record = join(dir.path, 'sf-call.json');
        writeFileSync(stub, STUB);
        chmodSync(stub, 0o755);
    });

    afterEach(async () => {
        dir.remove();
        await running.close();
    });

    const stubEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
        ...FAST_ENV,
        PATH: process.env.PATH,
        ZUORA_SYNC_SF_BIN: stub,
        STUB_RECORD: record,
        STUB_URL: url,
        STUB_TOKEN: TOKEN,
        ...extra
    });
    const sfCall = (): {
        args: string[];
        telemetry: string;
        versionCheck: string;
        autoupdate: string;
    } => JSON.parse(readFileSync(record, 'utf8'));

    it('resolves --target-org through `sf org display --json`, quietly, and uses its session', async () => {
        const run = await runCli(['-o', 'ci-org', ids[0] as string, '--json'], { env: stubEnv() });

        expect(run.code).toBe(0);
        expect(sfCall()).toEqual({
            args: ['org', 'display', '--target-org', 'ci-org', '--json'],
            telemetry: 'true',
            versionCheck: 'true',
            autoupdate: 'true'
        });
        expect(syncRequests(running.org)).toHaveLength(1);
        expect(running.org.receivedRequests()[0]?.authenticated).toBe(true);
        expect(run.stdout + run.stderr).not.toContain(TOKEN);
    });

    it('accepts a username and prefers --target-org over SF_INSTANCE_URL / SF_ACCESS_TOKEN', async () => {
        const run = await runCli(['--target-org', 'admin@example.com', ids[0] as string], {
            env: stubEnv({
                SF_INSTANCE_URL: 'https://wrong.example.com',
                SF_ACCESS_TOKEN: 'another-token-value'
            })
        });

        expect(run.code).toBe(0);
        expect(sfCall().args).toContain('admin@example.com');
    });

    it("uses the Salesforce CLI's default target-org when no session is given", async () => {
        const run = await runCli([ids[0] as string], { env: stubEnv() });

        expect(run.code).toBe(0);
        expect(sfCall().args).toEqual(['org', 'display', '--json']);
    });

    it('exits 3 with the Salesforce CLI message when the org is unknown, sending nothing', async () => {
        const run = await runCli(['-o', 'nope', ids[0] as string, '--json'], { env: stubEnv() });

        expect(run.code).toBe(3);
        expect(JSON.parse(run.stdout)).toEqual(
            expect.objectContaining({
                status: 3,
                message: expect.stringContaining('No authorization information found for nope.')
            })
        );
        expect(running.org.receivedRequests()).toHaveLength(0);
    });

    it('exits 3 when the Salesforce CLI is not installed', async () => {
        const run = await runCli(['-o', 'ci-org', ids[0] as string], {
            env: stubEnv({ ZUORA_SYNC_SF_BIN: join(dir.path, 'missing-sf') })
        });

        expect(run.code).toBe(3);
        expect(run.stderr).toContain('was not found');
    });

    it('does not need a session for a dry run of explicit ids', async () => {
        const run = await runCli([ids[0] as string, '--dry-run'], {
            env: stubEnv({ ZUORA_SYNC_SF_BIN: join(dir.path, 'missing-sf') })
        });

        expect(run.code).toBe(0);
    });

    it('uses --instance-url with SF_ACCESS_TOKEN without asking the Salesforce CLI', async () => {
        const run = await runCli(['--instance-url', `${url}/`, ids[0] as string], {
            env: stubEnv({ SF_ACCESS_TOKEN: TOKEN })
        });

        expect(run.code).toBe(0);
        expect(() => readFileSync(record)).toThrow();
    });

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
