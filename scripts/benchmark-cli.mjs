// Benchmark of the command line (prints numbers; not a test):
//   node scripts/benchmark-cli.mjs [--ids 1000] [--latency 200] [--concurrency 1,4,10]
//                                  [--naive-ids 100] [--json]
// Starts an emulated org (in its own process, like a real org) holding N billing accounts whose
// REST answers each take L ms, then:
//   1. runs zuora-sync (the built bundle, in this process, writing an --out file) over the N ids
//      at each concurrency: REST requests used (goal: ceil(N/10) plus a constant) and wall time
//      against the ideal ceil(N/10) / concurrency x L (goal: ratio at most 1.15 at the default
//      concurrency 4);
//   2. runs the naive loop, one REST request per id one after the other, on a fresh org, over
//      --naive-ids ids (default 100, extrapolated to N; --naive-ids 1000 measures all of them).
// The default L of 200 ms is still short for a real org (a sync request makes up to 10 Zuora
// callouts); with a few tens of ms, the fixed cost of each request (jsforce, HTTP, the org's
// own work, all on one small machine) weighs more in the ratio.
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildCli, nodeBundleOptions, projectRoot } from './build-cli.mjs';

const DEFAULT_CONCURRENCY = 4;
const GOAL_RATIO = 1.15;
const TOKEN = 'benchmark-session-token';

function parseOptions(argv) {
    const options = {
        ids: 1000,
        latency: 200,
        concurrency: [1, 4, 10],
        naiveIds: 100,
        json: false
    };
    for (let index = 0; index < argv.length; index++) {
        const name = argv[index];
        const value = argv[index + 1];
        if (name === '--json') {
            options.json = true;
        } else if (name === '--ids') {
            options.ids = Number(value);
            index++;
        } else if (name === '--latency') {
            options.latency = Number(value);
            index++;
        } else if (name === '--concurrency') {
            options.concurrency = value.split(',').map(Number);
            index++;
        } else if (name === '--naive-ids') {
            options.naiveIds = Number(value);
            index++;
        } else {
            throw new Error(`Unknown option ${name}`);
        }
    }
    options.naiveIds = Math.min(options.naiveIds, options.ids);
    return options;
}

/**
 * The emulated org, bundled from its TypeScript sources into a CommonJS file under .tmp/ (inside
 * the project, where the emulator finds the project's labels), served by a small script in a
 * child process so that the org's work does not share this process's thread.
 */
async function buildOrgServer() {
    const directory = join(projectRoot, '.tmp', 'benchmark-cli');
    const bundle = join(directory, 'org-emulator.cjs');
    await build(nodeBundleOptions({ entry: 'src/org-emulator/index.ts', outfile: bundle }));
    const server = join(directory, 'org-server.cjs');
    writeFileSync(
        server,
        `const emulator = require(${JSON.stringify(bundle)});
const [count, latencyMs] = process.argv.slice(2).map(Number);
emulator.startEmulatedOrg({ port: 0, apiRequestsMax: 10000000, faults: { latencyMs } }).then((running) => {
    const generated = emulator.generateBillingAccounts(count, { firstNumber: 50000 });
    running.org.seed({ accounts: [generated.account], billingAccounts: generated.billingAccounts });
    process.stdout.write(JSON.stringify({ url: running.url, ids: generated.billingAccounts.map((r) => r.id) }) + '\\n');
});
`
    );
    return server;
}

/** Starts an org process; resolves to { url, ids, requests(), stop() }. */
function startOrg(server, count, latency) {
    const child = spawn(process.execPath, [server, String(count), String(latency)], {
        stdio: ['ignore', 'pipe', 'inherit']
    });
    return new Promise((resolvePromise, reject) => {
        let text = '';
        child.on('error', reject);
        child.stdout.on('data', (chunk) => {
            text += chunk;
            if (text.includes('\n')) {
                const { url, ids } = JSON.parse(text);
                resolvePromise({
                    url,
                    ids,
                    requests: async () =>
                        (await (await fetch(`${url}/__emulator/state`)).json()).requests,
                    stop: () => child.kill()
                });
            }
        });
    });
}

function mean(values) {
    return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}

const sink = { write: () => true };

