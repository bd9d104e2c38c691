/** The org's parts that others rely on: settings, labels, limits, audit log, gateways. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AdjustableClock } from '../clock';
import { SAMPLE_ACCOUNT_IDS } from '../data/seed';
import { StubGateway } from '../gateway/stub-gateway';
import { DEFAULT_LABELS, LABEL_NAMES, parseCustomLabels, resolveLabels } from '../labels';
import { OrgLimits } from '../limits';
import { createEmulatedOrg } from '../org';
import { DEFAULT_SETTINGS } from '../settings';

const ROOT = join(__dirname, '../../..');
const NOW = '2026-11-20T10:00:00.000Z';

describe('settings', () => {
    it('default to the On_Demand_Sync_Setting__mdt Default record shipped in force-app', () => {
        const xml = readFileSync(
            join(
                ROOT,
                'force-app/main/default/customMetadata/On_Demand_Sync_Setting.Default.md-meta.xml'
            ),
            'utf8'
        );
        const values = Object.fromEntries(
            [...xml.matchAll(/<field>(\w+)<\/field>\s*<value[^>]*>([^<]*)<\/value>/g)].map(
                ([, field, value]) => [field, value]
            )
        );
        expect(DEFAULT_SETTINGS).toEqual({
            cooldownMinutes: Number(values.Cooldown_Minutes__c),
            uiSessionCap: Number(values.UI_Session_Cap__c),
            apiSessionCap: Number(values.API_Session_Cap__c),
            warningThresholdPercent: Number(values.Warning_Threshold_Percent__c),
            emailNotification: values.Email_Notification__c === 'true',
            gatewayClass: values.Gateway_Class__c
        });
    });

    it('are bounded as the Apex settings bound them, and refuse values of the wrong type', () => {
        const org = createEmulatedOrg();
        expect(
            org.updateSettings({ cooldownMinutes: 5000, uiSessionCap: 20, apiSessionCap: 0 })
        ).toMatchObject({
            cooldownMinutes: 1440,
            uiSessionCap: 8,
            apiSessionCap: 1
        });
        expect(org.updateSettings({ gatewayClass: '  ' }).gatewayClass).toBe(
            'ZuoraOnDemandSyncGateway'
        );
        expect(() => org.updateSettings({ cooldownMinutes: Number.NaN })).toThrow(RangeError);
        expect(() =>
            org.updateSettings({ emailNotification: 'yes' as unknown as boolean })
        ).toThrow(RangeError);
    });

    it('never let the service send more than Zuora takes (10), whatever the setting says', async () => {
        const org = createEmulatedOrg({
            clock: new AdjustableClock(NOW),
            settings: { apiSessionCap: 50 }
        });
        const ids = org.data
            .billingAccountsOf(SAMPLE_ACCOUNT_IDS.twelveBillingAccounts)
            .map((billing) => billing.id);
        await expect(org.service.requestSync({ ids: ids.slice(0, 11) })).rejects.toMatchObject({
            errorCode: 'TOO_MANY_IDS'
        });
    });

    it('pass the email notification setting to the gateway unless the request says', async () => {
        const org = createEmulatedOrg({
            clock: new AdjustableClock(NOW),
            settings: { emailNotification: true }
        });
        const stub = new StubGateway();
        org.registerGateway('StubGateway', stub);
        org.updateSettings({ gatewayClass: 'StubGateway', cooldownMinutes: 0 });
        const [id] = org.data
            .billingAccountsOf(SAMPLE_ACCOUNT_IDS.threeBillingAccounts)
            .map((billing) => billing.id);
        await org.service.requestSync({ ids: [id] });
        await org.service.requestSync({ ids: [id], emailNotification: false });
        expect(stub.calls.map((session) => session.emailNotification)).toEqual([true, false]);
    });
});

describe('labels', () => {
    it('are read from the project CustomLabels file, name for name', () => {
        const file = join(ROOT, 'force-app/main/default/labels/CustomLabels.labels-meta.xml');
        const project = parseCustomLabels(readFileSync(file, 'utf8'));
        for (const name of LABEL_NAMES) {
            expect([name, DEFAULT_LABELS[name]]).toEqual([name, project[name]]);
        }
    });

    it('are the labels the Apex service uses', () => {
        // Every Apex class of force-app, whatever folder it sits in.
        const forceApp = join(ROOT, 'force-app');
        const apex = (readdirSync(forceApp, { recursive: true }) as string[])
            .filter((name) => name.endsWith('.cls') && !name.includes('_Tests'))
            .map((name) => readFileSync(join(forceApp, name), 'utf8'))
            .join('\n');
        for (const name of LABEL_NAMES) {
            expect([name, apex.includes(`Label.${name}`)]).toEqual([name, true]);
        }
    });

    it('parse a CustomLabels file and override the defaults by name', () => {
        const xml = `<?xml version="1.0" encoding="UTF-8"?>
<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">
    <labels>
        <fullName>OnDemandSync_Item_Requested</fullName>
        <language>en_US</language>
        <protected>false</protected>
        <shortDescription>Requested</shortDescription>
        <value>Sync requested &amp; queued</value>
    </labels>
    <labels>
        <fullName>OnDemandSync_Other</fullName>
        <value>Unused</value>
    </labels>
</CustomLabels>`;
        const parsed = parseCustomLabels(xml);
        expect(parsed).toEqual({
            OnDemandSync_Item_Requested: 'Sync requested & queued',
            OnDemandSync_Other: 'Unused'
        });
        const labels = resolveLabels(parsed);
        expect(labels.OnDemandSync_Item_Requested).toBe('Sync requested & queued');
        expect(labels.OnDemandSync_Item_NotFound).toBe(DEFAULT_LABELS.OnDemandSync_Item_NotFound);
    });

    it('answer with the org labels given (e.g. the project CustomLabels when present)', async () => {
        const file = join(ROOT, 'force-app/main/default/labels/CustomLabels.labels-meta.xml');
        const given = existsSync(file) ? parseCustomLabels(readFileSync(file, 'utf8')) : {};
        const labels = { ...given, OnDemandSync_Item_Requested: 'Zuora has the request' };
        const org = createEmulatedOrg({ clock: new AdjustableClock(NOW), labels });
        const [id] = org.data
            .billingAccountsOf(SAMPLE_ACCOUNT_IDS.threeBillingAccounts)
            .map((billing) => billing.id);
        const response = await org.service.requestSync({ ids: [id] });
        expect(response.results[0].message).toBe('Zuora has the request');
    });
});

describe('limits and audit log', () => {
    it('count the org API requests up to the allowance', () => {
        const limits = new OrgLimits({ DailyApiRequests: 14999 });
        expect(limits.countApiRequest()).toBe(true);
        expect(limits.countApiRequest()).toBe(false);
        expect(limits.get('DailyApiRequests')).toEqual({ used: 15000, max: 15000 });
        expect(() => limits.set('DailyApiRequests', -1)).toThrow(RangeError);
    });

    it('write one audit row per result with the fields of On_Demand_Sync_Log__c', async () => {
        const org = createEmulatedOrg({
            clock: new AdjustableClock(NOW),
            newRequestId: () => 'r-1'
        });
        const [id] = org.data
            .billingAccountsOf(SAMPLE_ACCOUNT_IDS.threeBillingAccounts)
            .map((billing) => billing.id);
        await org.service.requestSync({ ids: [id], source: 'FLOW' });
        const row = org.auditRows().find((entry) => entry.requestId === 'r-1');
        expect(row).toMatchObject({
            requestedBy: org.userId,
            requestedAt: NOW,
            source: 'FLOW',
            objectType: 'BILLING_ACCOUNT',
            recordId: id,
            recordName: 'Acme APAC',
            accountId: SAMPLE_ACCOUNT_IDS.threeBillingAccounts,
            status: 'REQUESTED',
            message: DEFAULT_LABELS.OnDemandSync_Item_Requested
        });
        expect(row?.name).toMatch(/^ODS-\d{6}$/);
        expect(row?.id).toMatch(/^a0Z[a-zA-Z0-9]{15}$/);
        expect(JSON.parse(row?.rawResult ?? 'null')).toMatchObject({
            success: true,
            jobId: row?.jobId
        });
    });

    it('record an unknown source as API', async () => {
        const org = createEmulatedOrg({
            clock: new AdjustableClock(NOW),
            newRequestId: () => 'r-2'
        });
        const [id] = org.data
            .billingAccountsOf(SAMPLE_ACCOUNT_IDS.threeBillingAccounts)
            .map((billing) => billing.id);
        await org.service.requestSync({ ids: [id], source: 'BATCH' });
        expect(org.auditRows().find((entry) => entry.requestId === 'r-2')?.source).toBe('API');
    });
});

describe("the user's time in messages", () => {
    const INITECH = SAMPLE_ACCOUNT_IDS.coolingDown;

    async function coolingReason(
        options: Parameters<typeof createEmulatedOrg>[0]
    ): Promise<string> {
        const org = createEmulatedOrg({ clock: new AdjustableClock(NOW), ...options });
        const context = await org.controller.getSyncContext(INITECH);
        const cooling = context.billingAccounts.find((billing) => billing.cooldownUntil);
        return cooling?.reason ?? '';
    }

    it('says times in UTC, explicitly, without a user time zone', async () => {
        await expect(coolingReason({})).resolves.toContain('2026-11-20 10:20 UTC');
    });

    it("gives times in the user's zone and locale, as Apex's Datetime.format() does", async () => {
        const kolkata = await coolingReason({
            user: { timeZone: 'Asia/Kolkata', locale: 'en-US' }
        });
        expect(kolkata).toMatch(/11\/20\/2026, 3:50\sPM/);
        expect(kolkata).not.toContain('UTC');
        const berlin = await coolingReason({
            user: { timeZone: 'Europe/Berlin', locale: 'de-DE' }
        });
        expect(berlin).toContain('20.11.2026, 11:20');
    });

    it('uses the same clock in the sync answer as in the listing', async () => {
        const org = createEmulatedOrg({
            clock: new AdjustableClock(NOW),
            user: { timeZone: 'Asia/Kolkata', locale: 'en-US' }
        });
        const context = await org.controller.getSyncContext(INITECH);
        const cooling = context.billingAccounts.find((billing) => billing.cooldownUntil)!;
        const answer = await org.controller.requestSync(INITECH, [cooling.id]);
        expect(answer.results[0].status).toBe('SKIPPED');
        expect(answer.results[0].message).toMatch(/11\/20\/2026, 3:50\sPM/);
    });
});
