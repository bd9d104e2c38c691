/**
 * The shapes the emulated org keeps and answers with. Wire shapes follow the Apex REST contract
 * (contract v1): every result field is present, `null` when it has no value.
 */
import type { LimitEntry, SyncObjectType, SyncSource } from '../bridge/types';

export type { LimitEntry, SyncObjectType, SyncSource };

/** The statuses the service gives (NOT_SENT belongs to the command line only). */
/** Per-item statuses of the service; CLAIMED only answers a claim (OnDemandSyncService.claim). */
export type ServiceItemStatus = 'REQUESTED' | 'FAILED' | 'SKIPPED' | 'CLAIMED';

/** What a caller hands to the service; blanks take the defaults. */
export interface SyncInput {
    /** Default 'BILLING_ACCOUNT'. */
    readonly objectType?: string | null;
    readonly ids?: readonly unknown[] | null;
    readonly zuoraIds?: readonly unknown[] | null;
    /** Default 'API'. */
    readonly source?: string | null;
    /** null or absent: the org's setting. */
    readonly emailNotification?: boolean | null;
    /** A claim made earlier by the same user: its claimed items are sent. */
    readonly claimId?: string | null;
}

/** One result of POST .../v1/sync. */
export interface SyncItemResult {
    /** The 18-character record id when the record is known, else the Zuora id as given. */
    readonly id: string;
    readonly zuoraId: string | null;
    readonly name: string | null;
    readonly status: ServiceItemStatus;
    readonly message: string | null;
    readonly jobId: string | null;
    /** ISO time from which a record skipped for its cooldown may be requested again. */
    readonly cooldownUntil: string | null;
}

/** The answer of one service call. */
export interface SyncResponse {
    readonly requestId: string;
    readonly results: SyncItemResult[];
    readonly limits: LimitEntry[];
}

/** A billing account or product as the service reads it. */
export interface SyncRecord {
    readonly id: string;
    readonly name: string | null;
    readonly zuoraId: string | null;
    readonly accountId: string | null;
}

/** An Account (the parent of billing accounts). */
export interface AccountRecord {
    readonly id: string;
    readonly name: string;
    readonly industry?: string | null;
    readonly billingCity?: string | null;
}

/** The fields every shape of a billing account has (its currency field is named per shape). */
interface BillingAccountFields {
    readonly id: string;
    readonly name: string;
    readonly accountNumber: string | null;
    readonly zuoraId: string | null;
    readonly status: string | null;
    readonly balance: number | null;
    readonly entityId: string | null;
    readonly lastModified: string | null;
}

/** A Zuora__CustomerAccount__c row. */
export interface BillingAccountRecord extends BillingAccountFields {
    readonly accountId: string | null;
    readonly currency: string | null;
}

/** A zqu__ZProduct__c row. */
export interface ProductRecord {
    readonly id: string;
    readonly name: string;
    readonly zuoraId: string | null;
}

/**
 * One billing account as the record page gets it from OnDemandSyncController.getSyncContext
 * (OnDemandSyncBillingAccountView).
 */
export interface BillingAccountView extends BillingAccountFields {
    readonly currencyIsoCode: string | null;
    /** True when the record can be sent now: it has a Zuora id and is not cooling down. */
    readonly syncable: boolean;
    /** Why it cannot be sent now (no Zuora id, cooldown), or null. */
    readonly reason: string | null;
    /** Set while a recent request keeps the record in its cooldown window. */
    readonly cooldownUntil: string | null;
}

/** One billing account as GET .../accounts/{accountId}/billing-accounts lists it. */
export interface RestBillingAccount extends BillingAccountFields {
    readonly currency: string | null;
    readonly syncable: boolean;
    readonly cooldownUntil: string | null;
}
