/**
 * A resumed run shows every item with its name, those it reads back from the journal (sent by the
 * earlier run, not sent again) as well as those it sends: the journal records the names the
 * answers gave, and a run resumed into another file carries them over.
 */
import { join } from 'path';
import type { RunningOrg } from '../../org-emulator';
import { orgEnv, runCli, startOrg, syncRequests, tempDir } from './harness';

interface Result {
    id: string;
    status: string;
    name?: string;
}

describe('names in a resumed run', () => {
    let running: RunningOrg;
    let url: string;
    let ids: string[];
    let dir: ReturnType<typeof tempDir>;

    beforeEach(async () => {
        // 897 of 1000 used: the first run sends 2 batches of 10 before the budget (90%) stops it.
        ({ running, url, ids } = await startOrg(30, {
            apiRequestsUsed: 897,
            apiRequestsMax: 1000
        }));
        dir = tempDir();
    }, 60_000);

    afterEach(async () => {
        dir.remove();
        await running.close();
    }, 60_000);

    const nameOf = (id: string): string | undefined =>
        running.org.data.findRecord(id)?.name ?? undefined;

    it('keeps the names of the items read back from the journal, also through another --out file', async () => {
        const out = join(dir.path, 'run.jsonl');
        const first = await runCli([...ids, '--out', out, '--concurrency', '1'], {
            env: orgEnv(url)
        });
        expect(first.code).toBe(1);
        expect(syncRequests(running.org)).toHaveLength(2);
        running.org.limits.set('DailyApiRequests', 0);

        const next = join(dir.path, 'next.jsonl');
        const resumed = await runCli(['--resume', out, '--out', next, '--json'], {
            env: orgEnv(url)
        });
        expect(resumed.code).toBe(0);
        const results = JSON.parse(resumed.stdout).result.results as Result[];
        expect(results.map((result) => result.id)).toEqual(ids);
        expect(results.map((result) => result.name)).toEqual(ids.map(nameOf));
        expect(syncRequests(running.org)).toHaveLength(3);

        // The file the resumed run wrote holds every name too: nothing is left to send.
        const again = await runCli(['--resume', next], { env: orgEnv(url) });
        expect(again.code).toBe(0);
        expect(syncRequests(running.org)).toHaveLength(3);
        for (const id of ids) {
            const row = again.stdout.split('\n').find((line) => line.startsWith(id));
            expect(row).toContain(nameOf(id));
        }
    }, 60_000);
});
