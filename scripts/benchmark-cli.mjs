// Benchmark of the command line (prints numbers; not a test):
//   node scripts/benchmark-cli.mjs [--ids 1000] [--scenarios 50x4,200x4,200x10] [--runs 5]
//                                  [--warmup 1] [--naive-ids 100] [--naive-runs 3] [--json]
// Each scenario is <latency ms>x<concurrency>. For each, an emulated org runs in its own process
// (like a real org) holding N billing accounts whose REST answers each leave L ms after their
// request arrived (the org's own work falls inside that time), and:
//   1. the real command line, `node bin/zuora-sync.js --file <N ids> --out <file> --json
//      --concurrency C`, runs as a child process: after --warmup unmeasured runs, --runs
//      measured ones, each against a fresh org. Wall time is spawn to exit. The ideal is
//      ceil(N/10) requests in waves of C, each wave L ms: ceil(ceil(N/10) / C) x L. Printed:
//      median (min-max) of wall / ideal, the REST requests the org received (goal: ceil(N/10)
//      plus a constant), and where the time went: start-up (spawn to the first request),
//      sending (first request to last answer, against the ideal), and exit (last answer to exit).
//   2. the naive peer, one REST request per id with jsforce from this process, on a fresh org
//      over --naive-ids ids (extrapolated to N), one after the other and C at a time, so that the
//      batching factor (naive at C / zuora-sync at C) and the concurrency factor (naive
//      sequential / naive at C) are shown apart.
// Goals (ratio wall / ideal, median): <= 1.08 at 50 ms and concurrency 4; <= 1.05 at 200 ms.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildCli } from './build-cli.mjs';
import { buildOrgServer, runProcess, startOrg, TOKEN } from './benchmark-org.mjs';

const BATCH = 10;

/** Goal for the median ratio wall / ideal, by latency. */
const goalFor = (latency) => (latency >= 200 ? 1.05 : 1.08);

function parseOptions(argv) {
    const options = {
        ids: 1000,
        scenarios: [
            { latency: 50, concurrency: 4 },
            { latency: 200, concurrency: 4 },
            { latency: 200, concurrency: 10 }
        ],
        runs: 5,
        warmup: 1,
        naiveIds: 100,
        naiveRuns: 3,
        json: false
    };
    const numbers = { '--ids': 'ids', '--runs': 'runs', '--warmup': 'warmup' };
    Object.assign(numbers, { '--naive-ids': 'naiveIds', '--naive-runs': 'naiveRuns' });
    for (let index = 0; index < argv.length; index++) {
        const name = argv[index];
        const value = argv[index + 1];
        if (name === '--json') {
            options.json = true;
        } else if (name === '--scenarios') {
            options.scenarios = value.split(',').map((text) => {
                const [latency, concurrency] = text.split('x').map(Number);
                if (!(latency >= 0) || !(concurrency >= 1 && concurrency <= 10)) {
                    throw new Error(`A scenario is <latency ms>x<concurrency 1..10>, not ${text}`);
                }
                return { latency, concurrency };
            });
            index++;
        } else if (numbers[name]) {
            options[numbers[name]] = Number(value);
            index++;
        } else {
            throw new Error(`Unknown option ${name}`);
        }
    }
    if (!(options.runs >= 1)) throw new Error('--runs must be at least 1');
    options.naiveIds = Math.min(options.naiveIds, options.ids);
    return options;
}

const waves = (requests, concurrency) => Math.ceil(requests / concurrency);

