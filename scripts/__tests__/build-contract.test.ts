/**
 * scripts/build-contract.mjs: one edit of contract/contract.json reaches the TypeScript module,
 * the Apex constants class, the settings metadata and the fixture validator after one build, and
 * `--check` fails while a generated file is stale. The script is an ES module, so these tests
 * run it in a child Node process inside a scratch copy of the project.
 */
import { spawnSync } from 'node:child_process';
import {
    cpSync,
    mkdirSync,
    mkdtempSync,
    readdirSync,
    readFileSync,
    rmSync,
    symlinkSync,
    writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const CONTRACT = 'contract/contract.json';
const TS_FILE = 'src/bridge/contract.ts';
/** The file of an Apex class, wherever it sits under force-app. */
function apexFile(name: string, dir = join(ROOT, 'force-app')): string | null {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        const found = entry.isDirectory()
            ? apexFile(name, path)
            : entry.name === name
              ? path
              : null;
        if (found !== null) return found;
    }
    return null;
}
const APEX_FILE = relative(ROOT, apexFile('OnDemandSyncContract.cls') ?? '');
const COOLDOWN_FIELD =
    'force-app/main/default/objects/On_Demand_Sync_Setting__mdt/fields/Cooldown_Minutes__c.field-meta.xml';
const SETTINGS_RECORD =
    'force-app/main/default/customMetadata/On_Demand_Sync_Setting.Default.md-meta.xml';
const COPIED = [
    '.prettierrc',
    CONTRACT,
    'scripts/build-contract.mjs',
    'scripts/build-fixtures.mjs',
    'scripts/project.mjs',
    TS_FILE,
    'src/bridge/node-error-codes.json',
    APEX_FILE,
    `${APEX_FILE}-meta.xml`,
    'force-app/main/default/objects/On_Demand_Sync_Setting__mdt/fields',
    SETTINGS_RECORD,
    'contract-fixtures/cases/01-happy-path-three-ids.json',
    'contract-fixtures/cases/08-empty-request.json'
];

function scratchProject(): string {
    const dir = mkdtempSync(join(tmpdir(), 'contract-build-'));
    for (const file of COPIED) {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        cpSync(join(ROOT, file), join(dir, file), { recursive: true });
    }
    mkdirSync(join(dir, 'force-app/main/default/staticresources'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    return dir;
}

function run(dir: string, script: string, ...args: string[]) {
    const result = spawnSync(process.execPath, [join(dir, 'scripts', script), ...args], {
        cwd: dir,
        encoding: 'utf8'
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe('build-contract', () => {
    let dir: string;
    beforeAll(() => {
        dir = scratchProject();
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('finds the committed generated files up to date', () => {
        const result = run(ROOT, 'build-contract.mjs', '--check');
        expect(result.output).toContain('up to date');
        expect(result.status).toBe(0);
    });

    it('carries a new error code, bound and default from the one file into every language', () => {
        const contract = JSON.parse(read(dir, CONTRACT));
        contract.errors.RATE_LIMITED_BY_ZUORA = {
            origin: 'contract',
            httpStatus: 429,
            retryMayPass: true,
            meaning: 'Zuora asks to wait.'
        };
        contract.settings.cooldownMinutes = {
            ...contract.settings.cooldownMinutes,
            max: 2880,
            default: 45
        };
        writeFileSync(join(dir, CONTRACT), JSON.stringify(contract, null, 4));

        const stale = run(dir, 'build-contract.mjs', '--check');
        expect(stale.status).toBe(1);
        expect(stale.output).toContain(TS_FILE);
        expect(stale.output).toContain(APEX_FILE);

        expect(run(dir, 'build-contract.mjs').status).toBe(0);
        expect(run(dir, 'build-contract.mjs', '--check').status).toBe(0);

        const ts = read(dir, TS_FILE);
        expect(ts).toMatch(/RATE_LIMITED_BY_ZUORA: 429/);
        expect(ts).toMatch(/RETRY_MAY_PASS_CODES[^;]*'RATE_LIMITED_BY_ZUORA'/);
        expect(ts).toMatch(/cooldownMinutes: \{ min: 0, max: 2880, default: 45 \}/);

        const apex = read(dir, APEX_FILE);
        expect(apex).toContain(
            "public static final String RATE_LIMITED_BY_ZUORA = 'RATE_LIMITED_BY_ZUORA';"
        );
        expect(apex).toMatch(/RATE_LIMITED_BY_ZUORA => 429/);
        expect(apex).toContain('public static final Integer MAX_COOLDOWN_MINUTES = 2880;');
        expect(apex).toContain('public static final Integer DEFAULT_COOLDOWN_MINUTES = 45;');

        expect(read(dir, COOLDOWN_FIELD)).toContain('<defaultValue>45</defaultValue>');
        expect(read(dir, SETTINGS_RECORD)).toMatch(
            /<field>Cooldown_Minutes__c<\/field>\s*<value xsi:type="xsd:double">45<\/value>/
        );

        // The fixture validator takes the new code with its status, and refuses another status.
        const casePath = join(dir, 'contract-fixtures/cases/08-empty-request.json');
        const testCase = JSON.parse(readFileSync(casePath, 'utf8'));
        testCase.expect.error = { errorCode: 'RATE_LIMITED_BY_ZUORA', httpStatus: 429 };
        writeFileSync(casePath, JSON.stringify(testCase));
        expect(run(dir, 'build-fixtures.mjs').status).toBe(0);
        testCase.expect.error.httpStatus = 500;
        writeFileSync(casePath, JSON.stringify(testCase));
        const refused = run(dir, 'build-fixtures.mjs');
        expect(refused.status).toBe(1);
        expect(refused.output).toContain('must be 429 for RATE_LIMITED_BY_ZUORA');
    });

    it('refuses a contract whose default lies outside its bounds, naming the field', () => {
        const contract = JSON.parse(read(dir, CONTRACT));
        contract.settings.apiSessionCap.default = 11;
        writeFileSync(join(dir, CONTRACT), JSON.stringify(contract));
        const result = run(dir, 'build-contract.mjs');
        expect(result.status).toBe(1);
        expect(result.output).toContain('settings.apiSessionCap.default');
    });
});
