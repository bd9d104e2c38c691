/**
 * The playground server without a browser: the page it serves, the Apex methods, the Apex REST
 * contract on the same port, record URLs, static files, and fault injection from the
 * environment.
 */
import { SAMPLE_ACCOUNT_IDS, SAMPLE_ACCOUNTS } from '../../org-emulator';
import {
    apiRequestsForShare,
    applySetup,
    parseApiUsage,
    parseFailures,
    setupFromEnvironment
} from '../environment';
import { sampleProfile } from '../../org-emulator/data/sample-profiles';
import { escapeHtml, scriptJson } from '../page/page';
import { startPlayground, type RunningPlayground } from '../server';

const ACME = SAMPLE_ACCOUNT_IDS.threeBillingAccounts;
let playground: RunningPlayground;

beforeAll(async () => {
    playground = await startPlayground({ port: 0 });
});

afterAll(async () => {
    await playground.close();
});

beforeEach(() => {
    playground.reset();
    playground.failingResources.clear();
    playground.resourceLatencyMs = 0;
});

function apex(method: string, params: unknown): Promise<Response> {
    return fetch(`${playground.url}/__playground/apex/OnDemandSyncController.${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(params)
    });
}

function rest(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${playground.url}/services/apexrest/zuora/ondemandsync/v1/${path}`, {
        ...init,
        headers: {
            Authorization: 'Bearer any',
            'Content-Type': 'application/json',
            ...init.headers
        }
    });
}

