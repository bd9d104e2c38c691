/** OnDemandSyncController: what the record page calls, with the Apex controller's shapes and checks. */
import { checksumOf } from '../../bridge/ids';
import { AdjustableClock } from '../clock';
import { SAMPLE_ACCOUNT_IDS, SAMPLE_COOLING_DOWN_ID, SAMPLE_NO_ZUORA_ID } from '../data/seed';
import { OrgError, toAuraError } from '../errors';
import { DEFAULT_LABELS } from '../labels';
import { createEmulatedOrg, type EmulatedOrg } from '../org';

const NOW = '2026-11-20T10:00:00.000Z';
let org: EmulatedOrg;

beforeEach(() => {
    org = createEmulatedOrg({ clock: new AdjustableClock(NOW), newRequestId: () => 'ui-request' });
});

const globexIds = (): string[] =>
    org.data
        .billingAccountsOf(SAMPLE_ACCOUNT_IDS.twelveBillingAccounts)
        .map((billing) => billing.id);

async function rejection(promise: Promise<unknown>): Promise<OrgError> {
    try {
        await promise;
    } catch (error) {
        if (error instanceof OrgError) {
            return error;
        }
        throw error;
    }
    throw new Error('expected an OrgError');
}

describe('getSyncContext', () => {
    it('says whether the user may see the limits panel (Zuora_On_Demand_Sync_View_Limits)', async () => {
        org.setLimitsPermission(false);
        const rep = await org.controller.getSyncContext(SAMPLE_ACCOUNT_IDS.coolingDown);
        expect(rep.canViewLimits).toBe(false);
        // The limits still come: the rep's warnings are made from them.
        expect(rep.limits.length).toBeGreaterThan(0);
        org.setLimitsPermission(true);
        const admin = await org.controller.getSyncContext(SAMPLE_ACCOUNT_IDS.coolingDown);
        expect(admin.canViewLimits).toBe(true);
    });

    it('gives the billing accounts, the settings, the limits, the permission and the configuration', async () => {
        const context = await org.controller.getSyncContext(
            SAMPLE_ACCOUNT_IDS.coolingDown.slice(0, 15)
        );
        expect(Object.keys(context)).toEqual([
            'accountId',
            'billingAccounts',
            'settings',
            'limits',
            'hasPermission',
            'canViewLimits',
            'zuoraConfigured'
        ]);
        expect(context).toMatchObject({
            accountId: SAMPLE_ACCOUNT_IDS.coolingDown,
            settings: { uiSessionCap: 8, cooldownMinutes: 30, warningThresholdPercent: 80 },
            hasPermission: true,
            canViewLimits: true,
            zuoraConfigured: true
        });
        expect(
            context.billingAccounts.map((billing) => [
                billing.name,
                billing.syncable,
                billing.cooldownUntil
            ])
        ).toEqual([
            ['Initech Austin', false, '2026-11-20T10:20:00.000Z'],
            ['Initech Dallas', true, null]
        ]);
        expect(Object.keys(context.billingAccounts[0])).toEqual([
            'id',
            'name',
            'accountNumber',
            'zuoraId',
            'status',
            'balance',
            'currencyIsoCode',
            'entityId',
            'lastModified',
            'syncable',
            'reason',
            'cooldownUntil'
        ]);
        expect(context.billingAccounts[0].reason).toContain('requested recently');
        expect(context.billingAccounts[1]).toMatchObject({ reason: null, currencyIsoCode: 'USD' });
        expect(context.limits.map((limit) => limit.name)).toEqual([
            'Callouts',
            'SoqlQueries',
            'DmlStatements',
            'CpuTime',
            'HeapSize',
            'DailyApiRequests',
            'DailyAsyncApexExecutions'
        ]);
    });

    it('explains a billing account without a Zuora id', async () => {
        const context = await org.controller.getSyncContext(SAMPLE_ACCOUNT_IDS.missingZuoraId);
        expect(
            context.billingAccounts.find((billing) => billing.id === SAMPLE_NO_ZUORA_ID)
        ).toMatchObject({
            syncable: false,
            reason: DEFAULT_LABELS.OnDemandSync_Item_NoZuoraId,
            cooldownUntil: null
        });
    });

    it('flags a user without the permission and a missing gateway instead of failing', async () => {
        org.setPermission(false);
        org.registerGateway('ZuoraOnDemandSyncGateway', null);
        const context = await org.controller.getSyncContext(
            SAMPLE_ACCOUNT_IDS.threeBillingAccounts
        );
        expect(context).toMatchObject({ hasPermission: false, zuoraConfigured: false });
        expect(context.billingAccounts).toHaveLength(3);
    });

    it('refuses an id that is not an Account id', async () => {
        expect(
            await rejection(org.controller.getSyncContext(SAMPLE_COOLING_DOWN_ID))
        ).toMatchObject({
            errorCode: 'INVALID_ID',
            message: `${SAMPLE_COOLING_DOWN_ID} is not a valid Account id.`
        });
        expect((await rejection(org.controller.getSyncContext(undefined))).errorCode).toBe(
            'INVALID_ID'
        );
    });
});

