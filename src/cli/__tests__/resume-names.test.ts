/**
 * A resumed run shows every item with its name, those it reads back from the journal (sent by the
 * earlier run, not sent again) as well as those it sends: the journal records the names the
 * answers gave, and a run resumed into another file carries them over.
 */
import { join } from 'path';
import { orgEnv, orgPerTest, runCli, syncRequests } from './harness';

interface Result {
    id: string;
    status: string;
    name?: string;
}

describe('names in a resumed run', () => {
    // 897 of 1000 used: the first run sends 2 batches of 10 before the budget (90%) stops it.
    const fixture = orgPerTest(30, { apiRequestsUsed: 897, apiRequestsMax: 1000 });

    const nameOf = (id: string): string | undefined =>
        fixture.running.org.data.findRecord(id)?.name ?? undefined;

    it('keeps the names of the items read back from the journal, also through another --out file', async () => {
        const out = join(fixture.dir.path, 'run.jsonl');
        const first = await runCli([...fixture.ids, '--out', out, '--concurrency', '1'], {
            env: orgEnv(fixture.url)
        });
        expect(first.code).toBe(1);
        expect(syncRequests(fixture.running.org)).toHaveLength(2);
        fixture.running.org.limits.set('DailyApiRequests', 0);

        const next = join(fixture.dir.path, 'next.jsonl');
        const resumed = await runCli(['--resume', out, '--out', next, '--json'], {
            env: orgEnv(fixture.url)
        });
        expect(resumed.code).toBe(0);
        const results = JSON.parse(resumed.stdout).result.results as Result[];
        expect(results.map((result) => result.id)).toEqual(fixture.ids);
        expect(results.map((result) => result.name)).toEqual(fixture.ids.map(nameOf));
        expect(syncRequests(fixture.running.org)).toHaveLength(3);

        // The file the resumed run wrote holds every name too: nothing is left to send.
        const again = await runCli(['--resume', next], { env: orgEnv(fixture.url) });
        expect(again.code).toBe(0);
        expect(syncRequests(fixture.running.org)).toHaveLength(3);
        for (const id of fixture.ids) {
            const row = again.stdout.split('\n').find((line) => line.startsWith(id));
            expect(row).toContain(nameOf(id));
        }
    }, 60_000);
});
