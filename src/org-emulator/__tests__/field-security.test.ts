/**
 * User-mode reads in the emulated org apply field-level security as Salesforce does: an
 * unreadable field comes back null when selected, a query filtering or sorting on it throws,
 * and the service and the listing refuse first with INSUFFICIENT_ACCESS naming the field.
 */
import { AdjustableClock } from '../clock';
import { INACCESSIBLE_FIELD_MESSAGE } from '../data/org-data';
import { SAMPLE_ACCOUNT_IDS, sampleSeed } from '../data/seed';
import { startEmulatedOrg, type RunningOrg } from '../http/server';
import { billingAccountsPath, call, SYNC_PATH } from './http-client';

let running: RunningOrg;
let acme: { id: string; zuoraId: string | null }[];

beforeAll(async () => {
    const clock = new AdjustableClock('2026-11-20T10:00:00.000Z');
    running = await startEmulatedOrg({ clock, seed: sampleSeed(clock.now()) });
});

afterAll(async () => {
    await running.close();
});

beforeEach(() => {
    running.org.reset();
    acme = running.org.data.billingAccountsOf(SAMPLE_ACCOUNT_IDS.threeBillingAccounts);
});

describe('field-level security in user mode', () => {
    it('a selected field the user may not read comes back null', () => {
        running.org.data.setFieldReadable('accountId', false);
        const [record] = running.org.data.selectByIds('BILLING_ACCOUNT', [acme[0].id]);
        expect(record.accountId).toBeNull();
        expect(record.zuoraId).toBe(acme[0].zuoraId);
    });

    it('a query filtering or sorting on an unreadable field throws, as SOQL in user mode does', () => {
        running.org.data.setFieldReadable('zuoraId', false);
        expect(() =>
            running.org.data.selectByZuoraIds('BILLING_ACCOUNT', [acme[0].zuoraId as string])
        ).toThrow(INACCESSIBLE_FIELD_MESSAGE);
        running.org.data.setFieldReadable('zuoraId', true);
        running.org.data.setFieldReadable('name', false);
        expect(() =>
            running.org.data.billingAccountsOf(SAMPLE_ACCOUNT_IDS.threeBillingAccounts)
        ).toThrow(INACCESSIBLE_FIELD_MESSAGE);
    });

    it('a sync without read access to the Zuora id is refused naming the field, nothing sent', async () => {
        running.org.data.setFieldReadable('zuoraId', false);
        const answer = await call(running.url, 'POST', SYNC_PATH, { ids: [acme[0].id] });
        expect(answer.status).toBe(403);
        expect(answer.body[0].errorCode).toBe('INSUFFICIENT_ACCESS');
        expect(answer.body[0].message).toContain('Zuora Id');
        expect(running.org.zuora.jobs()).toEqual([]);
    });

    it('the listing without read access to the parent Account field is refused naming it', async () => {
        running.org.data.setFieldReadable('accountId', false);
        const answer = await call(
            running.url,
            'GET',
            billingAccountsPath(SAMPLE_ACCOUNT_IDS.threeBillingAccounts)
        );
        expect(answer.status).toBe(403);
        expect(answer.body[0]).toMatchObject({ errorCode: 'INSUFFICIENT_ACCESS' });
        expect(answer.body[0].message).toContain('Account');
    });
});
