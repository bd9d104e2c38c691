/** The Apex REST contract over real HTTP: both endpoints, Salesforce's errors, accounting. */
import { AdjustableClock } from '../clock';
import {
    SAMPLE_ACCOUNT_IDS,
    SAMPLE_COOLING_DOWN_ID,
    SAMPLE_NO_ZUORA_ID,
    sampleSeed
} from '../data/seed';
import { startEmulatedOrg, type RunningOrg } from '../http/server';
import { billingAccountsPath, call, SYNC_PATH, TEST_TOKEN } from './http-client';

const NOW = '2026-11-20T10:00:00.000Z';
const BILLING_ACCOUNT_KEYS = [
    'id',
    'name',
    'accountNumber',
    'zuoraId',
    'status',
    'balance',
    'currency',
    'entityId',
    'lastModified',
    'syncable',
    'cooldownUntil'
];

let running: RunningOrg;
let clock: AdjustableClock;
let requestNumber = 0;

beforeAll(async () => {
    clock = new AdjustableClock(NOW);
    running = await startEmulatedOrg({
        port: 0,
        clock,
        seed: sampleSeed(clock.now()),
        newRequestId: () => `request-${++requestNumber}`
    });
});

afterAll(async () => {
    await running.close();
});

beforeEach(() => {
    clock.set(NOW);
    running.org.reset();
    running.org.limits.set('DailyApiRequests', 1200);
});

async function acmeIds(): Promise<string[]> {
    const answer = await call(
        running.url,
        'GET',
        billingAccountsPath(SAMPLE_ACCOUNT_IDS.threeBillingAccounts)
    );
    return answer.body.billingAccounts.map((billing: { id: string }) => billing.id);
}

describe('GET .../accounts/{accountId}/billing-accounts', () => {
    it('lists the billing accounts by name, in the contract shape, with limits', async () => {
        const answer = await call(
            running.url,
            'GET',
            billingAccountsPath(SAMPLE_ACCOUNT_IDS.threeBillingAccounts)
        );
        expect(answer.status).toBe(200);
        expect(answer.contentType).toMatch(/^application\/json/);
        expect(answer.body.accountId).toBe(SAMPLE_ACCOUNT_IDS.threeBillingAccounts);
        expect(
            answer.body.billingAccounts.map((billing: { name: string }) => billing.name)
        ).toEqual(['Acme APAC', 'Acme EU', 'Acme US']);
        for (const billing of answer.body.billingAccounts) {
            expect(Object.keys(billing)).toEqual(BILLING_ACCOUNT_KEYS);
            expect(billing.id).toMatch(/^a0X[a-zA-Z0-9]{15}$/);
            expect(billing.zuoraId).toMatch(/^[0-9a-f]{32}$/);
            expect(billing).toMatchObject({
                syncable: true,
                cooldownUntil: null,
                status: 'Active',
                entityId: null
            });
        }
        expect(answer.body.limits).toEqual(
            expect.arrayContaining([
                { name: 'DailyApiRequests', scope: 'org', used: 1201, max: 15000 },
                expect.objectContaining({ name: 'SoqlQueries', scope: 'transaction', max: 100 })
            ])
        );
    });

    it('accepts a 15-character Account id and answers with the 18-character one', async () => {
        const id15 = SAMPLE_ACCOUNT_IDS.threeBillingAccounts.slice(0, 15);
        const answer = await call(running.url, 'GET', billingAccountsPath(id15));
        expect(answer.status).toBe(200);
        expect(answer.body.accountId).toBe(SAMPLE_ACCOUNT_IDS.threeBillingAccounts);
    });

    it('shows the cooldown and the billing account without a Zuora id', async () => {
        const initech = await call(
            running.url,
            'GET',
            billingAccountsPath(SAMPLE_ACCOUNT_IDS.coolingDown)
        );
        const cooling = initech.body.billingAccounts.find(
            (billing: { id: string }) => billing.id === SAMPLE_COOLING_DOWN_ID
        );
        expect(cooling).toMatchObject({
            cooldownUntil: '2026-11-20T10:20:00.000Z',
            syncable: false
        });
        const stark = await call(
            running.url,
            'GET',
            billingAccountsPath(SAMPLE_ACCOUNT_IDS.missingZuoraId)
        );
        const missing = stark.body.billingAccounts.find(
            (billing: { id: string }) => billing.id === SAMPLE_NO_ZUORA_ID
        );
        expect(missing).toMatchObject({ zuoraId: null, syncable: false });
    });

    it('answers an Account without billing accounts with an empty list, and the twelve of Globex', async () => {
        const empty = await call(
            running.url,
            'GET',
            billingAccountsPath(SAMPLE_ACCOUNT_IDS.noBillingAccounts)
        );
        expect(empty.body.billingAccounts).toEqual([]);
        const twelve = await call(
            running.url,
            'GET',
            billingAccountsPath(SAMPLE_ACCOUNT_IDS.twelveBillingAccounts)
        );
        expect(twelve.body.billingAccounts).toHaveLength(12);
    });

    it.each([
        ['malformed', 'not-an-id'],
        ['a bad checksum', `${SAMPLE_ACCOUNT_IDS.threeBillingAccounts.slice(0, 15)}ZZZ`],
        ['not an Account', SAMPLE_COOLING_DOWN_ID]
    ])('refuses an Account id that is %s with 400 INVALID_ID', async (_what, id) => {
        const answer = await call(running.url, 'GET', billingAccountsPath(id));
        expect(answer.status).toBe(400);
        expect(answer.body).toEqual([
            { errorCode: 'INVALID_ID', message: expect.stringContaining(id) }
        ]);
    });
});

