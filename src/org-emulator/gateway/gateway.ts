/**
 * The gateway seam: the service hands one session (at most 10 items) to a gateway found by
 * class name, as the Apex core finds OnDemandSyncGateway implementations with Type.forName.
 */
import type { Transaction } from '../limits';
import type { SyncObjectType } from '../types';

/** One item of a session: a record sent by id (recordId set) or a Zuora id sent as such. */
export interface SessionItem {
    /** Set when the item is sent by Salesforce id. */
    readonly recordId: string | null;
    /** The record's Zuora id, or the Zuora id given. */
    readonly zuoraId: string | null;
}

/** One on-demand sync session. */
export interface GatewaySession {
    readonly objectType: SyncObjectType;
    /** 18-character ids, sent as Zuora's syncObjectIdSet. */
    readonly recordIds: readonly string[];
    /** Zuora ids as given, sent as Zuora's syncZuoraObjectIdSet. */
    readonly zuoraIds: readonly string[];
    readonly emailNotification: boolean;
    /** Every item, record ids first, in request order. */
    readonly items: readonly SessionItem[];
}

/** Zuora's answer for one item, matched to items by record id first, then by Zuora id. */
export interface GatewayResult {
    readonly recordId: string | null;
    readonly zuoraId: string | null;
    readonly success: boolean;
    readonly jobId: string | null;
    readonly message: string | null;
    /** Zuora's result as received, kept in the audit row for diagnostics. */
    readonly raw?: unknown;
}

/** What the service lends the gateway for one call. */
export interface GatewayContext {
    readonly transaction: Transaction;
    readonly now: Date;
}

export interface OnDemandSyncGateway {
    /** Sends the session; throws when Zuora cannot be asked at all. */
    send(session: GatewaySession, context: GatewayContext): Promise<readonly GatewayResult[]>;
}

/** Finds a gateway by class name (the Gateway_Class__c setting); null when none is known. */
export type GatewayResolver = (className: string) => OnDemandSyncGateway | null;
