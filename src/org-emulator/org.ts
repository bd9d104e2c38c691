/**
 * The emulated org: sample data, the service and controller, a simulated Zuora, limits, the
 * audit log, fault injection and the record of received requests, in one object. The HTTP
 * server (http/) puts the Apex REST contract in front of it; tests may also use it in-process.
 */
import { idKey, keyPrefixOf, toId18 } from '../bridge/ids';
import { AuditLog, type AuditRow } from './audit-log';
import { AdjustableClock, type Clock } from './clock';
import { OnDemandSyncController } from './controller';
import { OrgData } from './data/org-data';
import type { SeedData } from './data/seed-data';
import { sampleSeed } from './data/seed';
import { FaultInjector, type Faults } from './faults';
import { BackgroundJobs, DEFAULT_JOB_BUDGET_PERCENT } from './jobs/background-jobs';
import type { OnDemandSyncGateway } from './gateway/gateway';
import { SimulatedZuoraGateway, type SyncJob } from './gateway/simulated-zuora-gateway';
import { DEFAULT_KEY_PREFIXES, USER_KEY_PREFIX } from './key-prefixes';
import { label, resolveLabels, type Labels } from './labels';
import { OrgLimits, Transaction } from './limits';
import { RequestLog, type ReceivedRequest } from './request-log';
import { DEFAULT_SETTINGS, ZUORA_GATEWAY_CLASS, withSettings, type SyncSettings } from './settings';
import { OnDemandSyncService } from './sync-service';
import { timeFormatter, type TimeFormatter, type UserTimeSettings } from './time-format';
import type { LimitEntry } from './types';

export interface EmulatedOrgOptions {
    /** The data to start with; default the samples (sampleSeed). */
    readonly seed?: SeedData;
    /** Default: real time, adjustable (see AdjustableClock). */
    readonly clock?: Clock;
    readonly settings?: Partial<SyncSettings>;
    /** Whether the running user has the Zuora_On_Demand_Sync custom permission. Default true. */
    readonly hasPermission?: boolean;
    /**
     * Whether the running user has the Zuora_On_Demand_Sync_Unsynced_Accounts custom permission
     * (send Zuora ids without a record). Default true: the playground's user is an admin.
     */
    readonly canSyncUnsyncedAccounts?: boolean;
    /**
     * Whether the running user has the Zuora_On_Demand_Sync_View_Limits custom permission (the
     * card's limits panel). Default true: the playground's user is an admin.
     */
    readonly canViewLimits?: boolean;
    readonly faults?: Faults;
    /** Custom Label values by name (see parseCustomLabels); missing ones keep the defaults. */
    readonly labels?: Readonly<Record<string, string>>;
    /** The running user's id. */
    readonly userId?: string;
    /** Request ids; default random UUIDs. */
    readonly newRequestId?: () => string;
    /** Seed of the simulated Zuora's job ids. Default 1. */
    readonly randomSeed?: number;
    /** Minutes Zuora takes to write a synced account back. Default 3. */
    readonly zuoraSyncMinutes?: number;
    /** API requests Zuora spends per synced account. Default 6. */
    readonly zuoraApiRequestsPerSync?: number;
    /** DailyApiRequests already used today. Default 1200. */
    readonly apiRequestsUsed?: number;
    /** DailyApiRequests allowance. Default 15000. */
    readonly apiRequestsMax?: number;
    /**
     * Background executions run by themselves this many ms after they are enqueued, as
     * Salesforce's async queue runs them; default null: only `jobs.runNext()` runs them (tests).
     */
    readonly backgroundExecutionDelayMs?: number | null;
    /** Job_Budget_Percent__c. Default 90. */
    readonly jobBudgetPercent?: number;
    /**
     * The running user's time zone and locale, which messages use as Apex's Datetime.format()
     * does; default none: messages say their times in UTC.
     */
    readonly user?: UserTimeSettings;
}

/** Everything the org holds, as JSON (GET /__emulator/state). */
export interface OrgState {
    readonly now: string;
    readonly hasPermission: boolean;
    readonly settings: SyncSettings;
    readonly faults: Faults;
    readonly limits: LimitEntry[];
    readonly counts: { accounts: number; billingAccounts: number; products: number };
    readonly auditLog: readonly AuditRow[];
    readonly zuoraJobs: readonly SyncJob[];
    readonly requests: readonly ReceivedRequest[];
}

const DEFAULT_USER_ID = toId18(`${USER_KEY_PREFIX}5g00000RsAlE`) as string;