describe('POST .../sync', () => {
    it('requests a sync: one result per id in order, job ids, limits, audit rows', async () => {
        const ids = await acmeIds();
        const answer = await call(running.url, 'POST', SYNC_PATH, {
            objectType: 'BILLING_ACCOUNT',
            ids,
            zuoraIds: [],
            source: 'CLI',
            emailNotification: false
        });
        expect(answer.status).toBe(200);
        expect(answer.contentType).toMatch(/^application\/json/);
        expect(answer.body.requestId).toMatch(/^request-\d+$/);
        expect(answer.body.results.map((result: { id: string }) => result.id)).toEqual(ids);
        for (const result of answer.body.results) {
            expect(Object.keys(result)).toEqual([
                'id',
                'zuoraId',
                'name',
                'status',
                'message',
                'jobId',
                'cooldownUntil'
            ]);
            expect(result).toMatchObject({ status: 'REQUESTED', cooldownUntil: null });
            expect(result.message).toContain('Sync requested');
            expect(result.jobId).toMatch(/^[0-9a-f]{32}$/);
        }
        expect(answer.body.limits).toEqual(
            expect.arrayContaining([
                { name: 'Callouts', scope: 'transaction', used: 3, max: 100 },
                { name: 'DmlStatements', scope: 'transaction', used: 1, max: 150 },
                { name: 'DailyApiRequests', scope: 'org', used: 1202, max: 15000 },
                expect.objectContaining({ name: 'DailyAsyncApexExecutions', scope: 'org' })
            ])
        );
        const rows = running.org
            .auditRows()
            .filter((row) => row.requestId === answer.body.requestId);
        expect(rows.map((row) => [row.recordId, row.status, row.source])).toEqual(
            ids.map((id) => [id, 'REQUESTED', 'CLI'])
        );
    });

    it.each([
        ['UI', 'API'],
        ['FLOW', 'API'],
        ['spreadsheet', 'API'],
        ['', 'API'],
        [null, 'API'],
        [' cli ', 'CLI'],
        ['API', 'API']
    ])('records the source %p of a REST caller as %s', async (source, recorded) => {
        const ids = await acmeIds();
        const answer = await call(running.url, 'POST', SYNC_PATH, { ids: [ids[0]], source });
        expect(answer.status).toBe(200);
        const rows = running.org
            .auditRows()
            .filter((row) => row.requestId === answer.body.requestId);
        expect(rows.map((row) => row.source)).toEqual([recorded]);
    });

    it('skips records inside their cooldown on a second request, and sends them again after it', async () => {
        const ids = await acmeIds();
        await call(running.url, 'POST', SYNC_PATH, { ids });
        const again = await call(running.url, 'POST', SYNC_PATH, { ids });
        expect(again.body.results.map((result: { status: string }) => result.status)).toEqual([
            'SKIPPED',
            'SKIPPED',
            'SKIPPED'
        ]);
        expect(again.body.results[0].cooldownUntil).toBe('2026-11-20T10:30:00.000Z');
        clock.advance(30 * 60000);
        const later = await call(running.url, 'POST', SYNC_PATH, { ids });
        expect(later.body.results.map((result: { status: string }) => result.status)).toEqual([
            'REQUESTED',
            'REQUESTED',
            'REQUESTED'
        ]);
    });

    it('sends Zuora ids, and products', async () => {
        const zuoraId = '8ad09be48a1f4c2e018a2b3c4d5e6f70';
        const byZuora = await call(running.url, 'POST', SYNC_PATH, { zuoraIds: [zuoraId] });
        expect(byZuora.body.results).toEqual([
            expect.objectContaining({ id: zuoraId, zuoraId, name: null, status: 'REQUESTED' })
        ]);
        const productIds = running.org.data.products().map((product) => product.id);
        const products = await call(running.url, 'POST', SYNC_PATH, {
            objectType: 'PRODUCT',
            ids: productIds
        });
        expect(products.body.results.map((result: { status: string }) => result.status)).toEqual(
            productIds.map(() => 'REQUESTED')
        );
    });

    it.each([
        { what: 'an empty request', body: {}, status: 400, errorCode: 'EMPTY_REQUEST' },
        {
            what: 'a malformed id',
            body: { ids: ['a0X5g00000AcEu'] },
            status: 400,
            errorCode: 'INVALID_ID'
        },
        {
            what: 'ids that are not a list',
            body: { ids: 'a0X5g00000AcEu1' },
            status: 400,
            errorCode: 'JSON_PARSER_ERROR'
        },
        {
            what: 'a source that is not text',
            body: { ids: [], source: 5 },
            status: 400,
            errorCode: 'JSON_PARSER_ERROR'
        },
        {
            what: 'an object type in the wrong case',
            body: { objectType: 'product', ids: [] },
            status: 400,
            errorCode: 'INVALID_OBJECT_TYPE'
        },
        {
            what: 'a Zuora id that is too short',
            body: { zuoraIds: ['2c92c0f8'] },
            status: 400,
            errorCode: 'INVALID_ID'
        },
        {
            what: 'an unknown object type',
            body: { objectType: 'INVOICE', ids: [] },
            status: 400,
            errorCode: 'INVALID_OBJECT_TYPE'
        },
        {
            what: 'a body that is not an object',
            body: '["a0X5g00000AcEu1"]',
            status: 400,
            errorCode: 'JSON_PARSER_ERROR'
        },
        {
            what: 'a body that is not JSON',
            body: '{ids: [',
            status: 400,
            errorCode: 'JSON_PARSER_ERROR'
        }
    ])(
        'answers $what with $status $errorCode in Salesforce error shape',
        async ({ body, status, errorCode }) => {
            const answer = await call(running.url, 'POST', SYNC_PATH, body);
            expect(answer.status).toBe(status);
            expect(answer.contentType).toMatch(/^application\/json/);
            expect(answer.body).toEqual([{ errorCode, message: expect.any(String) }]);
            expect(running.org.auditRows().filter((row) => row.requestId !== 'seed')).toEqual([]);
            expect(running.org.zuora.jobs()).toEqual([]);
        }
    );

    it('answers eleven ids with 400 TOO_MANY_IDS', async () => {
        const globex = await call(
            running.url,
            'GET',
            billingAccountsPath(SAMPLE_ACCOUNT_IDS.twelveBillingAccounts)
        );
        const ids = globex.body.billingAccounts
            .slice(0, 11)
            .map((billing: { id: string }) => billing.id);
        const answer = await call(running.url, 'POST', SYNC_PATH, { ids });
        expect(answer.status).toBe(400);
        expect(answer.body[0].errorCode).toBe('TOO_MANY_IDS');
    });

    it('answers 403 INSUFFICIENT_ACCESS without the permission, 500 ZUORA_NOT_CONFIGURED without a gateway', async () => {
        const ids = await acmeIds();
        running.org.setPermission(false);
        const denied = await call(running.url, 'POST', SYNC_PATH, { ids });
        expect(denied.status).toBe(403);
        expect(denied.body[0].errorCode).toBe('INSUFFICIENT_ACCESS');
        running.org.setPermission(true);
        running.org.updateSettings({ gatewayClass: 'NotInstalledGateway' });
        const unconfigured = await call(running.url, 'POST', SYNC_PATH, { ids });
        expect(unconfigured.status).toBe(500);
        expect(unconfigured.body[0].errorCode).toBe('ZUORA_NOT_CONFIGURED');
    });
});

