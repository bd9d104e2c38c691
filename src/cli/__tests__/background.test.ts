/**
 * zuora-sync --background, --wait and --job against an emulated org over real HTTP: jobs are
 * started with one request each, followed until they end, and the exit codes follow the counts.
 */
import { runCli, orgEnv, startOrg, tempDir, TOKEN } from './harness';
import type { EmulatedOrg, RunningOrg } from '../../org-emulator';

function requestsTo(org: EmulatedOrg, suffix: RegExp) {
    return org.receivedRequests().filter((request) => suffix.test(request.path));
}

describe('zuora-sync --background', () => {
    let running: RunningOrg;
    let url: string;
    let ids: string[];
    let accountId: string;

    beforeEach(async () => {
        ({ running, url, ids, accountId } = await startOrg(250));
    }, 60_000);

    afterEach(async () => {
        await running.close();
    }, 60_000);

    /** Each poll of --wait lets the org run one background execution. */
    const runOneExecution = async (): Promise<void> => {
        await running.org.jobs.runNext();
    };

    it('hands 250 ids to one job with one request, prints its id and exits 0 once queued', async () => {
        const run = await runCli([...ids, '--background'], { env: orgEnv(url) });

        expect(run.code).toBe(0);
        const posts = requestsTo(running.org, /\/v1\/jobs$/);
        expect(posts).toHaveLength(1);
        expect(requestsTo(running.org, /\/v1\/sync$/)).toHaveLength(0);
        const jobId = run.stdout.trim();
        expect(running.org.jobs.get(jobId)).toMatchObject({ total: 250, status: 'QUEUED' });
        expect(run.stderr).toContain(`zuora-sync --job ${jobId} --wait`);
        expect(`${run.stdout}${run.stderr}`).not.toContain(TOKEN);
    });

    it('--wait follows the job to the end: a handful of requests for 250 ids, exit 0', async () => {
        const run = await runCli([...ids, '--background', '--wait', '--json'], {
            env: orgEnv(url),
            sleep: runOneExecution
        });

        expect(run.code).toBe(0);
        const document = JSON.parse(run.stdout);
        expect(document.status).toBe(0);
        expect(document.result.summary).toEqual({
            total: 250,
            requested: 250,
            failed: 0,
            skipped: 0,
            notSent: 0
        });
        expect(document.result.jobs[0].status).toBe('COMPLETED');
        // 1 POST + one GET per execution (3 for 250 ids at 90 per execution) + the final read
        expect(document.result.apiRequests).toBeLessThanOrEqual(5);
        expect(running.org.jobs.executions()).toBe(3);
    });

    it('--account starts one job per Account without listing it; exit 1 when items were skipped', async () => {
        await running.org.service.requestSync({ ids: ids.slice(0, 2), source: 'UI' });
        const run = await runCli(['--account', accountId, '--background', '--wait'], {
            env: orgEnv(url),
            sleep: runOneExecution
        });

        expect(run.code).toBe(1);
        expect(requestsTo(running.org, /billing-accounts$/)).toHaveLength(0);
        expect(run.stdout).toMatch(
            /COMPLETED: 248 requested, 2 skipped, 0 failed, 0 pending \(of 250\)/
        );
    });

    it('--job shows a job; an unknown job exits 2 naming it', async () => {
        const job = running.org.jobs.start({ ids: ids.slice(0, 20) });
        const shown = await runCli(['--job', job.jobId], { env: orgEnv(url) });
        expect(shown.code).toBe(0);
        expect(shown.stdout).toContain(job.jobId);

        const unknown = await runCli(['--job', 'a1J000000000000AAA', '--wait'], {
            env: orgEnv(url)
        });
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toContain('a1J000000000000AAA');
        expect(unknown.stderr).toContain('does not exist');
    });

    it('a job stopped by the org budget exits 1 with --wait', async () => {
        const job = running.org.jobs.start({ ids });
        running.org.limits.set('DailyApiRequests', 14900);
        const run = await runCli(['--job', job.jobId, '--wait'], {
            env: orgEnv(url),
            sleep: runOneExecution
        });
        expect(run.code).toBe(1);
        expect(run.stdout).toContain('ABORTED');
    });

    it('refuses combinations that make no sense, sending nothing', async () => {
        const dir = tempDir();
        try {
            for (const argv of [
                ['--wait', ids[0]],
                ['--job', 'a1J000000000000AAA', ids[0]],
                ['--background', '--out', `${dir.path}/run.jsonl`, ids[0]],
                ['--background', '--job', 'a1J000000000000AAA']
            ]) {
                const run = await runCli(argv, { env: orgEnv(url) });
                expect({ argv, code: run.code }).toEqual({ argv, code: 2 });
            }
            const invalid = await runCli(['--background', 'not-an-id'], { env: orgEnv(url) });
            expect(invalid.code).toBe(2);
            expect(running.org.receivedRequests()).toHaveLength(0);
        } finally {
            dir.remove();
        }
    });

    it('--dry-run shows the jobs it would start and sends nothing', async () => {
        const run = await runCli([...ids, '--account', accountId, '--background', '--dry-run'], {
            env: orgEnv(url)
        });
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('would start 2 background job(s)');
        expect(running.org.receivedRequests()).toHaveLength(0);
    });
});
