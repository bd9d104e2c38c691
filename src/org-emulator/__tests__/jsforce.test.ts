/** jsforce, the library the command line uses, talks to the emulated org as to a real one. */
import { Connection } from 'jsforce';
import { AdjustableClock } from '../clock';
import { SAMPLE_ACCOUNT_IDS, sampleSeed } from '../data/seed';
import { startEmulatedOrg, type RunningOrg } from '../http/server';
import { TEST_TOKEN } from './http-client';

const BASE = '/zuora/ondemandsync/v1';
let running: RunningOrg;
let conn: Connection;

beforeAll(async () => {
    const clock = new AdjustableClock('2026-11-20T10:00:00.000Z');
    running = await startEmulatedOrg({ clock, seed: sampleSeed(clock.now()) });
    conn = new Connection({ instanceUrl: running.url, accessToken: TEST_TOKEN, version: '64.0' });
});

afterAll(async () => {
    await running.close();
});

interface BillingAccounts {
    accountId: string;
    billingAccounts: { id: string; name: string }[];
}

interface SyncAnswer {
    requestId: string;
    results: { id: string; status: string; jobId: string | null }[];
    limits: { name: string; scope: string; used: number; max: number }[];
}

describe('jsforce against the emulated org', () => {
    it('GETs the billing accounts as parsed JSON and POSTs a sync', async () => {
        const listed = await conn.apex.get<BillingAccounts>(
            `${BASE}/accounts/${SAMPLE_ACCOUNT_IDS.threeBillingAccounts}/billing-accounts`
        );
        expect(typeof listed).toBe('object');
        expect(listed.billingAccounts.map((billing) => billing.name)).toEqual([
            'Acme APAC',
            'Acme EU',
            'Acme US'
        ]);

        const ids = listed.billingAccounts.map((billing) => billing.id);
        const answer = await conn.apex.post<SyncAnswer>(`${BASE}/sync`, {
            objectType: 'BILLING_ACCOUNT',
            ids,
            zuoraIds: [],
            source: 'CLI',
            emailNotification: false
        });
        expect(answer.results.map((result) => [result.id, result.status])).toEqual(
            ids.map((id) => [id, 'REQUESTED'])
        );
        expect(answer.limits).toContainEqual(
            expect.objectContaining({ name: 'DailyApiRequests', scope: 'org' })
        );
        const received = running.org.receivedRequests().at(-1);
        expect(received).toMatchObject({
            method: 'POST',
            path: '/services/apexrest/zuora/ondemandsync/v1/sync',
            authenticated: true
        });
        expect(JSON.stringify(running.org.receivedRequests())).not.toContain(TEST_TOKEN);
    });

    it('surfaces a contract error with name = errorCode', async () => {
        const malformed = 'a0X5g00000AcEu';
        const error = await conn.apex.post(`${BASE}/sync`, { ids: [malformed] }).then(
            () => null,
            (thrown: unknown) => thrown as { name: string; errorCode: string; message: string }
        );
        expect(error).not.toBeNull();
        expect(error?.name).toBe('INVALID_ID');
        expect(error?.errorCode).toBe('INVALID_ID');
        expect(error?.message).toContain(malformed);
    });

    it('surfaces 403 INSUFFICIENT_ACCESS and 500 ZUORA_NOT_CONFIGURED the same way', async () => {
        const ids = running.org.data
            .billingAccountsOf(SAMPLE_ACCOUNT_IDS.twelveBillingAccounts)
            .map((billing) => billing.id);
        running.org.setPermission(false);
        await expect(
            conn.apex.post(`${BASE}/sync`, { ids: ids.slice(0, 2) })
        ).rejects.toMatchObject({
            name: 'INSUFFICIENT_ACCESS'
        });
        running.org.setPermission(true);
        running.org.registerGateway('ZuoraOnDemandSyncGateway', null);
        await expect(
            conn.apex.post(`${BASE}/sync`, { ids: ids.slice(0, 2) })
        ).rejects.toMatchObject({
            name: 'ZUORA_NOT_CONFIGURED'
        });
        running.org.registerGateway('ZuoraOnDemandSyncGateway', running.org.zuora);
    });
});
