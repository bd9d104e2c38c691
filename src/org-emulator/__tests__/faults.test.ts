/** Fault injection: through the org's API and through the loopback control endpoint. */
import { AdjustableClock } from '../clock';
import {
    SAMPLE_ACCOUNT_IDS,
    SAMPLE_FAILING_ID,
    SAMPLE_FAILURE_MESSAGE,
    sampleSeed
} from '../data/seed';
import { CALLOUT_LIMIT_MESSAGE } from '../gateway/simulated-zuora-gateway';
import { startEmulatedOrg, type RunningOrg } from '../http/server';
import { Transaction } from '../limits';
import { billingAccountsPath, call, SYNC_PATH } from './http-client';

const NOW = '2026-11-20T10:00:00.000Z';
let running: RunningOrg;
let clock: AdjustableClock;
let acme: string[];

beforeAll(async () => {
    clock = new AdjustableClock(NOW);
    running = await startEmulatedOrg({ clock, seed: sampleSeed(clock.now()) });
    acme = running.org.data
        .billingAccountsOf(SAMPLE_ACCOUNT_IDS.threeBillingAccounts)
        .map((billing) => billing.id);
});

afterAll(async () => {
    await running.close();
});

beforeEach(() => {
    clock.set(NOW);
    running.org.reset();
    running.org.limits.set('DailyApiRequests', 1200);
});

const statuses = (answer: { body: { results: { status: string }[] } }): string[] =>
    answer.body.results.map((result) => result.status);

describe('fault injection', () => {
    it('adds a fixed latency to every REST answer', async () => {
        running.org.injectFaults({ latencyMs: 150 });
        const started = Date.now();
        const answer = await call(
            running.url,
            'GET',
            billingAccountsPath(SAMPLE_ACCOUNT_IDS.threeBillingAccounts)
        );
        expect(answer.status).toBe(200);
        expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    });

    it('answers a share of requests 503, the same requests for the same seed', async () => {
        const draw = async (): Promise<number[]> => {
            running.org.injectFaults({ errorRate: 0.5, seed: 42 });
            const seen: number[] = [];
            for (let index = 0; index < 20; index++) {
                seen.push(
                    (
                        await call(
                            running.url,
                            'GET',
                            billingAccountsPath(SAMPLE_ACCOUNT_IDS.noBillingAccounts)
                        )
                    ).status
                );
            }
            return seen;
        };
        const first = await draw();
        expect(new Set(first)).toEqual(new Set([200, 503]));
        expect(await draw()).toEqual(first);
        running.org.injectFaults({ errorRate: 1 });
        const always = await call(running.url, 'POST', SYNC_PATH, { ids: acme });
        expect(always.status).toBe(503);
        expect(always.contentType).toMatch(/^application\/json/);
        expect(always.body).toEqual([
            { errorCode: 'SERVER_UNAVAILABLE', message: expect.any(String) }
        ]);
        expect(running.org.zuora.jobs()).toEqual([]);
    });

    it('makes Zuora refuse one id with a given message', async () => {
        running.org.injectFaults({
            failures: { [acme[1].slice(0, 15)]: 'Zuora: account is locked' }
        });
        const answer = await call(running.url, 'POST', SYNC_PATH, { ids: acme });
        expect(statuses(answer)).toEqual(['REQUESTED', 'FAILED', 'REQUESTED']);
        expect(answer.body.results[1].message).toBe('Zuora: account is locked');
    });

    it('fails a whole request naming an id with a given error', async () => {
        running.org.injectFaults({
            failures: {
                [acme[2]]: { errorCode: 'ZUORA_ERROR', message: 'Zuora is down for maintenance' }
            }
        });
        const answer = await call(running.url, 'POST', SYNC_PATH, { ids: acme });
        expect(answer.status).toBe(500);
        expect(answer.body).toEqual([
            { errorCode: 'ZUORA_ERROR', message: 'Zuora is down for maintenance' }
        ]);
        const other = await call(running.url, 'POST', SYNC_PATH, { ids: acme.slice(0, 2) });
        expect(other.status).toBe(200);
    });

    it('simulates Zuora being unreachable: the sent items fail, skipped ones stay skipped', async () => {
        running.org.injectFaults({ zuoraOutage: 'Read timed out' });
        const stark = running.org.data
            .billingAccountsOf(SAMPLE_ACCOUNT_IDS.missingZuoraId)
            .map((billing) => billing.id);
        const answer = await call(running.url, 'POST', SYNC_PATH, { ids: stark });
        expect(answer.status).toBe(200);
        expect(statuses(answer)).toEqual(['SKIPPED', 'FAILED']);
        expect(answer.body.results[1].message).toContain('Read timed out');
    });

    it('puts the org near its daily API limit, then over it: 403 REQUEST_LIMIT_EXCEEDED', async () => {
        running.org.injectFaults({ apiRequestsUsed: 14998 });
        const near = await call(running.url, 'POST', SYNC_PATH, { ids: acme.slice(0, 1) });
        expect(near.body.limits).toContainEqual({
            name: 'DailyApiRequests',
            scope: 'org',
            used: 14999,
            max: 15000
        });
        expect(
            (
                await call(
                    running.url,
                    'GET',
                    billingAccountsPath(SAMPLE_ACCOUNT_IDS.threeBillingAccounts)
                )
            ).status
        ).toBe(200);
        const over = await call(running.url, 'POST', SYNC_PATH, { ids: acme.slice(1) });
        expect(over.status).toBe(403);
        expect(over.body).toEqual([
            { errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }
        ]);
    });

    it('keeps the sample whose sync fails failing', async () => {
        const answer = await call(running.url, 'POST', SYNC_PATH, { ids: [SAMPLE_FAILING_ID] });
        expect(answer.body.results[0]).toMatchObject({
            status: 'FAILED',
            message: SAMPLE_FAILURE_MESSAGE
        });
    });
});

