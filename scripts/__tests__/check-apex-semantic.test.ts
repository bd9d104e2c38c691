/**
 * The semantic Apex check (apex-ls) can fail: on a scratch copy of the project, a call to a
 * missing method, an Integer assigned to a String, a misspelt Zuora member and a public method
 * only tests use each fail it, with the file and the line. Runs the real script and the real
 * apex-ls, on the Java the script picks and on Java 17 with the lowered-class overlay.
 */
import { spawnSync } from 'node:child_process';
import {
    cpSync,
    existsSync,
    mkdtempSync,
    readFileSync,
    readdirSync,
    rmSync,
    writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
/** The path of an Apex class in a package directory, whatever folder it sits in. */
function apexPath(packageDir: string, name: string): string {
    const found = (readdirSync(join(root, packageDir), { recursive: true }) as string[]).find(
        (file) => file.split('/').pop() === `${name}.cls`
    );
    if (found === undefined) throw new Error(`${name}.cls is not in ${packageDir}`);
    return `${packageDir}/${found}`;
}
const SELECTOR = apexPath('force-app', 'OnDemandSyncSelector');
const ADAPTER = apexPath('zuora-adapter', 'ZuoraOnDemandSyncGateway');
const IDS = apexPath('force-app', 'OnDemandSyncIds');

jest.setTimeout(120000);

function scratchCopy(): string {
    const copy = mkdtempSync(join(tmpdir(), 'ods-apex-semantic-'));
    for (const part of ['force-app', 'zuora-adapter', 'apex-stubs', 'sfdx-project.json']) {
        cpSync(join(root, part), join(copy, part), { recursive: true });
    }
    return copy;
}

/** Replaces the first occurrence of `find` in a copied file; fails loudly when it is absent. */
function edit(copy: string, file: string, find: string, replace: string): number {
    const path = join(copy, file);
    const text = readFileSync(path, 'utf8');
    const at = text.indexOf(find);
    if (at < 0) {
        throw new Error(`${file} no longer contains ${find}`);
    }
    writeFileSync(path, text.slice(0, at) + replace + text.slice(at + find.length));
    return text.slice(0, at).split('\n').length;
}

function check(copy: string, env: NodeJS.ProcessEnv = {}) {
    const run = spawnSync('node', ['scripts/check-apex-semantic.mjs', '--root', copy], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ...env }
    });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function java17(): string | null {
    const jvm = '/usr/lib/jvm';
    if (!existsSync(jvm)) return null;
    const home = readdirSync(jvm).find((name) => /^(java-17|openjdk-17)/.test(name));
    return home && existsSync(join(jvm, home, 'bin', 'java'))
        ? join(jvm, home, 'bin', 'java')
        : null;
}

describe('the semantic Apex check', () => {
    let copy: string;
    afterEach(() => rmSync(copy, { recursive: true, force: true }));

    it('passes on the project as it is', () => {
        copy = scratchCopy();
        const { status, output } = check(copy);
        expect(output).toMatch(/0 problem\(s\)/);
        expect(status).toBe(0);
    });

    it('fails on a missing method and an Integer assigned to a String, naming file and line', () => {
        copy = scratchCopy();
        const line = edit(
            copy,
            SELECTOR,
            'return current;',
            'Integer count = 1; String text = count; current.noSuchMethod(); return current;'
        );
        const { status, output } = check(copy);
        expect(status).toBe(1);
        expect(output).toContain(`${SELECTOR}:${line}:`);
        expect(output).toMatch(
            /Incompatible types in assignment, from 'System.Integer' to 'System.String'/
        );
        expect(output).toMatch(/No matching method found for 'noSuchMethod'/);
    });

    it('checks the adapter against the documented Zuora API: a misspelt member fails', () => {
        copy = scratchCopy();
        const line = edit(
            copy,
            ADAPTER,
            'manager.emailNotificationEnabled =',
            'manager.emailNotifications ='
        );
        const { status, output } = check(copy);
        expect(status).toBe(1);
        expect(output).toContain(`${ADAPTER}:${line}:`);
        expect(output).toMatch(/emailNotifications.*Zuora\.OnDemandSyncManager/);
    });

    it('fails on a public method that only tests use', () => {
        copy = scratchCopy();
        edit(
            copy,
            IDS,
            '    public static Boolean isZuoraId(',
            '    public static Integer unusedHelper() {\n        return 1;\n    }\n\n    public static Boolean isZuoraId('
        );
        const { status, output } = check(copy);
        expect(status).toBe(1);
        expect(output).toMatch(/OnDemandSyncIds\.cls:\d+:\d+ Unused: .*unusedHelper/);
    });

    it('runs on Java 17 through the lowered-class overlay', () => {
        const java = java17();
        if (java === null) {
            throw new Error(
                'No Java 17 under /usr/lib/jvm: apt-get install openjdk-17-jre-headless'
            );
        }
        copy = scratchCopy();
        edit(copy, SELECTOR, 'return current;', 'current.noSuchMethod(); return current;');
        const { status, output } = check(copy, { APEX_LS_JAVA: java });
        expect(output).toMatch(/on Java 17 with the lowered-class overlay/);
        expect(output).toMatch(/No matching method found for 'noSuchMethod'/);
        expect(status).toBe(1);
    });
});
