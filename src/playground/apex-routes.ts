/**
 * The Apex methods the component imports (`@salesforce/apex/Class.method`), answered by the
 * emulated org's controller: POST /__playground/apex/<Class>.<method> with the method's
 * parameters as a JSON object. Failures answer with the body Lightning gives a component for
 * an AuraHandledException ({ message, exceptionType, ... }), and the org's faults apply as they
 * do to its REST API: latency, a share of requests answered 503, and request failures by id.
 */
import type { EmulatedOrg } from '../org-emulator';
import {
    getBackgroundJob,
    SERVER_UNAVAILABLE_MESSAGE,
    startBackgroundSync,
    toAuraError
} from '../org-emulator';

export const APEX_BASE = '/__playground/apex/';

type Params = Readonly<Record<string, unknown>>;
type ApexMethod = (org: EmulatedOrg, params: Params) => Promise<unknown>;

/** The component's Apex methods, by `Class.method`, with their parameter names. */
export const APEX_METHODS: Readonly<Record<string, ApexMethod>> = {
    'OnDemandSyncController.getSyncContext': (org, params) =>
        org.controller.getSyncContext(params.accountId),
    'OnDemandSyncController.requestSync': (org, params) =>
        org.controller.requestSync(params.accountId, params.billingAccountIds),
    'OnDemandSyncController.startBackgroundSync': async (org, params) =>
        startBackgroundSync(org, params.accountId),
    'OnDemandSyncController.getBackgroundJob': async (org, params) =>
        getBackgroundJob(org, params.accountId)
};

export interface ApexAnswer {
    readonly status: number;
    readonly body: unknown;
}

function auraFailure(status: number, message: string, exceptionType: string): ApexAnswer {
    return {
        status,
        body: { message, exceptionType, isUserDefinedException: false, stackTrace: null }
    };
}

/** Ids named by the call, for the org's request failures. */
function idsOf(params: Params): unknown[] {
    const ids: unknown[] = [params.accountId];
    if (Array.isArray(params.billingAccountIds)) ids.push(...params.billingAccountIds);
    return ids;
}

/**
 * Answers one Apex call; `name` is `Class.method`, `params` the parsed JSON body, `arrivedAt` the
 * performance.now() reading when the call arrived (the injected latency counts from it).
 */
export async function answerApex(
    org: EmulatedOrg,
    name: string,
    params: unknown,
    arrivedAt: number
): Promise<ApexAnswer> {
    const method = APEX_METHODS[name];
    if (!method) {
        return auraFailure(
            404,
            `No Apex method ${name} is available to this component.`,
            'System.NoSuchMethodException'
        );
    }
    const args: Params = params !== null && typeof params === 'object' ? (params as Params) : {};
    return org.faults.answerAt(arrivedAt, async (unavailable) => {
        if (unavailable) {
            return auraFailure(503, SERVER_UNAVAILABLE_MESSAGE, 'System.CalloutException');
        }
        const failure = org.faults.requestFailure(idsOf(args));
        if (failure !== null) {
            return auraFailure(
                500,
                failure.message ?? failure.errorCode,
                'System.AuraHandledException'
            );
        }
        org.settle();
        try {
            return { status: 200, body: await method(org, args) };
        } catch (error) {
            const aura = toAuraError(error);
            return { status: aura.status, body: aura.body };
        }
    });
}
