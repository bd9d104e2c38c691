/**
 * The contract fixtures (contract-fixtures/cases, combined into the static resource
 * OnDemandSyncContractFixtures.json): their shape, a runner that puts one case through the
 * TypeScript service with the fixture's data, clock, permission, settings and the stub gateway,
 * and a checker that lists every way the outcome differs from the case's expectations.
 */
import { AuditLog } from '../audit-log';
import { AdjustableClock } from '../clock';
import { OrgData, type FieldRole } from '../data/org-data';
import { OrgError } from '../errors';
import type { GatewaySession } from '../gateway/gateway';
import { StubGateway, type StubGatewaySpec } from '../gateway/stub-gateway';
import { DEFAULT_KEY_PREFIXES, type KeyPrefixes } from '../key-prefixes';
import { DEFAULT_SETTINGS, withSettings, type SyncSettings } from '../settings';
import { Transaction } from '../limits';
import { OnDemandSyncService } from '../sync-service';
import type { ServiceItemStatus, SyncResponse } from '../types';

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

export interface ContractCase {
    /** Which entry point runs the case; absent: the service. */
    readonly entryPoint?: string;
    /** The case's file name (added by the build). */
    readonly file?: string;
    readonly name: string;
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

    const configured = testCase.settings?.gatewayConfigured ?? true;
    const settings = withSettings(DEFAULT_SETTINGS, {
        cooldownMinutes: testCase.settings?.cooldownMinutes ?? DEFAULT_SETTINGS.cooldownMinutes,
        apiSessionCap: testCase.settings?.apiSessionCap ?? DEFAULT_SETTINGS.apiSessionCap,
        gatewayClass: configured ? STUB_GATEWAY_CLASS : 'NotInstalledGateway'
    });
    const gateway = new StubGateway(testCase.gateway ?? {});
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
        userId: RUNNING_USER
    });
    return { clock, data, auditLog, settings, gateway, service };
}

/** Runs one case through the service. */
export async function runContractCase(testCase: ContractCase): Promise<ContractOutcome> {
    const { gateway, service } = caseWorld(testCase);
    let response: SyncResponse | null = null;
    let error: ContractOutcome['error'] = null;
    const transaction = new Transaction();
    if (testCase.transaction?.pendingWork === true) {
        transaction.dml(1);
    }
    transaction.callouts = testCase.transaction?.calloutsUsed ?? 0;
    try {
        response =
            testCase.operation === 'claim'
                ? await service.claim(testCase.request, transaction)
                : await service.requestSync(testCase.request, transaction);
    } catch (thrown) {
        if (!(thrown instanceof OrgError)) {
            throw thrown;
        }
        error = { errorCode: thrown.errorCode, httpStatus: thrown.status, message: thrown.message };
    }
    return {
        response,
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
