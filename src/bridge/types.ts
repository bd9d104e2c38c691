/**
 * The data shapes the bridge exchanges with its callers and with Salesforce (contract v1).
 */

/** What kind of record a sync names. */
export type SyncObjectType = 'BILLING_ACCOUNT' | 'PRODUCT';

/** Which door a sync came through (recorded in the audit log). */
export type SyncSource = 'UI' | 'API' | 'FLOW' | 'CLI';

/** Every object type, in contract order. */
export const SYNC_OBJECT_TYPES: readonly SyncObjectType[] = Object.freeze([
    'BILLING_ACCOUNT',
    'PRODUCT'
] as const);

/** Every source, in contract order. */
export const SYNC_SOURCES: readonly SyncSource[] = Object.freeze([
    'UI',
    'API',
    'FLOW',
    'CLI'
] as const);

/** The body of one sync request (POST .../v1/sync, or the Apex controller's argument). */
export interface SyncRequest {
    readonly objectType: SyncObjectType;
    /** Salesforce ids, 18 characters once normalised. */
    readonly ids: readonly string[];
    /** 32-character Zuora ids. */
    readonly zuoraIds: readonly string[];
    readonly source: SyncSource;
    /** Email the requesting user when Zuora takes the request; omitted means the org's setting. */
    readonly emailNotification?: boolean;
}

/**
 * REQUESTED: Zuora accepted the request. FAILED: Zuora or Salesforce refused the item.
 * SKIPPED: not sent on purpose (cooldown, no Zuora id). NOT_SENT: command line only, the run
 * stopped before sending it.
 */
export type ItemStatus = 'REQUESTED' | 'FAILED' | 'SKIPPED' | 'NOT_SENT';

/** Every item status, in contract order. */
export const ITEM_STATUSES: readonly ItemStatus[] = Object.freeze([
    'REQUESTED',
    'FAILED',
    'SKIPPED',
    'NOT_SENT'
] as const);

/** The outcome for one requested item. */
export interface ItemResult {
    /** The item as requested: an 18-character Salesforce id, or the Zuora id as given. */
    readonly id: string;
    readonly zuoraId?: string;
    readonly name?: string;
    readonly status: ItemStatus;
    /** Words a user can act on. */
    readonly message: string;
    readonly jobId?: string;
    /** ISO 8601 time from which a skipped item may be requested again. */
    readonly cooldownUntil?: string;
    readonly requestId?: string;
}

/** 'transaction' limits are the answering transaction's; 'org' limits are the org's daily ones. */
export type LimitScope = 'transaction' | 'org';

/** One governor limit reading, e.g. { name: 'DailyApiRequests', scope: 'org', used: 1200, max: 15000 }. */
export interface LimitEntry {
    readonly name: string;
    readonly scope: LimitScope;
    readonly used: number;
    readonly max: number;
}

/** A normalised answer to one sync request: one result per requested item, in request order. */
export interface SyncOutcome {
    /** The server's id of this request, or null when the answer carried none. */
    readonly requestId: string | null;
    readonly results: ItemResult[];
    readonly limits: LimitEntry[];
}

/** Counts of results by status. */
export interface SyncSummary {
    readonly total: number;
    readonly requested: number;
    readonly failed: number;
    readonly skipped: number;
    readonly notSent: number;
}
