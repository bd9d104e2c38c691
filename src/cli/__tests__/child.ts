/**
 * The command line as a real process: the bundle built from the sources, run with its own
 * environment (a time zone, a token) and real signals.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { pathToFileURL } from 'url';

const ROOT = resolve(__dirname, '../../..');

/** Bundles the command line with scripts/build-cli.mjs (an ES module: run in a child process). */
export function buildCliInto(outfile: string): void {
    const script = pathToFileURL(join(ROOT, 'scripts/build-cli.mjs')).href;
    const code = `import { buildCli } from ${JSON.stringify(script)};
await buildCli({ outfile: ${JSON.stringify(outfile)} });`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
        encoding: 'utf8'
    });
    if (run.status !== 0) {
        throw new Error(`Build of the command line failed: ${run.stderr}`);
    }
}

export async function waitFor(check: () => boolean, timeoutMs = 10000): Promise<void> {
    const started = Date.now();
    while (!check()) {
        if (Date.now() - started > timeoutMs) {
            throw new Error('timed out waiting');
        }
        await new Promise((resolvePromise) => setTimeout(resolvePromise, 5));
    }
}

export function exited(
    child: ChildProcess
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return new Promise((resolvePromise) =>
        child.on('exit', (code, signal) => resolvePromise({ code, signal }))
    );
}

/**
 * For the tests of the enclosing describe: the command line bundled once into a temporary
 * directory (removed after them); `bundle` is set when the tests run.
 */
export function bundledCli(): { bundle: string; dir: string } {
    const built = { bundle: '', dir: '' };
    beforeAll(() => {
        built.dir = mkdtempSync(join(tmpdir(), 'zuora-sync-cli-'));
        built.bundle = join(built.dir, 'zuora-sync.js');
        buildCliInto(built.bundle);
    }, 60_000);
    afterAll(() => rmSync(built.dir, { recursive: true, force: true }));
    return built;
}

/** A running command line whose output is collected as it comes. */
export interface ChildRun {
    readonly child: ChildProcess;
    readonly stdout: () => string;
    readonly stderr: () => string;
    /** Resolves with the exit code once the process has ended. */
    readonly done: Promise<number | null>;
}

/** Starts the bundle with `args` and exactly the environment `env` (no other variable). */
export function startChild(
    bundle: string,
    args: readonly string[],
    env: NodeJS.ProcessEnv
): ChildRun {
    const child = spawn(process.execPath, [bundle, ...args], {
        env: { PATH: process.env.PATH, ...env },
        stdio: ['ignore', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return {
        child,
        stdout: () => stdout,
        stderr: () => stderr,
        done: exited(child).then(({ code }) => code)
    };
}
