/**
 * The stub gateway of the contract fixtures (the Apex tests use one with the same rules): for
 * each item of the session, an item listed in `failures` (by record id or Zuora id) fails with
 * that message, an item listed in `omit` gets no result, every other item succeeds with job id
 * "JOB-" + its Zuora id. With `throws`, the call throws that message. With `anonymousResults`,
 * results carry no record id and no Zuora id (a Zuora.SyncResult without an id-like key). Each
 * item takes one callout of the transaction, under the platform's rules.
 */
import { sameRecord } from '../../bridge/ids';
import type {
    GatewayContext,
    GatewayResult,
    GatewaySession,
    OnDemandSyncGateway,
    SessionItem
} from './gateway';

export interface StubGatewaySpec {
    readonly throws?: string;
    readonly failures?: Readonly<Record<string, string>>;
    readonly omit?: readonly string[];
    readonly anonymousResults?: boolean;
}

function lookup<T>(keys: Iterable<[string, T]>, item: SessionItem): T | undefined {
    for (const [key, value] of keys) {
        if (sameRecord(key, item.recordId) || sameRecord(key, item.zuoraId)) {
            return value;
        }
    }
    return undefined;
}

export class StubGateway implements OnDemandSyncGateway {
    /** Every session received, in order. */
    readonly calls: GatewaySession[] = [];

    constructor(private readonly spec: StubGatewaySpec = {}) {}

    async send(session: GatewaySession, context?: GatewayContext): Promise<GatewayResult[]> {
        this.calls.push(session);
        for (const _item of session.items) {
            context?.transaction.callout();
        }
        if (this.spec.throws !== undefined) {
            throw new Error(this.spec.throws);
        }
        const failures = Object.entries(this.spec.failures ?? {});
        const omitted = (this.spec.omit ?? []).map((id): [string, true] => [id, true]);
        const results: GatewayResult[] = [];
        for (const item of session.items) {
            if (lookup(omitted, item)) {
                continue;
            }
            const failure = lookup(failures, item);
            results.push(
                failure === undefined
                    ? {
                          recordId: item.recordId,
                          zuoraId: item.zuoraId,
                          success: true,
                          jobId: `JOB-${item.zuoraId}`,
                          message: null
                      }
                    : {
                          recordId: item.recordId,
                          zuoraId: item.zuoraId,
                          success: false,
                          jobId: null,
                          message: failure
                      }
            );
        }
        return this.spec.anonymousResults === true
            ? results.map((result) => ({ ...result, recordId: null, zuoraId: null }))
            : results;
    }
}