/** One measured run of zuora-sync against a fresh org. */
async function runCli(server, options, scenario, directory, index) {
    const { latency, concurrency } = scenario;
    const org = await startOrg(server, options.ids, { faults: { latencyMs: latency } });
    try {
        const idsFile = join(directory, `ids-${index}.txt`);
        const out = join(directory, `run-${index}.jsonl`);
        writeFileSync(idsFile, `${org.ids.join('\n')}\n`);
        const run = await runProcess(
            ['--file', idsFile, '--out', out, '--concurrency', String(concurrency), '--json'],
            { SF_INSTANCE_URL: org.url, SF_ACCESS_TOKEN: TOKEN }
        );
        const document = JSON.parse(run.stdout);
        const received = await org.requests();
        const arrivals = received.map((request) => Date.parse(request.at));
        const answers = received.map((request, at) => arrivals[at] + request.durationMs);
        const firstArrival = Math.min(...arrivals);
        const lastAnswer = Math.max(...answers);
        const idealMs = waves(Math.ceil(options.ids / BATCH), concurrency) * latency;
        return {
            exitCode: run.code,
            requested: document.result.summary.requested,
            restRequests: received.length,
            wallMs: run.wallMs,
            idealMs,
            ratio: run.wallMs / idealMs,
            startupMs: firstArrival - run.startedAt,
            sendingRatio: (lastAnswer - firstArrival) / idealMs,
            exitMs: run.startedAt + run.wallMs - lastAnswer
        };
    } finally {
        org.stop();
    }
}

/** One run of the naive peer over `sample` ids, `concurrency` requests in flight. */
async function runNaive(server, options, latency, concurrency) {
    const org = await startOrg(server, options.naiveIds, { faults: { latencyMs: latency } });
    try {
        const { Connection } = createRequire(import.meta.url)('jsforce');
        const conn = new Connection({ instanceUrl: org.url, accessToken: TOKEN, version: '65.0' });
        const queue = [...org.ids];
        const started = performance.now();
        await Promise.all(
            Array.from({ length: concurrency }, async () => {
                for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
                    await conn.apex.post('/zuora/ondemandsync/v1/sync', {
                        objectType: 'BILLING_ACCOUNT',
                        ids: [id],
                        zuoraIds: [],
                        source: 'CLI'
                    });
                }
            })
        );
        const measuredMs = performance.now() - started;
        const received = (await org.requests()).length;
        // Extrapolated to N ids by the number of waves.
        const scale = waves(options.ids, concurrency) / waves(org.ids.length, concurrency);
        return {
            restRequests: Math.round(received * (options.ids / org.ids.length)),
            wallMs: measuredMs * scale,
            idealMs: waves(options.ids, concurrency) * latency
        };
    } finally {
        org.stop();
    }
}

function statsOf(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: values };
}

function summarise(runs) {
    const keys = ['wallMs', 'ratio', 'startupMs', 'sendingRatio', 'exitMs', 'restRequests'];
    return Object.fromEntries(keys.map((key) => [key, statsOf(runs.map((run) => run[key]))]));
}

async function measureScenario(server, options, scenario, directory, naiveCache) {
    for (let index = 0; index < options.warmup; index++) {
        await runCli(server, options, scenario, directory, `warmup-${index}`);
    }
    const runs = [];
    for (let index = 0; index < options.runs; index++) {
        runs.push(await runCli(server, options, scenario, directory, index));
    }
    const naiveAt = async (concurrency) => {
        const key = `${scenario.latency}x${concurrency}`;
        if (!naiveCache.has(key)) {
            const measured = [];
            for (let index = 0; index < options.naiveRuns; index++) {
                measured.push(await runNaive(server, options, scenario.latency, concurrency));
            }
            naiveCache.set(key, {
                restRequests: measured[0].restRequests,
                idealMs: measured[0].idealMs,
                wallMs: statsOf(measured.map((run) => run.wallMs))
            });
        }
        return naiveCache.get(key);
    };
    return {
        ...scenario,
        ids: options.ids,
        idealMs: runs[0].idealMs,
        goal: goalFor(scenario.latency),
        failedRuns: runs.filter((run) => run.exitCode !== 0 || run.requested !== options.ids)
            .length,
        cli: summarise(runs),
        naive: {
            sequential: await naiveAt(1),
            concurrent: await naiveAt(scenario.concurrency)
        }
    };
}

