// Fault-and-kill soak of the command line (prints numbers; seeded, so a run can be repeated):
//   node scripts/soak.mjs [--runs 100] [--ids 100] [--seed 1] [--max-seconds 900]
//                          [--from 1] [--json] [--verbose]
// Each run starts an emulated org holding --ids billing accounts behind a front that resets
// connections, loses answers, holds requests past the command line's timeout and echoes the
// session token in error messages, with random latency, 503s and Zuora refusals in the org.
// It runs the real command line (the built bundle, in its own process) with --out, kills it
// with SIGKILL (or two SIGTERMs) at a random moment, resumes with --resume until the run is
// complete (the org's temporary faults end before the last tries), then counts:
//   lost        ids reported REQUESTED or SKIPPED that Zuora never received, or dropped from the run
//   synced twice ids Zuora received more than once (the emulated Zuora's own record)
//   non-final   ids whose last --out line is missing or NOT_SENT after the last resume
//   leaks       outputs and files (stdout, stderr, --out, run file, in-flight log) holding the token
// Exits 1 when any count is above 0; the runs that had a problem are listed with their ids.
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildCli, nodeBundleOptions, projectRoot } from './build-cli.mjs';

const TOKEN = '00DSOAK0000000!AQ4AQSoakSessionToken.never-shown-9876543210';
const FINAL = new Set(['REQUESTED', 'FAILED', 'SKIPPED']);
const REFUSAL = 'Zuora refused: the account is closed';
/** Tries per run: the first and the resumes; the org's temporary faults end for the last two. */
const TRIES = 7;
const CALM_TRIES = 2;
const CLI_ENV = {
    ZUORA_SYNC_RETRY_BASE_MS: '5',
    ZUORA_SYNC_RETRY_MAX_MS: '40',
    ZUORA_SYNC_MAX_ATTEMPTS: '3',
    ZUORA_SYNC_REQUEST_TIMEOUT_MS: '600'
};

function parseOptions(argv) {
    const options = {
        from: 1,
        runs: 100,
        ids: 100,
        seed: 1,
        maxSeconds: 900,
        json: false,
        verbose: false
    };
    for (let index = 0; index < argv.length; index++) {
        const name = argv[index];
        if (name === '--json' || name === '--verbose') {
            options[name.slice(2)] = true;
            continue;
        }
        const key = {
            '--runs': 'runs',
            '--ids': 'ids',
            '--seed': 'seed',
            '--max-seconds': 'maxSeconds',
            '--from': 'from'
        }[name];
        const value = Number(argv[index + 1]);
        if (key === undefined || !Number.isInteger(value) || value < 1) {
            throw new Error(`Unknown option or bad value: ${name} ${argv[index + 1] ?? ''}`);
        }
        options[key] = value;
        index++;
    }
    return options;
}

/** A small seeded generator (mulberry32): the same seed gives the same faults and kills. */
function seeded(seed) {
    let state = seed >>> 0;
    const next = () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    return {
        next,
        int: (min, max) => min + Math.floor(next() * (max - min + 1)),
        pick: (list) => list[Math.floor(next() * list.length)]
    };
}

async function buildBundles() {
    // Inside the project, where the emulator finds the project's labels; one per process.
    const directory = join(projectRoot, '.tmp', `soak-${process.pid}`);
    const cli = join(directory, 'zuora-sync.cjs');
    const emulator = join(directory, 'org-emulator.cjs');
    await buildCli({ outfile: cli });
    await build(nodeBundleOptions({ entry: 'src/org-emulator/index.ts', outfile: emulator }));
    return {
        cli,
        emulator: createRequire(import.meta.url)(emulator),
        remove: () => rmSync(directory, { recursive: true, force: true })
    };
}

/**
 * A front before the org's handler that does, request by request, what `action()` draws: pass,
 * reset (the connection drops before the org sees it), lose (the org takes it, the answer is
 * lost), hold (the org gets it after the command line's timeout) or echo (a 500 whose message
 * holds the Authorization header).
 */
