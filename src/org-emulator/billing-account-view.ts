/**
 * The billing accounts of an Account as the controller (OnDemandSyncBillingAccountView) and the
 * REST resource list them: by name, with whether each can be synced now and why not.
 */
import type { AuditLog } from './audit-log';
import { CooldownIndex } from './cooldown';
import type { OrgData } from './data/org-data';
import { requireReadable } from './field-access';
import { label, type Labels } from './labels';
import type { Transaction } from './limits';
import { formatTime, type TimeFormatter } from './time-format';
import type { BillingAccountView, RestBillingAccount } from './types';

export interface ViewContext {
    readonly data: OrgData;
    readonly auditLog: AuditLog;
    readonly labels: Labels;
    readonly now: Date;
    readonly cooldownMinutes: number;
    /** How messages show a moment; default UTC. */
    readonly formatTime?: TimeFormatter;
    readonly transaction: Transaction;
}

/** The visible billing accounts of `accountId`, by name, with their sync state at `now`. */
export function listBillingAccounts(context: ViewContext, accountId: string): BillingAccountView[] {
    const { data, auditLog, labels, now, cooldownMinutes, transaction } = context;
    // WHERE Zuora__Account__c = :accountId ORDER BY Name: both must be readable in user mode.
    requireReadable(data, labels, ['accountId', 'name']);
    const billingAccounts = data.billingAccountsOf(accountId);
    transaction.query(billingAccounts.length);
    const keys = billingAccounts
        .filter((billing) => billing.zuoraId !== null)
        .map((billing) => ({ recordId: billing.id, zuoraId: billing.zuoraId }));
    // A user who cannot read the audit log may still see the billing accounts (the page says
    // why they cannot sync): the listing leaves the cooldown out for them rather than failing.
    const cooldowns = CooldownIndex.read(
        auditLog,
        auditLog.readable ? keys : [],
        now,
        cooldownMinutes
    );
    if (cooldowns.queried) {
        transaction.query(keys.length);
    }
    return billingAccounts.map((billing) => {
        const until =
            billing.zuoraId === null
                ? null
                : cooldowns.activeUntil({ recordId: billing.id, zuoraId: billing.zuoraId }, now);
        let reason: string | null = null;
        if (billing.zuoraId === null) {
            reason = label(labels, 'OnDemandSync_Item_NoZuoraId');
        } else if (until !== null) {
            reason = label(
                labels,
                'OnDemandSync_Item_CoolingDown',
                (context.formatTime ?? formatTime)(until)
            );
        }
        return {
            id: billing.id,
            name: billing.name,
            accountNumber: billing.accountNumber,
            zuoraId: billing.zuoraId,
            status: billing.status,
            balance: billing.balance,
            currencyIsoCode: billing.currency,
            entityId: billing.entityId,
            lastModified: billing.lastModified,
            syncable: reason === null,
            reason,
            cooldownUntil: until === null ? null : until.toISOString()
        };
    });
}

/** The REST shape of a view (contract v1: `currency`, no `reason`). */
export function toRestBillingAccount(view: BillingAccountView): RestBillingAccount {
    return {
        id: view.id,
        name: view.name,
        accountNumber: view.accountNumber,
        zuoraId: view.zuoraId,
        status: view.status,
        balance: view.balance,
        currency: view.currencyIsoCode,
        entityId: view.entityId,
        lastModified: view.lastModified,
        syncable: view.syncable,
        cooldownUntil: view.cooldownUntil
    };
}