describe('Salesforce around the resource', () => {
    it.each([
        ['no Authorization header', null],
        ['an empty bearer token', '']
    ])(
        'answers a request with %s 401 INVALID_SESSION_ID and does not count it',
        async (_what, token) => {
            const answer = await call(
                running.url,
                'GET',
                billingAccountsPath(SAMPLE_ACCOUNT_IDS.threeBillingAccounts),
                undefined,
                token
            );
            expect(answer.status).toBe(401);
            expect(answer.contentType).toMatch(/^application\/json/);
            expect(answer.body).toEqual([
                { errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }
            ]);
            expect(running.org.limits.get('DailyApiRequests').used).toBe(1200);
        }
    );

    it('answers unknown paths 404 NOT_FOUND and other methods 405, always as JSON', async () => {
        for (const [method, path, status, errorCode] of [
            ['GET', '/services/apexrest/zuora/ondemandsync/v1/nothing', 404, 'NOT_FOUND'],
            ['GET', '/services/apexrest/other/v1/sync', 404, 'NOT_FOUND'],
            ['GET', SYNC_PATH, 404, 'NOT_FOUND'],
            [
                'POST',
                billingAccountsPath(SAMPLE_ACCOUNT_IDS.threeBillingAccounts),
                404,
                'NOT_FOUND'
            ],
            ['PUT', SYNC_PATH, 405, 'METHOD_NOT_ALLOWED'],
            ['DELETE', SYNC_PATH, 405, 'METHOD_NOT_ALLOWED'],
            ['GET', '/services/data/v64.0/sobjects', 404, 'NOT_FOUND'],
            ['GET', '/', 404, 'NOT_FOUND']
        ] as const) {
            const answer = await call(
                running.url,
                method,
                path,
                method === 'GET' || method === 'DELETE' ? undefined : {}
            );
            expect([method, path, answer.status, answer.body[0].errorCode]).toEqual([
                method,
                path,
                status,
                errorCode
            ]);
            expect(answer.contentType).toMatch(/^application\/json/);
        }
    });

    it('counts every authorised REST request in DailyApiRequests', async () => {
        await acmeIds();
        await call(running.url, 'POST', SYNC_PATH, {});
        await call(running.url, 'GET', '/services/apexrest/zuora/ondemandsync/v1/nothing');
        expect(running.org.limits.get('DailyApiRequests').used).toBe(1203);
    });

    it('records every request received, without the token', async () => {
        const ids = await acmeIds();
        await call(running.url, 'POST', `${SYNC_PATH}?trace=1`, { ids, source: 'CLI' });
        await call(running.url, 'POST', SYNC_PATH, { ids }, null);
        const received = running.org.receivedRequests();
        expect(
            received.map((request) => [
                request.method,
                request.path,
                request.status,
                request.authenticated
            ])
        ).toEqual([
            ['GET', billingAccountsPath(SAMPLE_ACCOUNT_IDS.threeBillingAccounts), 200, true],
            ['POST', SYNC_PATH, 200, true],
            ['POST', SYNC_PATH, 401, false]
        ]);
        expect(received[1].body).toEqual({ ids, source: 'CLI' });
        expect(received[1].query).toEqual({ trace: '1' });
        expect(received[2].errorCode).toBe('INVALID_SESSION_ID');
        expect(received[1].headers.authorization).toBeUndefined();
        expect(JSON.stringify(running.org.state())).not.toContain(TEST_TOKEN);
    });

    it('lets Zuora complete a sync later: the billing account is modified and Zuora spends API requests', async () => {
        const ids = await acmeIds();
        await call(running.url, 'POST', SYNC_PATH, { ids: [ids[0]] });
        expect(running.org.zuora.jobs().map((job) => job.state)).toEqual(['RUNNING']);
        clock.advance(3 * 60000);
        const answer = await call(
            running.url,
            'GET',
            billingAccountsPath(SAMPLE_ACCOUNT_IDS.threeBillingAccounts)
        );
        expect(running.org.zuora.jobs().map((job) => job.state)).toEqual(['COMPLETED']);
        expect(answer.body.billingAccounts[0].lastModified).toBe('2026-11-20T10:03:00.000Z');
        // 1200 + 3 REST requests + 6 written by Zuora
        expect(running.org.limits.get('DailyApiRequests').used).toBe(1209);
    });
});
