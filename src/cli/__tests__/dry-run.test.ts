/**
 * --dry-run over real HTTP: besides the batches, it marks the billing accounts of an --account
 * that will come back SKIPPED (in the cooldown window of a recent request, or without a Zuora
 * id), with the reason, in the human output and in --json; a real run then answers exactly those
 * SKIPPED.
 */
import {
    SAMPLE_ACCOUNT_IDS,
    SAMPLE_COOLING_DOWN_ID,
    SAMPLE_NO_ZUORA_ID,
    type RunningOrg
} from '../../org-emulator';
import { orgEnv, runCli, startOrg, syncRequests } from './harness';

interface Result {
    id: string;
    status: string;
    message: string;
    expectedStatus?: string;
    cooldownUntil?: string;
}

describe('zuora-sync --dry-run', () => {
    let running: RunningOrg;
    let url: string;
    let ids: string[];
    let accountId: string;

    beforeEach(async () => {
        ({ running, url, ids, accountId } = await startOrg(12));
    }, 60_000);

    afterEach(async () => {
        await running.close();
    }, 60_000);

    const accounts = () => [
        '--account',
        accountId,
        '--account',
        SAMPLE_ACCOUNT_IDS.coolingDown,
        '--account',
        SAMPLE_ACCOUNT_IDS.missingZuoraId
    ];

    it('marks the items that will come back SKIPPED, with why, and a real run agrees', async () => {
        // A sync requested a moment ago: that billing account is in its cooldown window.
        const recent = ids[3] as string;
        expect((await runCli([recent], { env: orgEnv(url) })).code).toBe(0);
        const expected = [recent, SAMPLE_COOLING_DOWN_ID, SAMPLE_NO_ZUORA_ID].sort();

        const json = await runCli([...accounts(), '--dry-run', '--json'], { env: orgEnv(url) });
        expect(json.code).toBe(0);
        const document = JSON.parse(json.stdout);
        const results = document.result.results as Result[];
        const marked = results.filter((result) => result.expectedStatus === 'SKIPPED');
        expect(marked.map((result) => result.id).sort()).toEqual(expected);
        expect(results.every((result) => result.status === 'NOT_SENT')).toBe(true);
        const cooling = marked.find((result) => result.id === recent) as Result;
        expect(cooling.message).toMatch(
            /Would come back SKIPPED: a sync was requested within the cooldown window; it can be sent again after \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\.$/
        );
        expect(Date.parse(cooling.cooldownUntil as string)).toBeGreaterThan(Date.now());
        expect(marked.find((result) => result.id === SAMPLE_NO_ZUORA_ID)?.message).toContain(
            'Would come back SKIPPED: it has no Zuora id yet.'
        );
        expect(document.warnings).toEqual([
            {
                code: 'WOULD_BE_SKIPPED',
                message: `3 of ${results.length} items would come back SKIPPED: 2 in the cooldown window, 1 without a Zuora id.`
            }
        ]);

        const human = await runCli([...accounts(), '--dry-run'], { env: orgEnv(url) });
        expect(human.code).toBe(0);
        expect(human.stdout).toContain('Would come back SKIPPED (3):');
        for (const id of expected) {
            const row = human.stdout.split('\n').find((line) => line.startsWith(`  ${id}`));
            expect(row).toMatch(/cooldown window|no Zuora id/);
        }
        expect(human.stderr).toContain('Warning: 3 of');
        expect(syncRequests(running.org)).toHaveLength(1);

        // What the dry run said is what the org answers.
        const real = await runCli([...accounts(), '--json'], { env: orgEnv(url) });
        const skipped = (JSON.parse(real.stdout).result.results as Result[])
            .filter((result) => result.status === 'SKIPPED')
            .map((result) => result.id)
            .sort();
        expect(skipped).toEqual(expected);
    }, 60_000);
});
