/** The sample data and the benchmark generator. */
import { isSalesforceId, isZuoraId, keyPrefixOf, toId18 } from '../../bridge/ids';
import { AdjustableClock } from '../clock';
import {
    generateBillingAccounts,
    SAMPLE_ACCOUNT_IDS,
    SAMPLE_ACCOUNTS,
    SAMPLE_COOLING_DOWN_ID,
    SAMPLE_FAILING_ID,
    SAMPLE_NO_ZUORA_ID,
    sampleSeed,
    zuoraIdFor
} from '../data/seed';
import { createEmulatedOrg } from '../org';

const NOW = new Date('2026-11-20T10:00:00.000Z');

describe('sample data', () => {
    const seed = sampleSeed(NOW);

    it('has realistic 18-character ids with correct checksums and the right key prefixes', () => {
        for (const account of seed.accounts ?? []) {
            expect(account.id).toHaveLength(18);
            expect(toId18(account.id)).toBe(account.id);
            expect(keyPrefixOf(account.id)).toBe('001');
        }
        for (const billing of seed.billingAccounts ?? []) {
            expect(toId18(billing.id)).toBe(billing.id);
            expect(keyPrefixOf(billing.id)).toBe('a0X');
            expect(billing.zuoraId === null || isZuoraId(billing.zuoraId)).toBe(true);
        }
        for (const product of seed.products ?? []) {
            expect(isSalesforceId(product.id) && keyPrefixOf(product.id)).toBe('a0Y');
        }
        const ids = [
            ...(seed.accounts ?? []),
            ...(seed.billingAccounts ?? []),
            ...(seed.products ?? [])
        ].map((record) => record.id);
        expect(new Set(ids).size).toBe(ids.length);
    });

    it('covers each situation of the record page', () => {
        const count = (accountId: string): number =>
            (seed.billingAccounts ?? []).filter((billing) => billing.accountId === accountId)
                .length;
        expect(count(SAMPLE_ACCOUNT_IDS.noBillingAccounts)).toBe(0);
        expect(count(SAMPLE_ACCOUNT_IDS.threeBillingAccounts)).toBe(3);
        expect(count(SAMPLE_ACCOUNT_IDS.twelveBillingAccounts)).toBe(12);
        const byId = new Map((seed.billingAccounts ?? []).map((billing) => [billing.id, billing]));
        expect(byId.get(SAMPLE_COOLING_DOWN_ID)?.accountId).toBe(SAMPLE_ACCOUNT_IDS.coolingDown);
        expect(byId.get(SAMPLE_FAILING_ID)?.accountId).toBe(SAMPLE_ACCOUNT_IDS.failingSync);
        expect(byId.get(SAMPLE_NO_ZUORA_ID)).toMatchObject({
            accountId: SAMPLE_ACCOUNT_IDS.missingZuoraId,
            zuoraId: null
        });
        expect(seed.recentRequests).toEqual([
            expect.objectContaining({ recordId: SAMPLE_COOLING_DOWN_ID, minutesAgo: 10 })
        ]);
        expect(Object.keys(seed.zuoraRefusals ?? {})).toEqual([SAMPLE_FAILING_ID]);
        expect(SAMPLE_ACCOUNTS.map((sample) => sample.id)).toEqual(
            Object.values(SAMPLE_ACCOUNT_IDS)
        );
    });

    it('behaves as described once loaded', async () => {
        const org = createEmulatedOrg({ clock: new AdjustableClock(NOW) });
        const context = await org.controller.getSyncContext(SAMPLE_ACCOUNT_IDS.coolingDown);
        expect(
            context.billingAccounts.find((billing) => billing.id === SAMPLE_COOLING_DOWN_ID)
                ?.cooldownUntil
        ).toBe('2026-11-20T10:20:00.000Z');
        const response = await org.service.requestSync({
            ids: [SAMPLE_COOLING_DOWN_ID, SAMPLE_FAILING_ID, SAMPLE_NO_ZUORA_ID]
        });
        expect(response.results.map((result) => result.status)).toEqual([
            'SKIPPED',
            'FAILED',
            'SKIPPED'
        ]);
    });

    it('derives stable Zuora ids from names', () => {
        expect(zuoraIdFor('Acme EU')).toBe(zuoraIdFor('Acme EU'));
        expect(zuoraIdFor('Acme EU')).not.toBe(zuoraIdFor('Acme US'));
        expect(isZuoraId(zuoraIdFor('Acme EU'))).toBe(true);
    });
});

describe('generateBillingAccounts', () => {
    it('generates N billing accounts with distinct valid ids, deterministically', () => {
        const first = generateBillingAccounts(5000, { seed: 9 });
        expect(first.billingAccounts).toHaveLength(5000);
        const ids = first.billingAccounts.map((billing) => billing.id);
        expect(new Set(ids).size).toBe(5000);
        expect(ids.every((id) => toId18(id) === id && id.startsWith('a0X'))).toBe(true);
        expect(
            first.billingAccounts.every((billing) => billing.accountId === first.account.id)
        ).toBe(true);
        expect(generateBillingAccounts(5000, { seed: 9 })).toEqual(first);
        expect(generateBillingAccounts(3, { seed: 10 }).billingAccounts[0].zuoraId).not.toBe(
            first.billingAccounts[0].zuoraId
        );
    });

    it('places a set under a given Account, in separate id ranges, some without a Zuora id', () => {
        const other = generateBillingAccounts(50, {
            accountId: SAMPLE_ACCOUNT_IDS.noBillingAccounts.slice(0, 15),
            accountName: 'Northwind Traders',
            firstNumber: 100000,
            withoutZuoraIdShare: 0.5
        });
        expect(other.account.id).toBe(SAMPLE_ACCOUNT_IDS.noBillingAccounts);
        const missing = other.billingAccounts.filter((billing) => billing.zuoraId === null).length;
        expect(missing).toBeGreaterThan(5);
        expect(missing).toBeLessThan(45);
        const overlap = generateBillingAccounts(50).billingAccounts.map((billing) => billing.id);
        expect(other.billingAccounts.some((billing) => overlap.includes(billing.id))).toBe(false);
        expect(() => generateBillingAccounts(-1)).toThrow(RangeError);
    });

    it('loads into an org that lists and syncs them', async () => {
        const generated = generateBillingAccounts(1000);
        const org = createEmulatedOrg({
            clock: new AdjustableClock(NOW),
            seed: { accounts: [generated.account], billingAccounts: generated.billingAccounts }
        });
        const context = await org.controller.getSyncContext(generated.account.id);
        expect(context.billingAccounts).toHaveLength(1000);
        const ids = generated.billingAccounts.slice(0, 10).map((billing) => billing.id);
        const response = await org.service.requestSync({ ids });
        expect(response.results.every((result) => result.status === 'REQUESTED')).toBe(true);
    });
});
