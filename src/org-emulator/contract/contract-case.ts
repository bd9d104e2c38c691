/**
 * The contract fixtures (contract-fixtures/cases, combined into the static resource
 * OnDemandSyncContractFixtures.json): their shape, a runner that puts one case through the entry
 * point it names (the service by default; the controller, the REST sync and listing routes, the
 * Flow action) with the fixture's data, clock, permission, settings and the stub gateway, and a
 * checker that lists every way the outcome differs from the case's expectations.
 */
import type { ENTRY_POINTS } from '../../bridge/contract';
import { AuditLog } from '../audit-log';
import { AdjustableClock } from '../clock';
import { OrgData, type FieldRole } from '../data/org-data';
import { OrgError } from '../errors';
import type { GatewaySession } from '../gateway/gateway';
import { StubGateway, type StubGatewaySpec } from '../gateway/stub-gateway';
import { DEFAULT_KEY_PREFIXES, type KeyPrefixes } from '../key-prefixes';
import { OnDemandSyncController } from '../controller';
import { resolveLabels, type Labels } from '../labels';
import { OrgLimits } from '../limits';
import { FaultInjector } from '../faults';
import { getBillingAccounts, postSync, type RestOrg } from '../rest-resource';
import { formatTime } from '../time-format';
import { DEFAULT_SETTINGS, withSettings, type SyncSettings } from '../settings';
import { Transaction } from '../limits';
import { OnDemandSyncService } from '../sync-service';
import type { RestBillingAccount, ServiceItemStatus, SyncInput, SyncResponse } from '../types';

/** The door a case goes through. */
export type EntryPoint = (typeof ENTRY_POINTS)[number];

export interface ContractRecord {
    readonly id: string;
    readonly name: string | null;
    readonly zuoraId: string | null;
    readonly accountId: string | null;
    readonly visible?: boolean;
    /** The Zuora entity of a billing account (multi-entity orgs). */
    readonly entityId?: string | null;
}

export interface ContractExpectedResult {
    readonly id: string;
    readonly status: ServiceItemStatus;
    readonly zuoraId?: string | null;
    readonly name?: string | null;
    readonly jobId?: string | null;
    readonly cooldownUntil?: string | null;
    readonly messageContains?: string;
}

export interface ContractExpectedListing {
    readonly id: string;
    readonly syncable: boolean;
    readonly cooldownUntil?: string | null;
}

export interface ContractCase {
    /** The case's file name (added by the build). */
    readonly file?: string;
    readonly name: string;
    /** Default "service". */
    readonly entryPoint?: EntryPoint;
    /** The Account the record page shows or the listing names (controller, restListing). */
    readonly account?: { id: string; visible?: boolean };
    /** Whether the user may read the audit log; default true. */
    readonly auditLogReadable?: boolean;
    /** Whether the Zuora package (its billing account object) is installed; default true. */
    readonly zuoraInstalled?: boolean;
    readonly now: string;
    readonly hasPermission: boolean;
    /** The Zuora_On_Demand_Sync_Unsynced_Accounts custom permission; default false. */
    readonly canSyncUnsyncedAccounts?: boolean;
    /** Fields the user may not read (field-level security). */
    readonly unreadableFields?: readonly FieldRole[];
    /** The transaction the request runs in: DML already done, callouts already made. */
    readonly transaction?: { pendingWork?: boolean; calloutsUsed?: number };
    readonly settings?: {
        cooldownMinutes?: number;
        apiSessionCap?: number;
        uiSessionCap?: number;
        gatewayConfigured?: boolean;
    };
    readonly records: readonly ContractRecord[];
    readonly keyPrefix?: Partial<KeyPrefixes>;
    readonly recentRequests?: readonly {
        recordId: string | null;
        zuoraId: string | null;
        minutesAgo: number;
        status?: ServiceItemStatus;
        /** The row's request (or claim) id; default "earlier". */
        requestId?: string;
        /** Made by the running user (default: by another user). */
        mine?: boolean;
    }[];
    /** What the case asks the service: a sync (default) or a claim. */
    readonly operation?: 'sync' | 'claim';
    readonly gateway?: StubGatewaySpec;
    readonly request: {
        objectType?: string | null;
        ids?: string[];
        zuoraIds?: string[];
        source?: string;
        emailNotification?: boolean | null;
        claimId?: string;
    };
    readonly expect: {
        readonly error?: { errorCode: string; httpStatus: number; messageContains?: string };
        readonly results?: readonly ContractExpectedResult[];
        /** restListing: the billing accounts listed, in order. */
        readonly billingAccounts?: readonly ContractExpectedListing[];
        readonly gatewayCalls: number;
        readonly sent?: { recordIds: string[]; zuoraIds: string[] };
        readonly auditRows: number;
    };
}

/** The static resource: { version: 1, cases: [...] }. */
export interface ContractFixtures {
    readonly version: number;
    readonly cases: readonly ContractCase[];
}