describe('the page', () => {
    test('listens on 127.0.0.1 and serves the Account record page with its sample switcher', async () => {
        expect(playground.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const response = await fetch(`${playground.url}/?account=${ACME}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toContain('text/html');
        const html = await response.text();
        expect(html).toContain('Acme Corporation');
        for (const sample of SAMPLE_ACCOUNTS) {
            expect(sample.id).toMatch(/^001[A-Za-z0-9]{15}$/);
            expect(html).toContain(`href="/?account=${sample.id}"`);
        }
        expect(html).toContain(`<script type="application/json" id="playground-data">`);
        expect(html).toContain(`"accountId":"${ACME}"`);
        expect(html).toMatch(/<script src="\/app(?:\/[0-9a-f]{16}\/app)?\.js" defer><\/script>/);
    });

    test('each sample Account page shows its own fields and contacts', async () => {
        const seen = new Set<string>();
        for (const sample of SAMPLE_ACCOUNTS) {
            const profile = sampleProfile(sample.id);
            if (!profile) throw new Error(`No profile for ${sample.name}`);
            const html = await (await fetch(`${playground.url}/?account=${sample.id}`)).text();
            for (const value of [profile.type, profile.phone, profile.website, profile.owner]) {
                expect(html).toContain(`>${escapeHtml(value)}</div>`);
            }
            expect(html).toContain(`Contacts (${profile.contacts.length})`);
            for (const contact of profile.contacts) expect(html).toContain(contact.email);
            seen.add(`${profile.industry}|${profile.billingCity}|${profile.phone}`);
        }
        expect(seen.size).toBe(SAMPLE_ACCOUNTS.length);
    });

    test('puts the component slot in the main column, or in the right one for ?region=small', async () => {
        const region = async (query: string): Promise<string> => {
            const html = await (await fetch(`${playground.url}/?account=${ACME}${query}`)).text();
            const slot = html.indexOf('id="component-slot"');
            expect(slot).toBeGreaterThan(0);
            return slot > html.indexOf('data-region="sidebar"') ? 'sidebar' : 'main';
        };
        await expect(region('')).resolves.toBe('main');
        await expect(region('&region=small')).resolves.toBe('sidebar');
    });

    test('without ?account it shows the Account with 3 billing accounts', async () => {
        const html = await (await fetch(`${playground.url}/`)).text();
        expect(html).toContain('Acme Corporation');
    });

    test('an unknown Account id still renders the page, so the component can show its error', async () => {
        const html = await (await fetch(`${playground.url}/?account=%3Cscript%3E`)).text();
        expect(html).toContain('Account not found');
        expect(html).not.toContain('<script>');
    });

    test('record URLs open the Account page or a plain billing account page', async () => {
        const account = await fetch(`${playground.url}/lightning/r/Account/${ACME}/view`, {
            redirect: 'manual'
        });
        expect(account.status).toBe(302);
        expect(account.headers.get('location')).toBe(`/?account=${ACME}`);
        const billing = playground.org.data.billingAccountsOf(ACME)[0];
        const page = await fetch(`${playground.url}/lightning/r/${billing.id}/view`);
        expect(page.status).toBe(200);
        const html = await page.text();
        expect(html).toContain(billing.name);
        expect(html).toContain(`href="/?account=${ACME}"`);
        expect((await fetch(`${playground.url}/lightning/r/a0X000000000000AAA/view`)).status).toBe(
            404
        );
    });

    test('escapes what it puts into HTML and into the page data', () => {
        expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
            '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'
        );
        expect(scriptJson({ name: '</script><script>' })).not.toContain('</script>');
        expect(JSON.parse(scriptJson({ name: '</script>&' }))).toEqual({ name: '</script>&' });
    });
});

describe('static files', () => {
    test('serves the bridge static resource under /resource/<stamp>/Name, compressed when asked', async () => {
        const response = await fetch(
            `${playground.url}/resource/1700000000000/OnDemandSyncBridge`,
            {
                headers: { 'Accept-Encoding': 'gzip' }
            }
        );
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toContain('application/javascript');
        expect(await response.text()).toContain('OnDemandSyncBridge');
        const etag = response.headers.get('etag') ?? '';
        const again = await fetch(`${playground.url}/resource/1/OnDemandSyncBridge`, {
            headers: { 'If-None-Match': etag }
        });
        expect(again.status).toBe(304);
    });

    test('a slow resource takes the time it is given', async () => {
        playground.resourceLatencyMs = 150;
        const started = Date.now();
        expect((await fetch(`${playground.url}/resource/1/OnDemandSyncBridge`)).status).toBe(200);
        expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    });

    test('a failing resource answers 503; unknown ones 404', async () => {
        playground.failingResources.add('OnDemandSyncBridge');
        expect((await fetch(`${playground.url}/resource/1/OnDemandSyncBridge`)).status).toBe(503);
        expect((await fetch(`${playground.url}/resource/1/NoSuchResource`)).status).toBe(404);
    });

    test('SLDS assets are served, and nothing outside them', async () => {
        const svg = await fetch(`${playground.url}/assets/icons/standard/account.svg`);
        expect(svg.status).toBe(200);
        expect(svg.headers.get('content-type')).toBe('image/svg+xml');
        expect((await fetch(`${playground.url}/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
    });
});

describe('the Apex methods', () => {
    test('getSyncContext answers with the Account’s billing accounts', async () => {
        const response = await apex('getSyncContext', { accountId: ACME });
        expect(response.status).toBe(200);
        const context = (await response.json()) as { billingAccounts: { name: string }[] };
        expect(context.billingAccounts.map((row) => row.name).sort()).toEqual([
            'Acme APAC',
            'Acme EU',
            'Acme US'
        ]);
    });

    test('requestSync sends the selection with source UI', async () => {
        const ids = playground.org.data.billingAccountsOf(ACME).map((row) => row.id);
        const response = await apex('requestSync', {
            accountId: ACME,
            billingAccountIds: ids.slice(0, 2)
        });
        expect(response.status).toBe(200);
        const body = (await response.json()) as { results: { status: string }[] };
        expect(body.results.map((result) => result.status)).toEqual(['REQUESTED', 'REQUESTED']);
        expect(
            playground.org
                .auditRows()
                .filter((row) => row.source === 'UI' && row.accountId === ACME)
        ).toHaveLength(2);
    });

    test('errors come back in the shape Lightning gives a component', async () => {
        const response = await apex('getSyncContext', { accountId: 'nope' });
        expect(response.status).toBe(500);
        const body = (await response.json()) as { message: string; exceptionType: string };
        expect(body.message).toContain('nope');
        expect(body.exceptionType).toBe('System.AuraHandledException');
        expect((await apex('deleteEverything', {})).status).toBe(404);
    });

    test('the org’s faults apply: latency, 503s and request failures by id', async () => {
        playground.org.injectFaults({ latencyMs: 200 });
        const started = Date.now();
        expect((await apex('getSyncContext', { accountId: ACME })).status).toBe(200);
        expect(Date.now() - started).toBeGreaterThanOrEqual(190);

        playground.org.injectFaults({ errorRate: 1 });
        expect((await apex('getSyncContext', { accountId: ACME })).status).toBe(503);

        playground.org.injectFaults({
            failures: { [ACME]: { errorCode: 'UNABLE_TO_LOCK_ROW', message: 'locked' } }
        });
        const failed = await apex('getSyncContext', { accountId: ACME });
        expect(failed.status).toBe(500);
        expect(((await failed.json()) as { message: string }).message).toBe('locked');
    });
});

describe('the Apex REST contract on the same port', () => {
    test('lists billing accounts and syncs them, as the command line does', async () => {
        const list = await rest(`accounts/${ACME}/billing-accounts`);
        expect(list.status).toBe(200);
        const { billingAccounts } = (await list.json()) as { billingAccounts: { id: string }[] };
        expect(billingAccounts).toHaveLength(3);
        const sync = await rest('sync', {
            method: 'POST',
            body: JSON.stringify({
                objectType: 'BILLING_ACCOUNT',
                ids: [billingAccounts[0].id],
                source: 'CLI'
            })
        });
        expect(sync.status).toBe(200);
        expect(((await sync.json()) as { results: { status: string }[] }).results[0].status).toBe(
            'REQUESTED'
        );
    });

    test('uses Salesforce’s error shape', async () => {
        const response = await rest('sync', {
            method: 'POST',
            body: JSON.stringify({ ids: ['bad'] })
        });
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual([
            expect.objectContaining({ errorCode: 'INVALID_ID' })
        ]);
        const anonymous = await fetch(
            `${playground.url}/services/apexrest/zuora/ondemandsync/v1/sync`,
            {
                method: 'POST'
            }
        );
        expect(anonymous.status).toBe(401);
    });

    test('the emulator’s control endpoint sets faults on the org the page uses', async () => {
        const response = await fetch(`${playground.url}/__emulator/faults`, {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ apiRequestsUsed: 14900 })
        });
        expect(response.status).toBe(200);
        expect(playground.org.limits.get('DailyApiRequests').used).toBe(14900);
    });
});