export class EmulatedOrg {
    readonly clock: Clock;
    readonly data = new OrgData();
    readonly auditLog = new AuditLog();
    readonly faults = new FaultInjector();
    readonly requests = new RequestLog();
    readonly limits: OrgLimits;
    readonly zuora: SimulatedZuoraGateway;
    readonly service: OnDemandSyncService;
    readonly controller: OnDemandSyncController;
    readonly jobs: BackgroundJobs;
    readonly labels: Labels;
    readonly userId: string;
    /** How messages show a moment, for the running user. */
    readonly formatTime: TimeFormatter;
    /** Whether the Zuora package is installed (its billing account object exists). */
    zuoraInstalled = true;

    private permission: boolean;
    private limitsPermission: boolean;
    private currentSettings: SyncSettings;
    private readonly refusals = new Map<string, string>();
    private readonly gateways = new Map<string, OnDemandSyncGateway | null>();

    constructor(private readonly options: EmulatedOrgOptions = {}) {
        this.clock = options.clock ?? new AdjustableClock();
        this.labels = resolveLabels(options.labels);
        this.userId = options.userId ?? DEFAULT_USER_ID;
        this.formatTime = timeFormatter(options.user);
        this.permission = options.hasPermission ?? true;
        this.limitsPermission = options.canViewLimits ?? true;
        this.currentSettings = withSettings(DEFAULT_SETTINGS, options.settings);
        this.limits = new OrgLimits(
            { DailyApiRequests: options.apiRequestsUsed ?? 1200, DailyAsyncApexExecutions: 320 },
            options.apiRequestsMax === undefined ? {} : { DailyApiRequests: options.apiRequestsMax }
        );
        this.zuora = new SimulatedZuoraGateway({
            clock: this.clock,
            seed: options.randomSeed,
            syncMinutes: options.zuoraSyncMinutes,
            apiRequestsPerSync: options.zuoraApiRequestsPerSync,
            calloutLatencyMs: () => this.faults.zuoraLatencyMs,
            outage: () => this.faults.zuoraOutage,
            refusal: (item) =>
                this.faults.itemFailure([item.recordId, item.zuoraId]) ?? this.refusalFor(item),
            onSynced: (job, apiRequests) => {
                this.data.touch(job, new Date(job.completesAt));
                this.limits.add('DailyApiRequests', apiRequests);
            }
        });
        this.gateways.set(ZUORA_GATEWAY_CLASS, this.zuora);
        const deps = {
            clock: this.clock,
            hasPermission: () => this.permission,
            settings: () => this.currentSettings,
            auditLog: this.auditLog,
            labels: this.labels
        };
        this.service = new OnDemandSyncService({
            ...deps,
            resolveGateway: (className) => this.resolveGateway(className),
            canSyncUnsyncedAccounts: () => options.canSyncUnsyncedAccounts ?? true,
            formatTime: this.formatTime,
            records: this.data,
            orgLimits: this.limits,
            keyPrefixes: DEFAULT_KEY_PREFIXES,
            zuoraInstalled: () => this.zuoraInstalled,
            userId: this.userId,
            newRequestId: options.newRequestId
        });
        this.controller = new OnDemandSyncController({
            ...deps,
            data: this.data,
            service: this.service,
            canViewLimits: () => this.limitsPermission,
            formatTime: this.formatTime,
            gatewayConfigured: (className) =>
                this.zuoraInstalled && this.resolveGateway(className) !== null,
            orgLimits: this.limits
        });
        this.jobs = new BackgroundJobs({
            ...deps,
            service: this.service,
            data: this.data,
            orgLimits: this.limits,
            userId: this.userId,
            budgetPercent: () => options.jobBudgetPercent ?? DEFAULT_JOB_BUDGET_PERCENT,
            autoRunDelayMs: options.backgroundExecutionDelayMs ?? null
        });
        this.seed(options.seed ?? sampleSeed(this.clock.now()));
        if (options.faults) {
            this.injectFaults(options.faults);
        }
    }