async function runCli(cli, server, options, concurrency, directory) {
    const org = await startOrg(server, options.ids, options.latency);
    try {
        const idsFile = join(directory, `ids-${concurrency}.txt`);
        const out = join(directory, `run-${concurrency}.jsonl`);
        writeFileSync(idsFile, `${org.ids.join('\n')}\n`);
        let stdout = '';
        const started = performance.now();
        const code = await cli.main({
            argv: ['--file', idsFile, '--out', out, '--concurrency', String(concurrency), '--json'],
            env: { SF_INSTANCE_URL: org.url, SF_ACCESS_TOKEN: TOKEN },
            cwd: directory,
            streams: {
                stdout: { write: (text) => (stdout += text) },
                stderr: sink,
                stderrIsTTY: false
            }
        });
        const wallMs = performance.now() - started;
        const document = JSON.parse(stdout);
        const received = await org.requests();
        const batches = Math.ceil(options.ids / 10);
        const idealMs = Math.ceil(batches / concurrency) * options.latency;
        const serverMs = mean(received.map((request) => request.durationMs));
        return {
            concurrency,
            exitCode: code,
            requested: document.result.summary.requested,
            restRequests: document.result.apiRequests,
            restRequestsReceived: received.length,
            extraRequests: document.result.apiRequests - batches,
            wallMs: Math.round(wallMs),
            idealMs,
            ratio: Number((wallMs / idealMs).toFixed(3)),
            meanServerMs: Number(serverMs.toFixed(1)),
            ratioToServerTime: Number(
                (wallMs / (Math.ceil(batches / concurrency) * serverMs)).toFixed(3)
            )
        };
    } finally {
        org.stop();
    }
}

async function runNaive(server, options) {
    const org = await startOrg(server, options.ids, options.latency);
    try {
        const { Connection } = createRequire(import.meta.url)('jsforce');
        const conn = new Connection({ instanceUrl: org.url, accessToken: TOKEN, version: '65.0' });
        const sample = org.ids.slice(0, options.naiveIds);
        const started = performance.now();
        for (const id of sample) {
            await conn.apex.post('/zuora/ondemandsync/v1/sync', {
                objectType: 'BILLING_ACCOUNT',
                ids: [id],
                zuoraIds: [],
                source: 'CLI'
            });
        }
        const measuredMs = performance.now() - started;
        const received = await org.requests();
        return {
            idsMeasured: sample.length,
            restRequests: options.ids,
            restRequestsReceived: received.length,
            wallMs: Math.round((measuredMs * options.ids) / sample.length),
            extrapolated: sample.length < options.ids,
            idealMs: options.ids * options.latency
        };
    } finally {
        org.stop();
    }
}

function print(report) {
    const { ids, latencyMs } = report;
    const rows = [
        [
            'concurrency',
            'REST requests',
            'wall ms',
            'ideal ms',
            'ratio',
            'server ms/req',
            'ratio*',
            'requested',
            'exit'
        ]
    ];
    for (const run of report.cli) {
        rows.push([
            String(run.concurrency),
            `${run.restRequests} (${run.restRequests - run.extraRequests} + ${run.extraRequests})`,
            String(run.wallMs),
            String(run.idealMs),
            run.ratio.toFixed(2) +
                (run.concurrency === DEFAULT_CONCURRENCY
                    ? run.ratio <= GOAL_RATIO
                        ? ' ok'
                        : ' MISSED'
                    : ''),
            run.meanServerMs.toFixed(1),
            run.ratioToServerTime.toFixed(2),
            String(run.requested),
            String(run.exitCode)
        ]);
    }
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    const table = rows.map((row) =>
        row.map((cell, column) => cell.padStart(widths[column])).join('  ')
    );
    const naive = report.naive;
    const lines = [
        `zuora-sync benchmark: ${ids} ids, ${latencyMs} ms injected latency per REST answer, batches of 10`,
        '',
        ...table,
        '',
        `REST requests: ceil(${ids}/10) + extra. ideal = ceil(${ids}/10) / concurrency x ${latencyMs} ms; ` +
            `ratio = wall / ideal (goal <= ${GOAL_RATIO} at concurrency ${DEFAULT_CONCURRENCY}).`,
        'ratio* = wall / (waves x the mean time the org took per request, latency + its own work).',
        '',
        `naive loop (one request per id, one after the other): ${naive.restRequests} REST requests, ` +
            `${naive.wallMs} ms${naive.extrapolated ? ` (extrapolated from ${naive.idsMeasured} ids)` : ''}, ` +
            `ideal ${naive.idealMs} ms`
    ];
    const best = report.cli.find((run) => run.concurrency === DEFAULT_CONCURRENCY) ?? report.cli[0];
    if (best) {
        lines.push(
            `zuora-sync at concurrency ${best.concurrency}: ${(naive.wallMs / best.wallMs).toFixed(1)}x faster ` +
                `and ${(naive.restRequests / best.restRequests).toFixed(1)}x fewer REST requests than the naive loop`
        );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
}

async function main() {
    const options = parseOptions(process.argv.slice(2));
    const directory = mkdtempSync(join(tmpdir(), 'zuora-sync-benchmark-'));
    try {
        const { outfile } = await buildCli();
        const cli = createRequire(import.meta.url)(outfile);
        const server = await buildOrgServer();
        const cliRuns = [];
        for (const concurrency of options.concurrency) {
            cliRuns.push(await runCli(cli, server, options, concurrency, directory));
        }
        const naive = await runNaive(server, options);
        const report = { ids: options.ids, latencyMs: options.latency, cli: cliRuns, naive };
        if (options.json) {
            process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        } else {
            print(report);
        }
    } finally {
        rmSync(directory, { recursive: true, force: true });
    }
}

main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
    process.exitCode = 1;
});
