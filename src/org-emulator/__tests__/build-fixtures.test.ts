/**
 * scripts/build-fixtures.mjs: combines the contract cases into the static resource, validates
 * every case, and `--check` fails on a stale resource. The script is an ES module, so these
 * tests drive it in a child Node process.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(__dirname, '../../..');
const SCRIPT = join(ROOT, 'scripts/build-fixtures.mjs');
const CASES = 'contract-fixtures/cases';
const CONTRACT = 'contract/contract.json';
const RESOURCE = 'force-app/main/default/staticresources/OnDemandSyncContractFixtures.json';
const META =
    'force-app/main/default/staticresources/OnDemandSyncContractFixtures.resource-meta.xml';

/** Runs `code` as an ES module that has the script's exports in scope as `fixtures`. */
function withScript(code: string): { status: number | null; stdout: string; stderr: string } {
    const module = `import * as fixtures from ${JSON.stringify(pathToFileURL(SCRIPT).href)};\n${code}`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', module], {
        encoding: 'utf8'
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function runScript(
    args: string[],
    cwd: string
): { status: number | null; stdout: string; stderr: string } {
    const run = spawnSync(process.execPath, [join(cwd, 'scripts/build-fixtures.mjs'), ...args], {
        cwd,
        encoding: 'utf8'
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A copy of the script, the contract it reads and the cases in a temporary project. */
function scratchProject(): string {
    const dir = mkdtempSync(join(tmpdir(), 'fixtures-build-'));
    mkdirSync(join(dir, 'scripts'));
    cpSync(SCRIPT, join(dir, 'scripts/build-fixtures.mjs'));
    cpSync(join(ROOT, 'scripts/project.mjs'), join(dir, 'scripts/project.mjs'));
    mkdirSync(join(dir, 'contract'));
    cpSync(join(ROOT, CONTRACT), join(dir, CONTRACT));
    cpSync(join(ROOT, CASES), join(dir, CASES), { recursive: true });
    mkdirSync(join(dir, 'force-app/main/default/staticresources'), { recursive: true });
    return dir;
}

const happyCase = JSON.parse(
    readFileSync(join(ROOT, CASES, '01-happy-path-three-ids.json'), 'utf8')
);

describe('build-fixtures', () => {
    let dir: string;
    beforeEach(() => {
        dir = scratchProject();
    });
    afterEach(() => {
        rmSync(dir, { recursive: true, force: true });
    });

    it('the committed static resource is current', () => {
        const run = runScript(['--check'], ROOT);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
    });

    it('writes { version: 1, cases } sorted by file name, each with its file, 2-space JSON and a newline', () => {
        expect(runScript([], dir).status).toBe(0);
        const text = readFileSync(join(dir, RESOURCE), 'utf8');
        const resource = JSON.parse(text);
        expect(text).toBe(`${JSON.stringify(resource, null, 2)}\n`);
        expect(resource.version).toBe(1);
        const files = resource.cases.map((testCase: { file: string }) => testCase.file);
        expect(files).toEqual([...files].sort());
        expect(Object.keys(resource.cases[0])[0]).toBe('file');
        expect(resource.cases[0]).toEqual({ file: '01-happy-path-three-ids.json', ...happyCase });
        const meta = readFileSync(join(dir, META), 'utf8');
        expect(meta).toContain('<contentType>application/json</contentType>');
        expect(meta).toContain('<cacheControl>Private</cacheControl>');
        expect(meta).toMatch(/<description>.+<\/description>/);
    });

    it('is deterministic: a second build changes nothing and --check passes', () => {
        runScript([], dir);
        const first = readFileSync(join(dir, RESOURCE), 'utf8');
        runScript([], dir);
        expect(readFileSync(join(dir, RESOURCE), 'utf8')).toBe(first);
        expect(runScript(['--check'], dir).status).toBe(0);
    });

    it('--check exits 1 when a case changed after the build, or the resource is missing', () => {
        expect(runScript(['--check'], dir).status).toBe(1);
        runScript([], dir);
        writeFileSync(
            join(dir, CASES, '01-happy-path-three-ids.json'),
            JSON.stringify({ ...happyCase, name: 'Renamed' })
        );
        const run = runScript(['--check'], dir);
        expect(run.status).toBe(1);
        expect(run.stderr).toContain('Stale contract fixtures');
    });

    it.each([
        ['a missing expectation', { ...happyCase, expect: undefined }, 'missing "expect"'],
        ['an unknown key', { ...happyCase, colour: 'blue' }, 'unknown key "colour"'],
        ['a bad time', { ...happyCase, now: 'yesterday' }, 'now: must be an ISO time'],
        [
            'a wrong HTTP status',
            {
                ...happyCase,
                expect: {
                    error: { errorCode: 'INVALID_ID', httpStatus: 500 },
                    gatewayCalls: 0,
                    auditRows: 0
                }
            },
            'expect.error.httpStatus: must be 400 for INVALID_ID'
        ],
        [
            'an unknown status',
            {
                ...happyCase,
                expect: {
                    ...happyCase.expect,
                    results: [{ id: 'x', status: 'DONE' }],
                    auditRows: 1
                }
            },
            'expect.results[0].status: must be one of'
        ],
        [
            'audit rows that do not match the results',
            { ...happyCase, expect: { ...happyCase.expect, auditRows: 2 } },
            'expect.auditRows: every result is audited'
        ]
    ])('fails loudly on %s, naming the file and field', (_what, malformed, message) => {
        writeFileSync(join(dir, CASES, '99-malformed.json'), JSON.stringify(malformed));
        const run = runScript([], dir);
        expect(run.status).toBe(1);
        expect(run.stderr).toContain('Malformed contract fixture: 99-malformed.json');
        expect(run.stderr).toContain(message);
    });

    it('refuses invalid JSON, a badly named file and a reused number', () => {
        writeFileSync(join(dir, CASES, '99-broken.json'), '{ "name": ');
        expect(runScript([], dir).stderr).toContain('99-broken.json: not valid JSON');
        rmSync(join(dir, CASES, '99-broken.json'));
        writeFileSync(join(dir, CASES, 'Happy Path.json'), JSON.stringify(happyCase));
        expect(runScript([], dir).stderr).toContain(
            'Happy Path.json: file names are NN-short-name.json'
        );
        rmSync(join(dir, CASES, 'Happy Path.json'));
        writeFileSync(join(dir, CASES, '01-again.json'), JSON.stringify(happyCase));
        expect(runScript([], dir).stderr).toMatch(/number 01 is also used by/);
    });

    it('exports its functions: validateCase accepts a good case and throws FixtureError on a bad one', () => {
        const run = withScript(`
            const good = ${JSON.stringify(happyCase)};
            fixtures.validateCase(good, 'good.json');
            try {
                fixtures.validateCase({ ...good, hasPermission: 'yes' }, 'bad.json');
                console.log('no error');
            } catch (error) {
                console.log(error.name + ' | ' + error.message);
            }
            const built = fixtures.buildFixtures({ root: ${JSON.stringify(ROOT)} });
            console.log(Object.keys(built.files).join(','), built.cases.length);
        `);
        expect(run.stderr).toBe('');
        const [thrown, files] = run.stdout.trim().split('\n');
        expect(thrown).toBe('FixtureError | bad.json: hasPermission: must be true or false');
        expect(files).toBe(
            `${RESOURCE},${META} ${JSON.parse(readFileSync(join(ROOT, RESOURCE), 'utf8')).cases.length}`
        );
    });
});
