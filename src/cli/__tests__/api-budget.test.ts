/**
 * --api-budget over real HTTP: the org's DailyApiRequests is read before the first batch, so a
 * budget already spent sends nothing, and the message says exactly what was and was not sent.
 */
import { join } from 'path';
import { orgEnv, orgPerTest, runCli, syncRequests } from './harness';

describe('zuora-sync --api-budget', () => {
    const fixture = orgPerTest(47, { apiRequestsMax: 1000 });

    const budgetWarning = (document: { warnings: { code: string; message: string }[] }) =>
        document.warnings.find((warning) => warning.code === 'API_BUDGET_REACHED');

    it('a budget already spent sends nothing: the usage is read before the first batch', async () => {
        fixture.running.org.limits.set('DailyApiRequests', 950);
        const out = join(fixture.dir.path, 'run.jsonl');

        const run = await runCli([...fixture.ids, '--out', out, '--json'], {
            env: orgEnv(fixture.url)
        });

        expect(run.code).toBe(1);
        expect(syncRequests(fixture.running.org)).toHaveLength(0);
        const document = JSON.parse(run.stdout);
        expect(document.result.summary).toEqual({
            total: 47,
            requested: 0,
            failed: 0,
            skipped: 0,
            notSent: 47
        });
        expect(budgetWarning(document)?.message).toBe(
            "Stopped at the API budget (90%): the org had used 951 of 1000 of today's API requests (95%) before the first batch; " +
                `sent 0 of 5 batches (0 of 47 items); 47 items NOT_SENT; --resume ${out} sends them once the org has API requests to spare.`
        );
    }, 60_000);

    it('says exactly what was sent and what was not when the budget is reached during the run', async () => {
        // 897 used: the usage read first makes it 898, the answers of batches 1 and 2 read 899
        // and 900 of 1000: 90%.
        fixture.running.org.limits.set('DailyApiRequests', 897);
        const out = join(fixture.dir.path, 'run.jsonl');

        const run = await runCli([...fixture.ids, '--out', out, '--concurrency', '1'], {
            env: orgEnv(fixture.url)
        });

        expect(run.code).toBe(1);
        expect(syncRequests(fixture.running.org)).toHaveLength(2);
        expect(run.stderr).toContain(
            "Warning: Stopped at the API budget (90%): the org had used 900 of 1000 of today's API requests (90%); " +
                `sent 2 of 5 batches (20 of 47 items); 27 items NOT_SENT; --resume ${out} sends them once the org has API requests to spare.`
        );
        expect(run.stdout).toContain('47 items: 20 requested, 0 failed, 0 skipped, 27 not sent.');
    }, 60_000);

    it('a budget reached once every batch is out stops nothing and claims nothing', async () => {
        // 897 used: the usage read first makes it 898 (below 90%); the 3 batches go out together
        // and their answers read 899 to 901: nothing is left to hold back.
        fixture.running.org.limits.set('DailyApiRequests', 897);

        const run = await runCli([...fixture.ids.slice(0, 25), '--json'], {
            env: orgEnv(fixture.url)
        });

        expect(syncRequests(fixture.running.org)).toHaveLength(3);
        const document = JSON.parse(run.stdout);
        expect(document.result.summary.requested).toBe(25);
        expect(run.code).toBe(0);
        expect(budgetWarning(document)).toBeUndefined();
        expect(run.stdout + run.stderr).not.toContain('no further batch');
    }, 60_000);
});