describe('simulated Zuora', () => {
    it('drops a request for an account whose sync is still running, as Zuora does', async () => {
        running.org.updateSettings({ cooldownMinutes: 0 });
        const first = await call(running.url, 'POST', SYNC_PATH, { ids: [acme[0]] });
        clock.advance(60000);
        const second = await call(running.url, 'POST', SYNC_PATH, { ids: [acme[0]] });
        expect([statuses(first), statuses(second)]).toEqual([['REQUESTED'], ['REQUESTED']]);
        expect(running.org.zuora.jobs().map((job) => job.state)).toEqual(['RUNNING', 'DROPPED']);
        clock.advance(5 * 60000);
        running.org.settle();
        expect(running.org.zuora.jobs().map((job) => job.state)).toEqual(['COMPLETED', 'DROPPED']);
        const third = await call(running.url, 'POST', SYNC_PATH, { ids: [acme[0]] });
        expect(statuses(third)).toEqual(['REQUESTED']);
        expect(running.org.zuora.jobs().map((job) => job.state)).toEqual([
            'COMPLETED',
            'DROPPED',
            'RUNNING'
        ]);
    });

    it('the service refuses up front a request needing more callouts than are left', async () => {
        const transaction = new Transaction();
        transaction.callouts = 99;
        await expect(
            running.org.service.requestSync({ ids: acme }, transaction)
        ).rejects.toMatchObject({
            errorCode: 'CALLOUT_LIMIT',
            status: 409
        });
        expect(running.org.zuora.jobs()).toEqual([]);
        expect(running.org.auditRows().filter((row) => row.requestId !== 'seed')).toEqual([]);
    });

    it('Zuora takes one callout per item; items beyond the callout limit fail, not the call', async () => {
        const transaction = new Transaction();
        transaction.callouts = 99;
        const items = acme.map((recordId) => ({ recordId, zuoraId: null }));
        const results = await running.org.zuora.send(
            {
                objectType: 'BILLING_ACCOUNT',
                recordIds: acme,
                zuoraIds: [],
                emailNotification: false,
                items
            },
            { transaction, now: running.org.clock.now() }
        );
        expect(results.map((result) => result.success)).toEqual([true, false, false]);
        expect(results[1].message).toBe(CALLOUT_LIMIT_MESSAGE);
        expect(transaction.callouts).toBe(100);
    });

    it('takes each callout with the injected Zuora latency', async () => {
        running.org.injectFaults({ zuoraLatencyMs: 40 });
        const started = Date.now();
        await running.org.service.requestSync({ ids: acme });
        expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    });
});