describe('requestSync', () => {
    it('syncs up to 8 billing accounts of the Account, with source UI', async () => {
        const ids = globexIds().slice(0, 8);
        const response = await org.controller.requestSync(
            SAMPLE_ACCOUNT_IDS.twelveBillingAccounts,
            ids
        );
        expect(response.results.map((result) => result.status)).toEqual(ids.map(() => 'REQUESTED'));
        const rows = org.auditRows().filter((row) => row.requestId === 'ui-request');
        expect(rows).toHaveLength(8);
        expect(new Set(rows.map((row) => row.source))).toEqual(new Set(['UI']));
        expect(rows[0].accountId).toBe(SAMPLE_ACCOUNT_IDS.twelveBillingAccounts);
    });

    it('counts a 15- and an 18-character id of one record once', async () => {
        const ids = globexIds().slice(0, 8);
        const response = await org.controller.requestSync(
            SAMPLE_ACCOUNT_IDS.twelveBillingAccounts,
            [...ids, ` ${ids[0].slice(0, 15)} `]
        );
        expect(response.results).toHaveLength(8);
    });

    it.each([
        [
            'nine billing accounts (UI cap 8)',
            () => [SAMPLE_ACCOUNT_IDS.twelveBillingAccounts, globexIds().slice(0, 9)],
            'TOO_MANY_IDS'
        ],
        [
            'no billing accounts',
            () => [SAMPLE_ACCOUNT_IDS.twelveBillingAccounts, []],
            'EMPTY_REQUEST'
        ],
        [
            'ids that are not a list',
            () => [SAMPLE_ACCOUNT_IDS.twelveBillingAccounts, 'a0X'],
            'EMPTY_REQUEST'
        ],
        [
            'a malformed id',
            () => [SAMPLE_ACCOUNT_IDS.twelveBillingAccounts, ['a0X5g00000GbX1']],
            'INVALID_ID'
        ],
        [
            'an id of another object',
            () => [SAMPLE_ACCOUNT_IDS.twelveBillingAccounts, [SAMPLE_ACCOUNT_IDS.coolingDown]],
            'INVALID_ID'
        ],
        [
            'a billing account of another Account',
            () => [SAMPLE_ACCOUNT_IDS.threeBillingAccounts, globexIds().slice(0, 1)],
            'INSUFFICIENT_ACCESS'
        ],
        [
            'an Account id that is not one',
            () => [SAMPLE_COOLING_DOWN_ID, globexIds().slice(0, 1)],
            'INVALID_ID'
        ]
    ])('refuses %s and sends nothing', async (_what, args, errorCode) => {
        const [accountId, ids] = args();
        const error = await rejection(org.controller.requestSync(accountId, ids));
        expect(error.errorCode).toBe(errorCode);
        expect(org.zuora.jobs()).toEqual([]);
        expect(org.auditRows().filter((row) => row.requestId === 'ui-request')).toEqual([]);
    });

    it('refuses a billing account of the Account that the user cannot see', async () => {
        const [hidden, visible] = globexIds();
        org.data.setVisible(hidden, false);
        const error = await rejection(
            org.controller.requestSync(SAMPLE_ACCOUNT_IDS.twelveBillingAccounts, [visible, hidden])
        );
        expect(error).toMatchObject({
            errorCode: 'INSUFFICIENT_ACCESS',
            status: 403,
            message: DEFAULT_LABELS.OnDemandSync_Error_NotThisAccount
        });
    });

    it('checks the Account id, then the permission', async () => {
        org.setPermission(false);
        expect((await rejection(org.controller.requestSync('junk', []))).errorCode).toBe(
            'INVALID_ID'
        );
        const error = await rejection(
            org.controller.requestSync(SAMPLE_ACCOUNT_IDS.threeBillingAccounts, [])
        );
        expect(error).toMatchObject({ errorCode: 'INSUFFICIENT_ACCESS', status: 403 });
    });

    it('gives the Aura error a component receives', async () => {
        const error = await rejection(
            org.controller.requestSync(SAMPLE_ACCOUNT_IDS.twelveBillingAccounts, [])
        );
        expect(toAuraError(error)).toEqual({
            status: 500,
            body: {
                message: DEFAULT_LABELS.OnDemandSync_Error_EmptyRequest,
                exceptionType: 'System.AuraHandledException',
                isUserDefinedException: false,
                stackTrace: null
            },
            headers: {}
        });
    });
});