/** What happened when a case ran. */
export interface ContractOutcome {
    readonly response: SyncResponse | null;
    /** restListing only. */
    readonly billingAccounts?: readonly RestBillingAccount[];
    readonly error: { errorCode: string; httpStatus: number; message: string } | null;
    readonly gatewayCalls: readonly GatewaySession[];
    readonly auditRows: number;
}

/** The user a case runs as, and another user, as audit rows record them. */
export const RUNNING_USER = '0058d000005RunAAA';
const OTHER_USER = '0058d000005OthAAA';

/** The class name the fixture settings resolve to when the gateway is configured. */
const STUB_GATEWAY_CLASS = 'ContractStubGateway';

/** The org a case runs in: its clock, records, audit log, settings, stub gateway and service. */
export interface CaseWorld {
    readonly clock: AdjustableClock;
    readonly data: OrgData;
    readonly auditLog: AuditLog;
    readonly settings: SyncSettings;
    readonly gateway: StubGateway;
    readonly service: OnDemandSyncService;
    readonly labels: Labels;
    readonly zuoraInstalled: boolean;
}

/** Builds the org of a case, as the Apex tests set up theirs. */
export function caseWorld(testCase: ContractCase): CaseWorld {
    const clock = new AdjustableClock(testCase.now);
    const now = clock.now().getTime();
    const objectType =
        String(testCase.request.objectType ?? '')
            .trim()
            .toUpperCase() === 'PRODUCT'
            ? 'PRODUCT'
            : 'BILLING_ACCOUNT';

    const data = new OrgData();
    const seeded = testCase.records.map((record) => ({
        id: record.id,
        name: record.name ?? '',
        zuoraId: record.zuoraId,
        accountId: record.accountId,
        visible: record.visible ?? true,
        ...(record.entityId === undefined ? {} : { entityId: record.entityId })
    }));
    data.load(objectType === 'PRODUCT' ? { products: seeded } : { billingAccounts: seeded });
    for (const field of testCase.unreadableFields ?? []) {
        data.setFieldReadable(field, false);
    }

    const auditLog = new AuditLog();
    auditLog.insert(
        (testCase.recentRequests ?? []).map((row) => ({
            requestedBy: row.mine === true ? RUNNING_USER : OTHER_USER,
            requestedAt: new Date(now - row.minutesAgo * 60000).toISOString(),
            source: 'UI' as const,
            objectType,
            recordId: row.recordId,
            recordName: null,
            zuoraId: row.zuoraId,
            accountId: null,
            status: row.status ?? 'REQUESTED',
            message: null,
            jobId: null,
            requestId: row.requestId ?? 'earlier',
            rawResult: null
        }))
    );

    auditLog.readable = testCase.auditLogReadable ?? true;
    for (const account of testCase.account === undefined ? [] : [testCase.account]) {
        data.load({
            accounts: [
                { id: account.id, name: 'Contract Account', visible: account.visible ?? true }
            ]
        });
    }

    const configured = testCase.settings?.gatewayConfigured ?? true;
    const settings = withSettings(DEFAULT_SETTINGS, {
        cooldownMinutes: testCase.settings?.cooldownMinutes ?? DEFAULT_SETTINGS.cooldownMinutes,
        apiSessionCap: testCase.settings?.apiSessionCap ?? DEFAULT_SETTINGS.apiSessionCap,
        uiSessionCap: testCase.settings?.uiSessionCap ?? DEFAULT_SETTINGS.uiSessionCap,
        gatewayClass: configured ? STUB_GATEWAY_CLASS : 'NotInstalledGateway'
    });
    const zuoraInstalled = testCase.zuoraInstalled ?? true;
    const gateway = new StubGateway(testCase.gateway ?? {});
    const labels = resolveLabels();
    const service = new OnDemandSyncService({
        clock,
        hasPermission: () => testCase.hasPermission,
        canSyncUnsyncedAccounts: () => testCase.canSyncUnsyncedAccounts ?? false,
        settings: () => settings,
        resolveGateway: (className) => (className === STUB_GATEWAY_CLASS ? gateway : null),
        records: data,
        auditLog,
        keyPrefixes: { ...DEFAULT_KEY_PREFIXES, ...testCase.keyPrefix },
        newRequestId: () => 'contract-case',
        userId: RUNNING_USER,
        zuoraInstalled: () => zuoraInstalled
    });
    return { clock, data, auditLog, settings, gateway, service, labels, zuoraInstalled };
}