    /**
     * Adds records, audit rows for requests made before now (cooldowns), and items Zuora
     * refuses. Records with an id already present are replaced.
     */
    seed(seed: SeedData): void {
        this.data.load(seed);
        for (const [id, message] of Object.entries(seed.zuoraRefusals ?? {})) {
            const key = idKey(id);
            if (key === null) {
                throw new RangeError(`zuoraRefusals: "${id}" is not an id`);
            }
            this.refusals.set(key, message);
        }
        const now = this.clock.now().getTime();
        this.auditLog.insert(
            (seed.recentRequests ?? []).map((request) => {
                const recordId = request.recordId ? toId18(request.recordId) : null;
                const record = recordId ? this.data.findRecord(recordId) : null;
                const status = request.status ?? 'REQUESTED';
                return {
                    requestedBy: this.userId,
                    requestedAt: new Date(now - request.minutesAgo * 60000).toISOString(),
                    source: 'UI' as const,
                    objectType:
                        keyPrefixOf(recordId) === DEFAULT_KEY_PREFIXES.PRODUCT
                            ? ('PRODUCT' as const)
                            : ('BILLING_ACCOUNT' as const),
                    recordId,
                    recordName: record?.name ?? null,
                    zuoraId: request.zuoraId ?? record?.zuoraId ?? null,
                    accountId: record?.accountId ?? null,
                    status,
                    message:
                        status === 'REQUESTED'
                            ? label(this.labels, 'OnDemandSync_Item_Requested')
                            : null,
                    jobId: null,
                    requestId: 'seed',
                    rawResult: null
                };
            })
        );
    }

    /** Empties the org (records, audit log, Zuora jobs, received requests, faults) and seeds it again. */
    reset(seed: SeedData = sampleSeed(this.clock.now())): void {
        this.data.clear();
        this.auditLog.clear();
        this.jobs.clear();
        this.zuora.clear();
        this.requests.clear();
        this.refusals.clear();
        this.faults.clear();
        this.permission = this.options.hasPermission ?? true;
        this.limitsPermission = this.options.canViewLimits ?? true;
        this.currentSettings = withSettings(DEFAULT_SETTINGS, this.options.settings);
        this.seed(seed);
    }

    /** Replaces the faults in force; `apiRequestsUsed` is applied to the org's counter at once. */
    injectFaults(faults: Faults): void {
        this.faults.set(faults);
        if (faults.apiRequestsUsed !== undefined) {
            this.limits.set('DailyApiRequests', faults.apiRequestsUsed);
        }
    }

    clearFaults(): void {
        this.faults.clear();
    }

    hasPermission(): boolean {
        return this.permission;
    }

    /** Grants or removes the Zuora_On_Demand_Sync permission of the running user. */
    setPermission(granted: boolean): void {
        this.permission = granted;
    }

    /** Grants or removes the Zuora_On_Demand_Sync_View_Limits permission of the running user. */
    setLimitsPermission(granted: boolean): void {
        this.limitsPermission = granted;
    }

    settings(): SyncSettings {
        return this.currentSettings;
    }

    /** Changes the On_Demand_Sync_Setting__mdt values (throws RangeError on a bad value). */
    updateSettings(changes: Partial<SyncSettings>): SyncSettings {
        this.currentSettings = withSettings(this.currentSettings, changes);
        return this.currentSettings;
    }

    /** Makes a gateway class resolvable by name (null: the class exists but is not a gateway). */
    registerGateway(className: string, gateway: OnDemandSyncGateway | null): void {
        this.gateways.set(className, gateway);
    }

    /** A new transaction (one REST request or controller call). */
    beginTransaction(): Transaction {
        return new Transaction();
    }

    /** Lets Zuora's running syncs complete up to now (their data arrives, API requests are spent). */
    settle(): void {
        this.zuora.settle(this.clock.now());
    }

    receivedRequests(): readonly ReceivedRequest[] {
        return this.requests.list();
    }

    auditRows(): readonly AuditRow[] {
        return this.auditLog.rows();
    }

    state(): OrgState {
        this.settle();
        return {
            now: this.clock.now().toISOString(),
            hasPermission: this.permission,
            settings: this.currentSettings,
            faults: this.faults.current(),
            limits: this.limits.snapshot(),
            counts: {
                accounts: this.data.accounts().length,
                billingAccounts: this.data.billingAccounts().length,
                products: this.data.products().length
            },
            auditLog: this.auditLog.rows(),
            zuoraJobs: this.zuora.jobs(),
            requests: this.requests.list()
        };
    }

    /** Type.forName(className) as an OnDemandSyncGateway, or null. */
    private resolveGateway(className: string): OnDemandSyncGateway | null {
        return this.gateways.get(className.trim()) ?? null;
    }

    private refusalFor(item: { recordId: string | null; zuoraId: string | null }): string | null {
        for (const id of [item.recordId, item.zuoraId]) {
            const key = idKey(id);
            const refusal = key === null ? undefined : this.refusals.get(key);
            if (refusal !== undefined) {
                return refusal;
            }
        }
        return null;
    }
}

/** A new emulated org. */
export function createEmulatedOrg(options: EmulatedOrgOptions = {}): EmulatedOrg {
    return new EmulatedOrg(options);
}