describe('fault injection from the environment', () => {
    test('reads latency, error rate, failures, API usage, outage, permission and configuration', () => {
        const setup = setupFromEnvironment({
            PLAYGROUND_LATENCY_MS: '800',
            PLAYGROUND_ERROR_RATE: '0.25',
            PLAYGROUND_FAIL:
                'a0X5g00000AcEu1=Zuora is down for this one;a0X5g00000AcUs2=UNABLE_TO_LOCK_ROW',
            PLAYGROUND_API_USAGE: '96%',
            PLAYGROUND_ZUORA_OUTAGE: 'timeout',
            PLAYGROUND_NO_PERMISSION: '1',
            PLAYGROUND_ZUORA_NOT_CONFIGURED: 'true',
            PLAYGROUND_FAIL_RESOURCE: 'OnDemandSyncBridge'
        });
        expect(setup.faults).toEqual({
            latencyMs: 800,
            errorRate: 0.25,
            zuoraOutage: 'timeout',
            failures: {
                a0X5g00000AcEu1: 'Zuora is down for this one',
                a0X5g00000AcUs2: { errorCode: 'UNABLE_TO_LOCK_ROW' }
            }
        });
        expect(setup.apiUsage).toEqual({ percent: 96 });
        expect(setup.hasPermission).toBe(false);
        expect(setup.zuoraConfigured).toBe(false);
        expect(setup.failingResources).toEqual(['OnDemandSyncBridge']);

        const org = playground.reset();
        applySetup(org, setup);
        expect(org.limits.get('DailyApiRequests').used).toBe(apiRequestsForShare(org, 96));
        expect(org.hasPermission()).toBe(false);
        expect(org.faults.current().latencyMs).toBe(800);
    });

    test('an empty environment changes nothing', () => {
        const setup = setupFromEnvironment({});
        expect(setup).toEqual({
            faults: {},
            apiUsage: null,
            hasPermission: null,
            canViewLimits: null,
            zuoraConfigured: null,
            failingResources: [],
            resourceLatencyMs: 0
        });
    });

    test('sets the user: a rep, a time zone and a locale', () => {
        const setup = setupFromEnvironment({
            PLAYGROUND_REP: '1',
            PLAYGROUND_TIMEZONE: 'europe/berlin',
            PLAYGROUND_LOCALE: 'de-de'
        });
        expect(setup).toMatchObject({
            canViewLimits: false,
            timeZone: 'Europe/Berlin',
            locale: 'de-DE'
        });
        expect(() => setupFromEnvironment({ PLAYGROUND_TIMEZONE: 'Mars/Olympus' })).toThrow(
            'PLAYGROUND_TIMEZONE'
        );
    });

    test('names the variable that is wrong', () => {
        expect(() => setupFromEnvironment({ PLAYGROUND_LATENCY_MS: 'slow' })).toThrow(
            'PLAYGROUND_LATENCY_MS'
        );
        expect(() => setupFromEnvironment({ PLAYGROUND_ERROR_RATE: '2' })).toThrow('errorRate');
        expect(() => parseFailures('no-equals-sign')).toThrow('PLAYGROUND_FAIL');
        expect(() => parseApiUsage('lots')).toThrow('PLAYGROUND_API_USAGE');
        expect(() => parseApiUsage('120%')).toThrow('at most 100%');
        expect(parseApiUsage('14500')).toEqual({ count: 14500 });
    });
});
