/**
 * OnDemandSyncController, in TypeScript: the two methods the record page component calls, with
 * the shapes and checks of the Apex controller. The controller never trusts the page: it checks
 * the Account id and that the user can see the Account, the permission, that the selection is
 * not empty, that Zuora is configured, that every id is a billing account id, the page's cap
 * (UI_Session_Cap__c, at most 8) and that every billing account belongs to the Account and is
 * visible; then the service syncs them with source UI. Errors are OrgError (anything unexpected
 * becomes UNKNOWN_EXCEPTION with an error reference); `toAuraError` gives what a component
 * receives.
 */
import { keyPrefixOf, toId18 } from '../bridge/ids';
import { requireVisibleAccount } from './account-selector';
import type { AuditLog } from './audit-log';
import { listBillingAccounts } from './billing-account-view';
import type { Clock } from './clock';
import type { OrgData } from './data/org-data';
import { asOrgError, serviceError } from './errors';
import { DEFAULT_KEY_PREFIXES } from './key-prefixes';
import { label, type Labels } from './labels';
import { Transaction, type OrgLimits } from './limits';
import type { SyncSettings } from './settings';
import type { OnDemandSyncService } from './sync-service';
import type { BillingAccountView, LimitEntry, SyncResponse } from './types';

export interface ControllerDeps {
    readonly clock: Clock;
    readonly data: OrgData;
    readonly auditLog: AuditLog;
    readonly service: OnDemandSyncService;
    readonly hasPermission: () => boolean;
    readonly settings: () => SyncSettings;
    /** True when a gateway can be resolved for the class name (Zuora installed and set up). */
    readonly gatewayConfigured: (className: string) => boolean;
    readonly orgLimits: OrgLimits;
    readonly labels: Labels;
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
            const transaction = new Transaction();
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
                zuoraConfigured: this.zuoraConfigured(settings)
            };
        } catch (thrown) {
            throw asOrgError(thrown, this.deps.labels);
        }
    }

    /**
     * Syncs billing accounts of the Account shown, at most UI_Session_Cap__c of them. Checks, in
     * order: the Account (INVALID_ID, NOT_FOUND), the permission, a non-empty selection, Zuora
     * configured (ZUORA_NOT_CONFIGURED), the ids, the cap, and that each is a visible billing
     * account of this Account (INSUFFICIENT_ACCESS).
     */
    async requestSync(accountId: unknown, billingAccountIds: unknown): Promise<SyncResponse> {
        try {
            return await this.sync(accountId, billingAccountIds);
        } catch (thrown) {
            throw asOrgError(thrown, this.deps.labels);
        }
    }

    private async sync(accountId: unknown, billingAccountIds: unknown): Promise<SyncResponse> {
        const labels = this.deps.labels;
        const transaction = new Transaction();
        const account = requireVisibleAccount(this.deps.data, accountId, labels, transaction);
        if (!this.deps.hasPermission()) {
            throw serviceError(
                'INSUFFICIENT_ACCESS',
                label(labels, 'OnDemandSync_Error_InsufficientAccess')
            );
        }
        const given: unknown[] = Array.isArray(billingAccountIds) ? billingAccountIds : [];
        if (given.length === 0) {
            throw serviceError('EMPTY_REQUEST', label(labels, 'OnDemandSync_Error_EmptyRequest'));
        }
        const settings = this.deps.settings();
        if (!this.zuoraConfigured(settings)) {
            throw serviceError(
                'ZUORA_NOT_CONFIGURED',
                label(labels, 'OnDemandSync_Error_ZuoraNotConfigured')
            );
        }
        const ids: string[] = [];
        for (const value of given) {
            const text = typeof value === 'string' ? value.trim() : '';
            const id18 = toId18(text);
            if (id18 === null || keyPrefixOf(id18) !== DEFAULT_KEY_PREFIXES.BILLING_ACCOUNT) {
                throw serviceError(
                    'INVALID_ID',
                    label(labels, 'OnDemandSync_Error_InvalidId', text)
                );
            }
            if (!ids.includes(id18)) {
                ids.push(id18);
            }
        }
        const cap = settings.uiSessionCap;
        if (ids.length > cap) {
            throw serviceError(
                'TOO_MANY_IDS',
                label(labels, 'OnDemandSync_Error_TooManyIds', cap, ids.length)
            );
        }
        const owned = new Set(
            this.deps.data
                .selectByIds('BILLING_ACCOUNT', ids)
                .filter((record) => record.accountId === account)
                .map((record) => record.id)
        );
        transaction.query(owned.size);
        if (ids.some((id) => !owned.has(id))) {
            throw serviceError(
                'INSUFFICIENT_ACCESS',
                label(labels, 'OnDemandSync_Error_NotThisAccount')
            );
        }
        return this.deps.service.requestSync(
            {
                objectType: 'BILLING_ACCOUNT',
                ids,
                zuoraIds: [],
                source: 'UI',
                emailNotification: null
            },
            transaction
        );
    }

    /** Zuora installed and a gateway resolvable for the configured class name. */
    private zuoraConfigured(settings: SyncSettings): boolean {
        return this.deps.gatewayConfigured(settings.gatewayClass);
    }
}
