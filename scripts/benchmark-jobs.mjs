// Benchmark of background jobs (prints numbers; not a test):
//   node scripts/benchmark-jobs.mjs [--sizes 40,400,4000] [--latency 50] [--json]
// For each size N, an emulated org in its own process holds an Account with N billing accounts
// (REST answers leave --latency ms after their request arrived; background executions run as
// soon as they are enqueued), and the real command line runs as a child process twice, each
// time against a fresh org:
//   batch:      zuora-sync --file <N ids> --json                      (ceil(N/10) POSTs)
//   background: zuora-sync --file <N ids> --background --wait --json (ceil(N/2000) POSTs, then polls)
// Printed per size: the REST requests each mode made, the async Apex executions the job used
// (the org's DailyAsyncApexExecutions), and the wall time of each process (spawn to exit).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from './build-cli.mjs';
import { buildOrgServer, runProcess, startOrg, TOKEN } from './benchmark-org.mjs';

const POLL_MS = 250;

function parseOptions(argv) {
    const options = { sizes: [40, 400, 4000], latency: 50, json: false };
    for (let index = 0; index < argv.length; index++) {
        const name = argv[index];
        if (name === '--json') options.json = true;
        else if (name === '--sizes') options.sizes = argv[++index].split(',').map(Number);
        else if (name === '--latency') options.latency = Number(argv[++index]);
        else throw new Error(`Unknown option ${name}`);
    }
    if (options.sizes.some((size) => !(Number.isInteger(size) && size > 0))) {
        throw new Error('--sizes takes whole numbers above 0, e.g. 40,400,4000');
    }
    return options;
}

const asyncUsed = (state) =>
    state.limits.find((limit) => limit.name === 'DailyAsyncApexExecutions').used;

/** One run of the command line in a mode against a fresh org. */
async function measure(server, size, latency, background, directory) {
    const org = await startOrg(server, size, {
        faults: { latencyMs: latency },
        backgroundExecutionDelayMs: 0
    });
    try {
        const before = asyncUsed(await org.state());
        const idsFile = join(directory, `ids-${size}.txt`);
        writeFileSync(idsFile, `${org.ids.join('\n')}\n`);
        const args = ['--file', idsFile, '--json'];
        const run = await runProcess(background ? [...args, '--background', '--wait'] : args, {
            SF_INSTANCE_URL: org.url,
            SF_ACCESS_TOKEN: TOKEN,
            ZUORA_SYNC_POLL_MS: String(POLL_MS)
        });
        const document = JSON.parse(run.stdout);
        const state = await org.state();
        return {
            exitCode: run.code,
            requested: document.result.summary.requested,
            restRequests: state.requests.length,
            asyncExecutions: asyncUsed(state) - before,
            wallMs: Math.round(run.wallMs)
        };
    } finally {
        org.stop();
    }
}

async function main() {
    const options = parseOptions(process.argv.slice(2));
    const directory = mkdtempSync(join(tmpdir(), 'zuora-sync-bench-jobs-'));
    try {
        await buildCli();
        const server = await buildOrgServer('benchmark-jobs');
        const rows = [];
        for (const size of options.sizes) {
            rows.push({
                size,
                batch: await measure(server, size, options.latency, false, directory),
                background: await measure(server, size, options.latency, true, directory)
            });
        }
        if (options.json) {
            process.stdout.write(
                `${JSON.stringify({ latency: options.latency, rows }, null, 2)}\n`
            );
            return;
        }
        process.stdout.write(
            `Background jobs vs batches: N billing accounts, REST answers after ${options.latency} ms, the real bin/zuora-sync.js process, one run each against a fresh emulated org\n\n`
        );
        process.stdout.write(
            '      N  REST req batch  REST req background  async executions  wall ms batch  wall ms background  requested batch/background\n'
        );
        for (const { size, batch, background } of rows) {
            process.stdout.write(
                `${String(size).padStart(7)}  ${String(batch.restRequests).padStart(14)}  ${String(background.restRequests).padStart(19)}  ${String(background.asyncExecutions).padStart(16)}  ${String(batch.wallMs).padStart(13)}  ${String(background.wallMs).padStart(18)}  ${batch.requested}/${background.requested}\n`
            );
        }
        process.stdout.write(
            `\nbackground REST requests = ceil(N/2000) POSTs + one GET per job and --wait poll (every ${POLL_MS} ms here); batch = ceil(N/10) POSTs.\n`
        );
    } finally {
        rmSync(directory, { recursive: true, force: true });
    }
}

main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
    process.exitCode = 1;
});
