import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/**
 * Runs `npm run deploy` against a stand-in for the Salesforce CLI that records
 * each command and answers `package installed list` with the given packages.
 */
function deploy(args: string[], installedNamespaces: string[]) {
    const dir = mkdtempSync(join(tmpdir(), 'ods-deploy-'));
    const log = join(dir, 'calls.jsonl');
    const fakeSf = join(dir, 'sf');
    const packages = installedNamespaces.map((ns) => ({ SubscriberPackageNamespace: ns }));
    writeFileSync(
        fakeSf,
        `#!/usr/bin/env node
require('fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n');
if (process.argv[2] === 'package') console.log(JSON.stringify({ status: 0, result: ${JSON.stringify(packages)} }));
`
    );
    chmodSync(fakeSf, 0o755);
    const run = spawnSync('node', ['scripts/deploy.mjs', ...args], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ZUORA_SYNC_SF_BIN: fakeSf }
    });
    const calls = readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as string[]).join(' '));
    rmSync(dir, { recursive: true, force: true });
    return { status: run.status, calls, output: run.stdout };
}

describe('npm run deploy', () => {
    it('deploys the core, the adapter where Zuora 360 is installed, then assigns the permission set', () => {
        const { status, calls } = deploy(['--target-org', 'acme'], ['Zuora', 'zqu']);
        expect(status).toBe(0);
        expect(calls).toEqual([
            'project deploy start --source-dir force-app --target-org acme --wait 30',
            'package installed list --target-org acme --json',
            'project deploy start --source-dir zuora-adapter --target-org acme --wait 30',
            'org assign permset --name Zuora_On_Demand_Sync --target-org acme'
        ]);
    }, 60_000);

    it('activates the sample Account page only when asked', () => {
        const { status, calls } = deploy(['-o', 'demo', '--activate-sample-page'], []);
        expect(status).toBe(0);
        expect(calls.slice(0, 2)).toEqual([
            'project deploy start --source-dir force-app --target-org demo --wait 30',
            'project deploy start --source-dir config/scratch-org --target-org demo --wait 30'
        ]);
    }, 60_000);

    it('leaves the adapter out of an org without Zuora 360 and says so', () => {
        const { status, calls, output } = deploy(['-o', 'plain'], []);
        expect(status).toBe(0);
        expect(calls.some((call) => call.includes('zuora-adapter'))).toBe(false);
        expect(calls[calls.length - 1]).toBe(
            'org assign permset --name Zuora_On_Demand_Sync --target-org plain'
        );
        expect(output).toMatch(/Zuora 360 is not installed/);
    }, 60_000);
});