describe('control endpoint', () => {
    const control = (method: string, name: string, body?: unknown) =>
        call(running.url, method, `/__emulator/${name}`, body, null);

    it('replaces, merges, shows and clears faults', async () => {
        expect((await control('PUT', 'faults', { latencyMs: 5, errorRate: 0 })).body).toEqual({
            latencyMs: 5,
            errorRate: 0
        });
        expect((await control('POST', 'faults', { seed: 3 })).body).toEqual({
            latencyMs: 5,
            errorRate: 0,
            seed: 3
        });
        expect((await control('GET', 'faults')).body).toEqual({
            latencyMs: 5,
            errorRate: 0,
            seed: 3
        });
        expect((await control('DELETE', 'faults')).body).toEqual({});
    });

    it('refuses a malformed fault with 400 and names it', async () => {
        const answer = await control('PUT', 'faults', { errorRate: 2 });
        expect(answer.status).toBe(400);
        expect(answer.body[0].message).toContain('errorRate');
        expect((await control('PUT', 'faults', { typo: 1 })).body[0].message).toContain(
            'unknown fault "typo"'
        );
    });

    it('presets API usage near the limit', async () => {
        const answer = await control('PUT', 'faults', { apiRequestsUsed: 14900 });
        expect(answer.status).toBe(200);
        const state = await control('GET', 'state');
        expect(state.body.limits).toContainEqual({
            name: 'DailyApiRequests',
            scope: 'org',
            used: 14900,
            max: 15000
        });
    });

    it('changes the permission, the settings and the time; state shows the requests and the audit log', async () => {
        await control('POST', 'state', { hasPermission: false });
        expect((await call(running.url, 'POST', SYNC_PATH, { ids: acme })).status).toBe(403);
        await control('POST', 'state', { hasPermission: true, settings: { cooldownMinutes: 45 } });
        await call(running.url, 'POST', SYNC_PATH, { ids: acme });
        await control('POST', 'state', { advanceMinutes: 46 });
        const state = await control('GET', 'state');
        expect(state.body.now).toBe('2026-11-20T10:46:00.000Z');
        expect(state.body.settings.cooldownMinutes).toBe(45);
        expect(state.body.requests.map((request: { status: number }) => request.status)).toEqual([
            403, 200
        ]);
        expect(
            state.body.auditLog.filter((row: { requestId: string }) => row.requestId !== 'seed')
        ).toHaveLength(3);
        const after = await call(running.url, 'POST', SYNC_PATH, { ids: acme });
        expect(statuses(after)).toEqual(['REQUESTED', 'REQUESTED', 'REQUESTED']);
    });

    it('resets the org', async () => {
        await call(running.url, 'POST', SYNC_PATH, { ids: acme });
        const state = await control('POST', 'state', { reset: true });
        expect(state.body.requests).toEqual([]);
        expect(
            state.body.auditLog.every((row: { requestId: string }) => row.requestId === 'seed')
        ).toBe(true);
        expect(state.body.counts).toEqual({ accounts: 7, billingAccounts: 66, products: 3 });
    });

    it('takes changes only as JSON (a cross-origin form post cannot change the org)', async () => {
        const response = await fetch(`${running.url}/__emulator/state`, {
            method: 'POST',
            headers: { 'Content-Type': 'text/plain' },
            body: JSON.stringify({ hasPermission: false })
        });
        expect(response.status).toBe(415);
        expect(running.org.hasPermission()).toBe(true);
    });

    it('answers unknown control paths 404 and is not recorded as a received request', async () => {
        expect((await control('GET', 'nothing')).status).toBe(404);
        expect((await control('PATCH', 'state', {})).status).toBe(405);
        expect(running.org.receivedRequests()).toEqual([]);
    });
});
