// What the benchmarks share: the emulated org in its own process (like a real org, so that its
// work does not share a thread with the measuring) and the real command line as a child process.
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { nodeBundleOptions, projectRoot } from './build-cli.mjs';

export const TOKEN = 'benchmark-session-token';
const BIN = join(projectRoot, 'bin', 'zuora-sync.js');

/**
 * The emulated org, bundled from its TypeScript sources into a CommonJS file under
 * .tmp/<name>/ (inside the project, where the emulator finds the project's labels), and a small
 * script that serves it with N generated billing accounts and the given org options (JSON).
 */
export async function buildOrgServer(name) {
    const directory = join(projectRoot, '.tmp', name);
    const bundle = join(directory, 'org-emulator.cjs');
    await build(nodeBundleOptions({ entry: 'src/org-emulator/index.ts', outfile: bundle }));
    const server = join(directory, 'org-server.cjs');
    writeFileSync(
        server,
        `const emulator = require(${JSON.stringify(bundle)});
const count = Number(process.argv[2]);
const options = JSON.parse(process.argv[3] || '{}');
emulator.startEmulatedOrg({ port: 0, apiRequestsMax: 10000000, ...options }).then((running) => {
    const generated = emulator.generateBillingAccounts(count, { firstNumber: 50000 });
    running.org.seed({ accounts: [generated.account], billingAccounts: generated.billingAccounts });
    process.stdout.write(JSON.stringify({ url: running.url, accountId: generated.account.id, ids: generated.billingAccounts.map((r) => r.id) }) + '\\n');
});
`
    );
    return server;
}

/** Starts an org process; resolves to { url, accountId, ids, state(), requests(), stop() }. */
export function startOrg(server, count, orgOptions = {}) {
    const child = spawn(process.execPath, [server, String(count), JSON.stringify(orgOptions)], {
        stdio: ['ignore', 'pipe', 'inherit']
    });
    return new Promise((resolvePromise, reject) => {
        let text = '';
        child.on('error', reject);
        child.stdout.on('data', (chunk) => {
            text += chunk;
            if (text.includes('\n')) {
                const { url, accountId, ids } = JSON.parse(text);
                const state = async () => (await fetch(`${url}/__emulator/state`)).json();
                resolvePromise({
                    url,
                    accountId,
                    ids,
                    state,
                    requests: async () => (await state()).requests,
                    stop: () => child.kill()
                });
            }
        });
    });
}

/** Runs the command line as a child process; resolves to { code, stdout, startedAt, wallMs }. */
export function runProcess(args, env) {
    return new Promise((resolvePromise, reject) => {
        const startedAt = Date.now();
        const started = performance.now();
        const child = spawn(process.execPath, [BIN, ...args], {
            env: { ...process.env, ...env },
            stdio: ['ignore', 'pipe', 'ignore']
        });
        let stdout = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.on('error', reject);
        child.on('close', (code) =>
            resolvePromise({ code, stdout, startedAt, wallMs: performance.now() - started })
        );
    });
}