const ms = (value) => `${Math.round(value)}`;
const ratio = (value) => value.toFixed(2);
const spread = (stats, format) =>
    `${format(stats.median)} (${format(stats.min)}-${format(stats.max)})`;

function print(report) {
    const header = [
        'latency',
        'conc',
        'REST req',
        'ideal ms',
        'wall ms',
        'ratio',
        'goal',
        'start-up ms',
        'sending ratio',
        'exit ms'
    ];
    const rows = [header];
    for (const scenario of report.scenarios) {
        const { cli } = scenario;
        rows.push([
            `${scenario.latency} ms`,
            String(scenario.concurrency),
            spread(cli.restRequests, String),
            String(scenario.idealMs),
            spread(cli.wallMs, ms),
            spread(cli.ratio, ratio),
            `<= ${scenario.goal} ${cli.ratio.median <= scenario.goal ? 'met' : 'MISSED'}`,
            spread(cli.startupMs, ms),
            spread(cli.sendingRatio, ratio),
            spread(cli.exitMs, ms)
        ]);
    }
    const widths = header.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    const table = rows.map((row) =>
        row.map((cell, column) => cell.padStart(widths[column])).join('  ')
    );
    const lines = [
        `zuora-sync benchmark: ${report.ids} ids in batches of ${BATCH}, the real bin/zuora-sync.js ` +
            `process (--file, --out, --json); median (min-max) of ${report.runs} runs after ` +
            `${report.warmup} warm-up, each against a fresh emulated org`,
        '',
        ...table,
        '',
        `ideal = ceil(ceil(${report.ids}/${BATCH}) / concurrency) x latency; ratio = wall / ideal (wall: spawn to exit).`,
        'start-up: spawn to the first request the org received; sending ratio: first request to ' +
            'last answer, / ideal; exit: last answer to the end of the process.',
        '',
        `naive peer: one REST request per id (jsforce, inside the benchmark process), median of ` +
            `${report.naiveRuns} runs over ${report.naiveIds} ids, extrapolated to ${report.ids}:`
    ];
    for (const scenario of report.scenarios) {
        const { sequential, concurrent } = scenario.naive;
        const cliWall = scenario.cli.wallMs.median;
        lines.push(
            `  ${scenario.latency} ms: sequential ${ms(sequential.wallMs.median)} ms ` +
                `(ideal ${sequential.idealMs}); at concurrency ${scenario.concurrency} ` +
                `${ms(concurrent.wallMs.median)} ms (ideal ${concurrent.idealMs}), ` +
                `${concurrent.restRequests} REST requests. ` +
                `Batching factor ${(concurrent.wallMs.median / cliWall).toFixed(1)}x, ` +
                `concurrency factor ${(sequential.wallMs.median / concurrent.wallMs.median).toFixed(1)}x, ` +
                `zuora-sync vs naive sequential ${(sequential.wallMs.median / cliWall).toFixed(1)}x`
        );
    }
    const failed = report.scenarios.reduce((sum, scenario) => sum + scenario.failedRuns, 0);
    if (failed > 0) {
        lines.push('', `${failed} run(s) did not request every id or exited non-zero.`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
}

async function main() {
    const options = parseOptions(process.argv.slice(2));
    const directory = mkdtempSync(join(tmpdir(), 'zuora-sync-benchmark-'));
    try {
        // Built once up front, so that no measured run pays for a rebuild of the bundle.
        await buildCli();
        const server = await buildOrgServer('benchmark-cli');
        const naiveCache = new Map();
        const scenarios = [];
        for (const scenario of options.scenarios) {
            scenarios.push(await measureScenario(server, options, scenario, directory, naiveCache));
        }
        const report = {
            ids: options.ids,
            runs: options.runs,
            warmup: options.warmup,
            naiveIds: options.naiveIds,
            naiveRuns: options.naiveRuns,
            scenarios
        };
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
