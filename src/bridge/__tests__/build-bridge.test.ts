/**
 * The build script: the committed static resource equals a fresh build, the bundle holds no
 * dynamic code, and --check reports a stale file without writing. The script is an ES module,
 * so it runs in a child Node process.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(__dirname, '../../..');
const SCRIPT = join(ROOT, 'scripts/build-bridge.mjs');
const BUNDLE = 'force-app/main/default/staticresources/OnDemandSyncBridge.js';
const META = 'force-app/main/default/staticresources/OnDemandSyncBridge.resource-meta.xml';

/** Runs `body` as an ES module that has the build script's exports as `build`, and parses its JSON output. */
function callBuildScript<T>(scriptPath: string, body: string): T {
    const source = `import * as build from ${JSON.stringify(pathToFileURL(scriptPath).href)};\n${body}`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', source], {
        encoding: 'utf8'
    });
    if (run.status !== 0) {
        throw new Error(`build script failed: ${run.stderr}`);
    }
    return JSON.parse(run.stdout) as T;
}

function runCli(
    scriptPath: string,
    args: string[]
): { status: number | null; stdout: string; stderr: string } {
    const run = spawnSync(process.execPath, [scriptPath, ...args], { encoding: 'utf8' });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A scratch project with the bridge sources, the build script and the committed resource. */
function scratchProject(): string {
    const dir = mkdtempSync(join(tmpdir(), 'bridge-build-'));
    cpSync(join(ROOT, 'src/bridge'), join(dir, 'src/bridge'), {
        recursive: true,
        filter: (path) => !path.includes('__tests__')
    });
    cpSync(SCRIPT, join(dir, 'scripts/build-bridge.mjs'));
    cpSync(join(ROOT, 'scripts/project.mjs'), join(dir, 'scripts/project.mjs'));
    cpSync(join(ROOT, BUNDLE), join(dir, BUNDLE));
    cpSync(join(ROOT, META), join(dir, META));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    return dir;
}

describe('build-bridge', () => {
    let fresh: { code: string; meta: string; again: string };

    beforeAll(() => {
        fresh = callBuildScript(
            SCRIPT,
            `const first = await build.bundleBridge();
             const second = await build.bundleBridge();
             process.stdout.write(JSON.stringify({ code: first.code, meta: first.meta, again: second.code }));`
        );
    });

    it('is deterministic', () => {
        expect(fresh.again).toBe(fresh.code);
    });

    it('matches the committed static resource and its metadata', () => {
        expect(readFileSync(join(ROOT, BUNDLE), 'utf8')).toBe(fresh.code);
        expect(readFileSync(join(ROOT, META), 'utf8')).toBe(fresh.meta);
    });

    it('holds no dynamic code and defines window.OnDemandSyncBridge', () => {
        for (const forbidden of ['eval(', 'new Function', 'Function(']) {
            expect(fresh.code).not.toContain(forbidden);
        }
        expect(fresh.code.trimEnd().endsWith('window.OnDemandSyncBridge=OnDemandSyncBridge;')).toBe(
            true
        );
        expect(fresh.code).toMatch(/var OnDemandSyncBridge=/);
    });

    it('describes the static resource for the org', () => {
        expect(fresh.meta).toContain('<contentType>application/javascript</contentType>');
        expect(fresh.meta).toContain('<cacheControl>Public</cacheControl>');
        expect(fresh.meta).toMatch(/<description>[^<]{1,255}<\/description>/);
    });

    it('finds forbidden snippets', () => {
        const found = callBuildScript<string[]>(
            SCRIPT,
            `process.stdout.write(JSON.stringify(build.findForbidden('a=eval(b);c=new Function("x");d=Function("y")')));`
        );
        expect(found).toEqual(['eval(', 'new Function', 'Function(']);
    });

    it('passes --check on the committed files and prints the raw, minified and gzip sizes', () => {
        const run = runCli(SCRIPT, ['--check']);
        expect(run.status).toBe(0);
        const gzip = gzipSync(fresh.code, { level: 9 }).length;
        expect(run.stdout).toContain(`minified ${Buffer.byteLength(fresh.code)} bytes`);
        expect(run.stdout).toContain(`gzip ${gzip} bytes`);
        expect(run.stdout).toMatch(/raw \d+ bytes/);
        expect(gzip).toBeLessThanOrEqual(8192);
    });

    describe('in a scratch project', () => {
        let dir: string;

        beforeEach(() => {
            dir = scratchProject();
        });

        afterEach(() => {
            rmSync(dir, { recursive: true, force: true });
        });

        it('--check fails on a stale bundle, says what to do, and writes nothing', () => {
            writeFileSync(join(dir, BUNDLE), 'stale');
            const run = runCli(join(dir, 'scripts/build-bridge.mjs'), ['--check']);
            expect(run.status).toBe(1);
            expect(run.stderr).toContain(BUNDLE);
            expect(run.stderr).toContain('npm run build');
            expect(readFileSync(join(dir, BUNDLE), 'utf8')).toBe('stale');
        });

        it('a build rewrites a stale bundle and reports its size', () => {
            writeFileSync(join(dir, BUNDLE), 'stale');
            const run = runCli(join(dir, 'scripts/build-bridge.mjs'), []);
            expect(run.status).toBe(0);
            expect(run.stdout).toMatch(
                /OnDemandSyncBridge\.js \(written\): raw \d+ bytes, minified \d+ bytes, gzip \d+ bytes/
            );
            expect(readFileSync(join(dir, BUNDLE), 'utf8')).toBe(fresh.code);
            expect(runCli(join(dir, 'scripts/build-bridge.mjs'), ['--check']).status).toBe(0);
        });

        it('--check fails on a bundle over 8 KB gzip-compressed and names the sizes', () => {
            // 12 KB of text that does not compress: the bundle grows past the limit.
            let seed = 1;
            const noise = Array.from({ length: 12000 }, () => {
                seed = (seed * 48271) % 2147483647;
                return String.fromCharCode(97 + (seed % 26));
            }).join('');
            writeFileSync(
                join(dir, 'src/bridge/browser.ts'),
                `${readFileSync(join(ROOT, 'src/bridge/browser.ts'), 'utf8')}export const NOISE = '${noise}';\n`
            );
            expect(runCli(join(dir, 'scripts/build-bridge.mjs'), []).status).toBe(0);
            const run = runCli(join(dir, 'scripts/build-bridge.mjs'), ['--check']);
            expect(run.status).toBe(1);
            expect(run.stderr).toContain('too large');
            expect(run.stderr).toMatch(/gzip \d+ bytes .*OVER the limit of 8192/);
        });

        it('refuses to build a bundle with dynamic code', () => {
            writeFileSync(
                join(dir, 'src/bridge/browser.ts'),
                'export const run = (code: string): unknown => eval(code);\n'
            );
            const run = runCli(join(dir, 'scripts/build-bridge.mjs'), []);
            expect(run.status).toBe(1);
            expect(run.stderr).toContain('forbidden dynamic code');
            expect(readFileSync(join(dir, BUNDLE), 'utf8')).toBe(fresh.code);
        });
    });
});
