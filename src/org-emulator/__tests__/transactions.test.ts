/**
 * The emulated org's transactions, over real HTTP: two requests in flight at once are separate
 * transactions, each sees only what the other has committed, and a claim made in an earlier
 * transaction keeps a second request from sending a record that is being sent now.
 */
import { AdjustableClock } from '../clock';
import { SAMPLE_ACCOUNT_IDS, sampleSeed } from '../data/seed';
import { startEmulatedOrg, type RunningOrg } from '../http/server';
import { PLATFORM_MESSAGES, PlatformException, Transaction } from '../limits';
import { call, SYNC_PATH } from './http-client';

const CLAIMS_PATH = '/services/apexrest/zuora/ondemandsync/v1/claims';
const NOW = '2026-11-20T10:00:00.000Z';
/** Long enough for a second request to arrive while the first is calling Zuora. */
const ZUORA_LATENCY_MS = 150;

let running: RunningOrg;
let clock: AdjustableClock;
let acme: string[];

beforeAll(async () => {
    clock = new AdjustableClock(NOW);
    running = await startEmulatedOrg({ clock, seed: sampleSeed(clock.now()) });
});

afterAll(async () => {
    await running.close();
});

beforeEach(() => {
    clock.set(NOW);
    running.org.reset();
    running.org.injectFaults({ zuoraLatencyMs: ZUORA_LATENCY_MS });
    acme = running.org.data
        .billingAccountsOf(SAMPLE_ACCOUNT_IDS.threeBillingAccounts)
        .map((billing) => billing.id);
});

const statuses = (answer: { body: { results: { status: string }[] } }): string[] =>
    answer.body.results.map((result) => result.status);

/** How many times Zuora was asked to sync a record. */
const zuoraRequestsFor = (recordId: string): number =>
    running.org.zuora.jobs().filter((job) => job.recordId === recordId).length;

describe('the platform rules of one transaction', () => {
    it('refuses a callout after uncommitted work, with the platform message', () => {
        const transaction = new Transaction();
        transaction.dml(1);
        expect(() => transaction.callout()).toThrow(
            new PlatformException('System.CalloutException', PLATFORM_MESSAGES.uncommittedWork)
        );
    });

    it('refuses the 101st callout and callouts past 120 seconds', () => {
        const many = new Transaction();
        for (let index = 0; index < 100; index++) many.callout();
        expect(() => many.callout()).toThrow(PLATFORM_MESSAGES.tooManyCallouts);
        const slow = new Transaction();
        slow.callout(119000);
        expect(() => slow.callout(2000)).toThrow(PLATFORM_MESSAGES.calloutTime);
    });

    it('a second sync in one transaction is refused with PENDING_WORK, nothing sent twice', async () => {
        const transaction = new Transaction();
        await running.org.service.requestSync({ ids: [acme[0]] }, transaction);
        await expect(
            running.org.service.requestSync({ ids: [acme[1]] }, transaction)
        ).rejects.toMatchObject({ errorCode: 'PENDING_WORK' });
        expect(zuoraRequestsFor(acme[1])).toBe(0);
    });
});

describe('two requests in flight at once', () => {
    it('are separate transactions: each sees only what the other has committed', async () => {
        const [first, second] = await Promise.all([
            call(running.url, 'POST', SYNC_PATH, { ids: [acme[0]] }),
            call(running.url, 'POST', SYNC_PATH, { ids: [acme[0]] })
        ]);
        // Neither had committed when the other read the cooldown: without a claim, both send.
        expect([statuses(first), statuses(second)]).toEqual([['REQUESTED'], ['REQUESTED']]);
        expect(zuoraRequestsFor(acme[0])).toBe(2);
        // Once both have committed, a third request sees them.
        const third = await call(running.url, 'POST', SYNC_PATH, { ids: [acme[0]] });
        expect(statuses(third)).toEqual(['SKIPPED']);
    });

    it('with a claim, a second request for a record being sent answers SKIPPED', async () => {
        const claim = await call(running.url, 'POST', CLAIMS_PATH, { ids: acme.slice(0, 2) });
        expect(claim.status).toBe(200);
        expect(statuses(claim)).toEqual(['CLAIMED', 'CLAIMED']);
        expect(running.org.zuora.jobs()).toEqual([]);

        const inFlight = call(running.url, 'POST', SYNC_PATH, {
            ids: acme.slice(0, 2),
            claimId: claim.body.requestId
        });
        const [plain, secondClaim] = await Promise.all([
            call(running.url, 'POST', SYNC_PATH, { ids: [acme[0], acme[2]] }),
            call(running.url, 'POST', CLAIMS_PATH, { ids: [acme[1]] })
        ]);
        expect(statuses(plain)).toEqual(['SKIPPED', 'REQUESTED']);
        expect(plain.body.results[0].cooldownUntil).toBe('2026-11-20T10:10:00.000Z');
        expect(statuses(secondClaim)).toEqual(['SKIPPED']);

        expect(statuses(await inFlight)).toEqual(['REQUESTED', 'REQUESTED']);
        expect([zuoraRequestsFor(acme[0]), zuoraRequestsFor(acme[1])]).toEqual([1, 1]);
        // The claim's rows ended with the outcome: one row per record of the claim, REQUESTED.
        const rows = running.org
            .auditRows()
            .filter((row) => row.recordId === acme[0] && row.requestId !== 'seed');
        expect(rows.map((row) => row.status).sort()).toEqual(['REQUESTED', 'SKIPPED']);
    });

    it('a resumed run that claims again while the first is still sending gets SKIPPED, not a second sync', async () => {
        const claim = await call(running.url, 'POST', CLAIMS_PATH, { ids: [acme[0]] });
        const killed = call(running.url, 'POST', SYNC_PATH, {
            ids: [acme[0]],
            claimId: claim.body.requestId
        });
        const resumed = await call(running.url, 'POST', CLAIMS_PATH, { ids: [acme[0]] });
        expect(statuses(resumed)).toEqual(['SKIPPED']);
        await killed;
        expect(zuoraRequestsFor(acme[0])).toBe(1);
    });

    it('a claim that lapsed (its run died before sending) holds nothing', async () => {
        await call(running.url, 'POST', CLAIMS_PATH, { ids: [acme[0]] });
        clock.advance(11 * 60000);
        const later = await call(running.url, 'POST', SYNC_PATH, { ids: [acme[0]] });
        expect(statuses(later)).toEqual(['REQUESTED']);
    });
});
