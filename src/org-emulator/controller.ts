/**
 * OnDemandSyncController, in TypeScript: the two methods the record page component calls, with
 * the shapes and checks of the Apex controller. The controller never trusts the page: it checks
 * the Account id and that the user can see the Account, then hands the ids to the service with
 * source UI and that Account as their owner. The service checks the rest in one pass: the
 * permission, a non-empty selection, that every id is a billing account id, the page's cap
 * (UI_Session_Cap__c, at most 8), that Zuora is configured, and that every billing account
 * belongs to the Account and is visible. Errors are OrgError (anything unexpected
 * becomes UNKNOWN_EXCEPTION with an error reference); `toAuraError` gives what a component
 * receives.
 */
import { requireVisibleAccount } from './account-selector';
import type { AuditLog } from './audit-log';
import { listBillingAccounts } from './billing-account-view';
import type { Clock } from './clock';
import type { OrgData } from './data/org-data';
import { asOrgError } from './errors';
import type { Labels } from './labels';
import { Transaction, type OrgLimits } from './limits';
import type { SyncSettings } from './settings';
import type { TimeFormatter } from './time-format';
import type { OnDemandSyncService } from './sync-service';
import type { BillingAccountView, LimitEntry, SyncResponse } from './types';

export interface ControllerDeps {
    readonly clock: Clock;
    readonly data: OrgData;
    readonly auditLog: AuditLog;
    readonly service: OnDemandSyncService;
    readonly hasPermission: () => boolean;
    /** The Zuora_On_Demand_Sync_View_Limits custom permission (the card's limits panel). */
    readonly canViewLimits: () => boolean;
    /** How messages show a moment; default UTC. */
    readonly formatTime?: TimeFormatter;
    readonly settings: () => SyncSettings;
    /** True when a gateway can be resolved for the class name (Zuora installed and set up). */
    readonly gatewayConfigured: (className: string) => boolean;
    readonly orgLimits: OrgLimits;
    readonly labels: Labels;
    /** The transaction each call runs in; default a fresh one. */
    readonly beginTransaction?: () => Transaction;
}

/** OnDemandSyncController.SyncContext: what the record page shows for one Account. */
export interface SyncContext {
    readonly accountId: string;
    /** Its billing accounts the user can see, by name. */
    readonly billingAccounts: BillingAccountView[];
    readonly settings: {
        readonly uiSessionCap: number;
        readonly cooldownMinutes: number;
        readonly warningThresholdPercent: number;
    };
    readonly limits: LimitEntry[];
    /** The running user has the Zuora_On_Demand_Sync custom permission. */
    readonly hasPermission: boolean;
    /** The running user has the Zuora_On_Demand_Sync_View_Limits custom permission. */
    readonly canViewLimits: boolean;
    /** Zuora is installed and a gateway is configured. */
    readonly zuoraConfigured: boolean;
}

export class OnDemandSyncController {
    constructor(private readonly deps: ControllerDeps) {}

    /**
     * Everything the component needs in one call; no permission or configuration errors, flags.
     * An Account that does not exist or that the user cannot see is NOT_FOUND.
     */
    async getSyncContext(accountId: unknown): Promise<SyncContext> {
        try {
            const transaction = this.newTransaction();
            const id = requireVisibleAccount(
                this.deps.data,
                accountId,
                this.deps.labels,
                transaction
            );
            const settings = this.deps.settings();
            const billingAccounts = listBillingAccounts(
                {
                    data: this.deps.data,
                    auditLog: this.deps.auditLog,
                    labels: this.deps.labels,
                    now: this.deps.clock.now(),
                    cooldownMinutes: settings.cooldownMinutes,
                    formatTime: this.deps.formatTime,
                    transaction
                },
                id
            );
            return {
                accountId: id,
                billingAccounts,
                settings: {
                    uiSessionCap: settings.uiSessionCap,
                    cooldownMinutes: settings.cooldownMinutes,
                    warningThresholdPercent: settings.warningThresholdPercent
                },
                limits: [...transaction.snapshot(), ...this.deps.orgLimits.snapshot()],
                hasPermission: this.deps.hasPermission(),
                canViewLimits: this.deps.canViewLimits(),
                zuoraConfigured: this.zuoraConfigured(settings)
            };
        } catch (thrown) {
            throw asOrgError(thrown, this.deps.labels);
        }
    }

    /**
     * Syncs billing accounts of the Account shown, at most UI_Session_Cap__c of them. Checks, in
     * order: the Account (INVALID_ID, NOT_FOUND), then the service's: the permission, a
     * non-empty selection, the ids, the cap, Zuora configured (ZUORA_NOT_CONFIGURED), and that
     * each is a visible billing account of this Account (INSUFFICIENT_ACCESS).
     */
    async requestSync(accountId: unknown, billingAccountIds: unknown): Promise<SyncResponse> {
        try {
            return await this.sync(accountId, billingAccountIds);
        } catch (thrown) {
            throw asOrgError(thrown, this.deps.labels);
        }
    }

    /**
     * The controller's own rule is the Account; every other check is the service's, in one pass:
     * the Account goes with the request as its owner, and the service checks ownership on the
     * records it reads anyway.
     */
    private async sync(accountId: unknown, billingAccountIds: unknown): Promise<SyncResponse> {
        const transaction = this.newTransaction();
        const account = requireVisibleAccount(
            this.deps.data,
            accountId,
            this.deps.labels,
            transaction
        );
        return this.deps.service.requestSync(
            {
                objectType: 'BILLING_ACCOUNT',
                ids: Array.isArray(billingAccountIds) ? billingAccountIds : [],
                zuoraIds: [],
                source: 'UI',
                emailNotification: null
            },
            transaction,
            { owningAccountId: account }
        );
    }

    private newTransaction(): Transaction {
        return this.deps.beginTransaction?.() ?? new Transaction();
    }

    /** Zuora installed and a gateway resolvable for the configured class name. */
    private zuoraConfigured(settings: SyncSettings): boolean {
        return this.deps.gatewayConfigured(settings.gatewayClass);
    }
}