async function startFront(emulator, org, action) {
    const handle = emulator.createOrgRequestHandler(org);
    const server = createServer((request, response) => {
        const what = request.url.includes('/__emulator/') ? 'pass' : action();
        if (what === 'reset') {
            request.socket.destroy();
        } else if (what === 'lose') {
            response.end = () => {
                request.socket.destroy();
                return response;
            };
            void handle(request, response);
        } else if (what === 'hold') {
            setTimeout(() => void handle(request, response), 800);
        } else if (what === 'echo') {
            response.writeHead(500, { 'Content-Type': 'application/json' });
            response.end(
                JSON.stringify([
                    {
                        errorCode: 'UNKNOWN_EXCEPTION',
                        message: `Session ${request.headers.authorization} is being refreshed`
                    }
                ])
            );
        } else {
            void handle(request, response);
        }
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
        url: `http://127.0.0.1:${server.address().port}`,
        close: () =>
            new Promise((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            })
    };
}

/** Runs the command line once; kills it after `killAfterMs` when set. */
function runOnce(cli, args, cwd, url, kill) {
    return new Promise((resolve) => {
        const child = spawn(process.execPath, [cli, ...args], {
            cwd,
            env: {
                PATH: process.env.PATH,
                ...CLI_ENV,
                SF_INSTANCE_URL: url,
                SF_ACCESS_TOKEN: TOKEN
            },
            stdio: ['ignore', 'pipe', 'pipe']
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        let timer = null;
        if (kill !== null) {
            timer = setTimeout(() => {
                if (kill.how === 'SIGKILL') {
                    child.kill('SIGKILL');
                } else {
                    child.kill('SIGTERM');
                    setTimeout(() => child.kill('SIGTERM'), 5);
                }
            }, kill.afterMs);
        }
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            resolve({ code, signal, stdout, stderr });
        });
    });
}

function lastLines(path) {
    const last = new Map();
    let text = '';
    try {
        text = readFileSync(path, 'utf8');
    } catch {
        return last;
    }
    for (const line of text.split('\n')) {
        try {
            const record = JSON.parse(line);
            if (typeof record.id === 'string') {
                last.set(record.id, record.status);
            }
        } catch {
            // A line cut short by a kill.
        }
    }
    return last;
}

async function soakRun(bundles, options, number) {
    const random = seeded(options.seed * 100003 + number);
    const { emulator, cli } = bundles;
    const running = await emulator.startEmulatedOrg({ port: 0, apiRequestsMax: 10000000 });
    const generated = emulator.generateBillingAccounts(options.ids, { firstNumber: 1000 });
    running.org.seed({ accounts: [generated.account], billingAccounts: generated.billingAccounts });
    const ids = generated.billingAccounts.map((record) => record.id);
    const refused = random.next() < 0.5 ? [random.pick(ids)] : [];
    const others = ids.filter((id) => !refused.includes(id));
    const broken = random.next() < 0.3 ? [random.pick(others)] : [];
    const failures = Object.fromEntries([
        ...refused.map((id) => [id, REFUSAL]),
        ...broken.map((id) => [id, { errorCode: 'ZUORA_ERROR', status: 500 }])
    ]);
    const stormy = {
        latencyMs: random.int(0, 40),
        errorRate: random.pick([0, 0, 0.05, 0.15]),
        seed: number,
        zuoraLatencyMs: random.int(0, 20),
        failures
    };
    running.org.injectFaults(stormy);
    let calm = false;
    const front = await startFront(emulator, running.org, () => {
        const draw = random.next();
        if (calm || draw >= 0.14) {
            return 'pass';
        }
        return draw < 0.04 ? 'reset' : draw < 0.08 ? 'lose' : draw < 0.11 ? 'hold' : 'echo';
    });
    const dir = mkdtempSync(join(tmpdir(), 'zuora-sync-soak-'));
    const texts = [];
    const concurrency = String(random.int(1, 4));
    try {
        writeFileSync(join(dir, 'ids.txt'), `${ids.join('\n')}\n`);
        const out = join(dir, 'run.jsonl');
        for (let attempt = 0; attempt < TRIES; attempt++) {
            if (attempt === TRIES - CALM_TRIES) {
                // The org recovers: its temporary faults end; Zuora's refusals stay.
                calm = true;
                running.org.injectFaults({
                    failures: Object.fromEntries(refused.map((id) => [id, REFUSAL]))
                });
            }
            // A resume: --resume alone, or the original command line with --resume added (the
            // only way when the run was killed before its run file was written).
            const original = ['--file', 'ids.txt', '--out', 'run.jsonl'];
            const resume =
                existsSync(`${out}.run.json`) && random.next() < 0.5
                    ? ['--resume', 'run.jsonl']
                    : [...original, '--resume', 'run.jsonl'];
            const args = [
                ...(attempt === 0 ? original : resume),
                '--json',
                '--concurrency',
                concurrency
            ];
            const kill =
                !calm && random.next() < 0.6
                    ? {
                          afterMs: random.int(10, 500),
                          how: random.next() < 0.8 ? 'SIGKILL' : 'SIGTERM'
                      }
                    : null;
            const result = await runOnce(cli, args, dir, front.url, kill);
            texts.push(result.stdout, result.stderr);
            if (options.verbose) {
                process.stderr.write(
                    `run ${number} try ${attempt + 1}: ${args.join(' ')} -> ${result.signal ?? result.code}${
                        kill === null ? '' : ` (${kill.how} after ${kill.afterMs} ms)`
                    } files: ${readdirSync(dir).join(' ')}\n${result.stderr.replace(/^/gm, '    ')}\n`
                );
            }
            const last = lastLines(out);
            if (result.signal === null && ids.every((id) => FINAL.has(last.get(id)))) {
                break;
            }
        }
        for (const name of readdirSync(dir)) {
            texts.push(readFileSync(join(dir, name), 'utf8'));
        }
        const last = lastLines(out);
        let runItems = [];
        try {
            runItems = JSON.parse(readFileSync(`${out}.run.json`, 'utf8')).items;
        } catch {
            // No run file: every id is missing from the run.
        }
        const jobs = new Map();
        const zuoraJobs = running.org.state().zuoraJobs;
        for (const job of zuoraJobs) {
            jobs.set(job.recordId, (jobs.get(job.recordId) ?? 0) + 1);
        }
        if (options.verbose) {
            const twice = zuoraJobs.filter((job) => (jobs.get(job.recordId) ?? 0) > 1);
            process.stderr.write(
                twice
                    .slice(0, 6)
                    .map((job) => `  Zuora job ${job.recordId} ${job.requestedAt} ${job.state}\n`)
                    .join('')
            );
        }
        const inRun = new Set(runItems);
        if (options.verbose) {
            process.stderr.write(
                `run ${number}: files ${readdirSync(dir).join(', ')}; run items ${runItems.length}; Zuora jobs ${jobs.size}\n`
            );
        }
        return {
            run: number,
            lost: ids.filter(
                (id) =>
                    !inRun.has(id) ||
                    ((last.get(id) === 'REQUESTED' || last.get(id) === 'SKIPPED') && !jobs.has(id))
            ),
            twice: ids.filter((id) => (jobs.get(id) ?? 0) > 1),
            nonFinal: ids.filter((id) => !FINAL.has(last.get(id))),
            leaks: texts.filter((text) => text.includes(TOKEN)).length
        };
    } finally {
        rmSync(dir, { recursive: true, force: true });
        await front.close();
        await running.close();
    }
}

async function main() {
    const options = parseOptions(process.argv.slice(2));
    const started = performance.now();
    const bundles = await buildBundles();
    const runs = [];
    for (let number = options.from; number < options.from + options.runs; number++) {
        if ((performance.now() - started) / 1000 > options.maxSeconds) {
            break;
        }
        const outcome = await soakRun(bundles, options, number).catch((error) => {
            bundles.remove();
            throw error;
        });
        runs.push(outcome);
        if (!options.json) {
            const bad =
                outcome.lost.length +
                outcome.twice.length +
                outcome.nonFinal.length +
                outcome.leaks;
            process.stderr.write(`run ${number}: ${bad === 0 ? 'ok' : 'PROBLEM'}\n`);
        }
    }
    bundles.remove();
    const sum = (pick) => runs.reduce((total, run) => total + pick(run), 0);
    const report = {
        seed: options.seed,
        runs: runs.length,
        idsPerRun: options.ids,
        lost: sum((run) => run.lost.length),
        syncedTwice: sum((run) => run.twice.length),
        nonFinal: sum((run) => run.nonFinal.length),
        leaks: sum((run) => run.leaks),
        seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
        problems: runs
            .filter(
                (run) => run.lost.length + run.twice.length + run.nonFinal.length + run.leaks > 0
            )
            .map((run) => ({
                run: run.run,
                lost: run.lost,
                syncedTwice: run.twice,
                nonFinal: run.nonFinal,
                leaks: run.leaks
            }))
    };
    if (options.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
        const lines = [
            `zuora-sync soak, seed ${report.seed}: ${report.runs} runs of ${report.idsPerRun} ids in ${report.seconds} s`,
            `  ids lost:          ${report.lost}`,
            `  ids synced twice:  ${report.syncedTwice} (in the emulated Zuora's own record)`,
            `  ids left non-final: ${report.nonFinal}`,
            `  token leaks:       ${report.leaks}`,
            ...report.problems.map(
                (problem) =>
                    `  run ${problem.run}: lost ${problem.lost.join(' ') || '-'}; twice ${
                        problem.syncedTwice.join(' ') || '-'
                    }; non-final ${problem.nonFinal.join(' ') || '-'}; leaks ${problem.leaks}`
            )
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
    }
    process.exitCode =
        report.lost + report.syncedTwice + report.nonFinal + report.leaks > 0 ? 1 : 0;
}

main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
    process.exitCode = 2;
});