/** A well-formed Account id with no record behind it. */
const MISSING_ACCOUNT_ID = `0015g00000NoSuc${checksumOf('0015g00000NoSuc')}`;

describe('the Account the controller works for', () => {
    it.each([
        ['that the user cannot see', () => hideAccount(SAMPLE_ACCOUNT_IDS.threeBillingAccounts)],
        ['that does not exist', () => MISSING_ACCOUNT_ID]
    ])('refuses a context for an Account %s with NOT_FOUND', async (_what, accountOf) => {
        const error = await rejection(org.controller.getSyncContext(accountOf()));
        expect(error).toMatchObject({
            errorCode: 'NOT_FOUND',
            status: 404,
            message: DEFAULT_LABELS.OnDemandSync_Error_AccountNotFound
        });
        expect(toAuraError(error).body.message).toBe(
            'This Account does not exist or you do not have access to it. Check the Account, or ask your Salesforce admin for access.'
        );
    });

    it('refuses a sync for an Account the user cannot see and sends nothing', async () => {
        const ids = globexIds().slice(0, 2);
        hideAccount(SAMPLE_ACCOUNT_IDS.twelveBillingAccounts);
        const error = await rejection(
            org.controller.requestSync(SAMPLE_ACCOUNT_IDS.twelveBillingAccounts, ids)
        );
        expect(error).toMatchObject({ errorCode: 'NOT_FOUND', status: 404 });
        expect(org.zuora.jobs()).toEqual([]);
        expect(org.auditRows().filter((row) => row.requestId === 'ui-request')).toEqual([]);
    });
});

describe('requestSync without Zuora configured', () => {
    it('answers ZUORA_NOT_CONFIGURED, not "not this Account\'s", whatever the selection', async () => {
        org.updateSettings({ gatewayClass: 'NotInstalledGateway' });
        const foreign = globexIds().slice(0, 1);
        const error = await rejection(
            org.controller.requestSync(SAMPLE_ACCOUNT_IDS.threeBillingAccounts, foreign)
        );
        expect(error).toMatchObject({
            errorCode: 'ZUORA_NOT_CONFIGURED',
            status: 500,
            message: DEFAULT_LABELS.OnDemandSync_Error_ZuoraNotConfigured
        });
        expect(org.zuora.jobs()).toEqual([]);
    });

    it('still checks the permission and the selection first', async () => {
        org.registerGateway('ZuoraOnDemandSyncGateway', null);
        expect(
            (
                await rejection(
                    org.controller.requestSync(SAMPLE_ACCOUNT_IDS.threeBillingAccounts, [])
                )
            ).errorCode
        ).toBe('EMPTY_REQUEST');
        org.setPermission(false);
        expect(
            (
                await rejection(
                    org.controller.requestSync(SAMPLE_ACCOUNT_IDS.threeBillingAccounts, ['x'])
                )
            ).errorCode
        ).toBe('INSUFFICIENT_ACCESS');
    });
});

describe('an unexpected error in the controller', () => {
    it('reaches the page as the generic label with a reference; the details go to the debug log', async () => {
        const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
        const failing = jest.spyOn(org.data, 'billingAccountsOf').mockImplementation(() => {
            throw new TypeError('Cannot read properties of undefined (reading secretField)');
        });
        try {
            const error = await rejection(
                org.controller.getSyncContext(SAMPLE_ACCOUNT_IDS.threeBillingAccounts)
            );
            expect(error).toMatchObject({ errorCode: 'UNKNOWN_EXCEPTION', status: 500 });
            const reference = /([0-9A-F]{10})$/.exec(error.message)?.[1] ?? '';
            expect(error.message).toBe(
                DEFAULT_LABELS.OnDemandSync_Error_Unexpected.replace('{0}', reference)
            );
            expect(error.message).not.toContain('secretField');
            expect(logged).toHaveBeenCalledTimes(1);
            expect(logged.mock.calls[0][0]).toContain(`On-Demand Sync error ${reference}:`);
            expect(logged.mock.calls[0][0]).toContain('secretField');
        } finally {
            failing.mockRestore();
            logged.mockRestore();
        }
    });
});

function hideAccount(accountId: string): string {
    org.data.setVisible(accountId, false);
    return accountId;
}