/** Runs one case through its entry point. */
export async function runContractCase(testCase: ContractCase): Promise<ContractOutcome> {
    const { clock, data, auditLog, settings, gateway, service, labels, zuoraInstalled } =
        caseWorld(testCase);
    const transaction = new Transaction();
    if (testCase.transaction?.pendingWork === true) {
        transaction.dml(1);
    }
    transaction.callouts = testCase.transaction?.calloutsUsed ?? 0;
    const org: RestOrg = {
        auditLog,
        beginTransaction: () => transaction,
        clock,
        data,
        faults: new FaultInjector(),
        formatTime,
        labels,
        limits: new OrgLimits({}),
        service,
        settings: () => settings,
        zuoraInstalled
    };
    const controller = (): OnDemandSyncController =>
        new OnDemandSyncController({
            clock,
            data,
            auditLog,
            service,
            hasPermission: () => testCase.hasPermission,
            canViewLimits: () => false,
            settings: () => settings,
            gatewayConfigured: (className) => zuoraInstalled && className === STUB_GATEWAY_CLASS,
            orgLimits: org.limits,
            labels,
            beginTransaction: () => transaction
        });
    const request = testCase.request as SyncInput;

    let response: SyncResponse | null = null;
    let billingAccounts: RestBillingAccount[] | undefined;
    let error: ContractOutcome['error'] = null;
    try {
        switch (testCase.entryPoint ?? 'service') {
            case 'service':
                response =
                    testCase.operation === 'claim'
                        ? await service.claim(request, transaction)
                        : await service.requestSync(request, transaction);
                break;
            case 'flow':
                // OnDemandSyncService.Input.toRequest: the source is always FLOW.
                response = await service.requestSync({ ...request, source: 'FLOW' }, transaction);
                break;
            case 'restSync':
                response = await postSync(org, testCase.request, testCase.operation ?? 'sync');
                break;
            case 'restListing':
                billingAccounts = getBillingAccounts(
                    org,
                    testCase.account?.id ?? ''
                ).billingAccounts;
                break;
            case 'controller':
                response = await controller().requestSync(
                    testCase.account?.id,
                    testCase.request.ids ?? []
                );
                break;
        }
    } catch (thrown) {
        if (!(thrown instanceof OrgError)) {
            throw thrown;
        }
        error = { errorCode: thrown.errorCode, httpStatus: thrown.status, message: thrown.message };
    }
    return {
        response,
        ...(billingAccounts === undefined ? {} : { billingAccounts }),
        error,
        gatewayCalls: gateway.calls,
        auditRows: transaction.auditRowsWritten
    };
}

/** Every difference between the outcome and the case's expectations (empty when it passes). */
export function checkContractCase(testCase: ContractCase, outcome: ContractOutcome): string[] {
    const problems: string[] = [];
    const differ = (what: string, expected: unknown, actual: unknown): void => {
        if (JSON.stringify(expected) !== JSON.stringify(actual)) {
            problems.push(
                `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`
            );
        }
    };
    const expected = testCase.expect;
    if (expected.error) {
        differ('error code', expected.error.errorCode, outcome.error?.errorCode ?? null);
        differ('HTTP status', expected.error.httpStatus, outcome.error?.httpStatus ?? null);
        if (
            expected.error.messageContains !== undefined &&
            !outcome.error?.message.includes(expected.error.messageContains)
        ) {
            problems.push(
                `error message "${outcome.error?.message}" does not contain "${expected.error.messageContains}"`
            );
        }
    } else if (expected.billingAccounts) {
        differ('request error', null, outcome.error);
        differ(
            'billing accounts',
            expected.billingAccounts.map((want) => ({
                id: want.id,
                syncable: want.syncable,
                ...('cooldownUntil' in want ? { cooldownUntil: want.cooldownUntil } : {})
            })),
            (outcome.billingAccounts ?? []).map((got, index) => ({
                id: got.id,
                syncable: got.syncable,
                ...(expected.billingAccounts?.[index] &&
                'cooldownUntil' in expected.billingAccounts[index]
                    ? { cooldownUntil: got.cooldownUntil }
                    : {})
            }))
        );
    } else {
        differ('request error', null, outcome.error);
        const results = outcome.response?.results ?? [];
        differ(
            'result ids',
            (expected.results ?? []).map((result) => result.id),
            results.map((result) => result.id)
        );
        (expected.results ?? []).forEach((want, index) => {
            const got = results[index];
            if (got === undefined) {
                return;
            }
            for (const key of ['status', 'zuoraId', 'name', 'jobId', 'cooldownUntil'] as const) {
                if (want[key] !== undefined) {
                    differ(`results[${index}].${key}`, want[key], got[key]);
                }
            }
            if (
                want.messageContains !== undefined &&
                !(got.message ?? '').includes(want.messageContains)
            ) {
                problems.push(
                    `results[${index}].message "${got.message}" does not contain "${want.messageContains}"`
                );
            }
        });
    }
    differ('gateway calls', expected.gatewayCalls, outcome.gatewayCalls.length);
    if (expected.sent) {
        const session = outcome.gatewayCalls[0];
        differ(
            'sent',
            expected.sent,
            session ? { recordIds: session.recordIds, zuoraIds: session.zuoraIds } : null
        );
    }
    differ('audit rows', expected.auditRows, outcome.auditRows);
    return problems;
}
