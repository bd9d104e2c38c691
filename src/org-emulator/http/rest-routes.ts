/**
 * The Salesforce side of the HTTP server: /services/... with Salesforce's session check,
 * API request accounting and error shape, and the Apex REST resource under
 * /services/apexrest/zuora/ondemandsync/v1/.
 */
import type { IncomingMessage } from 'node:http';
import { OrgError } from '../errors';
import { SERVER_UNAVAILABLE_MESSAGE } from '../faults';
import { label } from '../labels';
import type { EmulatedOrg } from '../org';
import { getBillingAccounts, getJob, malformedRequest, postJob, postSync } from '../rest-resource';

export const APEX_REST_BASE = '/services/apexrest/zuora/ondemandsync/v1/';

/** An answer: HTTP status and JSON body. */
export interface Answer {
    readonly status: number;
    readonly body: unknown;
}

const BILLING_ACCOUNTS_PATH = /^accounts\/([^/]+)\/billing-accounts\/?$/;
const SYNC_PATH = /^sync\/?$/;
const CLAIMS_PATH = /^claims\/?$/;
const JOBS_PATH = /^jobs\/?$/;
const JOB_PATH = /^jobs\/([^/]+)\/?$/;
/** Salesforce's Limits resource (REST API): the org's daily limits, { Max, Remaining } each. */
const LIMITS_PATH = /^\/services\/data\/v\d+\.\d+\/limits\/?$/;

function error(status: number, errorCode: string, message: string): Answer {
    return { status, body: [{ errorCode, message }] };
}

/** True when the Authorization header carries a session id (any value works here). */
export function hasSession(request: IncomingMessage): boolean {
    return /^(Bearer|OAuth)\s+\S+/i.test(request.headers.authorization ?? '');
}

/**
 * Answers one request to /services/...; `body` is the parsed JSON body (or text), `arrivedAt`
 * the performance.now() reading when the request arrived (the injected latency counts from it).
 */
export async function answerSalesforce(
    org: EmulatedOrg,
    request: IncomingMessage,
    path: string,
    body: { value: unknown; json: boolean },
    arrivedAt: number
): Promise<Answer> {
    if (!hasSession(request)) {
        return error(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    }
    return org.faults.answerAt(arrivedAt, async (unavailable) => {
        if (unavailable) {
            return error(503, 'SERVER_UNAVAILABLE', SERVER_UNAVAILABLE_MESSAGE);
        }
        if (!org.limits.countApiRequest()) {
            return error(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
        }
        org.settle();
        try {
            return await route(org, request.method ?? 'GET', path, body);
        } catch (thrown) {
            if (thrown instanceof OrgError) {
                return { status: thrown.status, body: thrown.toRestBody() };
            }
            const message = thrown instanceof Error ? thrown.message : String(thrown);
            return error(
                500,
                'UNKNOWN_EXCEPTION',
                label(org.labels, 'OnDemandSync_Error_Unexpected', message)
            );
        }
    });
}

async function route(
    org: EmulatedOrg,
    method: string,
    path: string,
    body: { value: unknown; json: boolean }
): Promise<Answer> {
    if (method === 'GET' && LIMITS_PATH.test(path)) {
        return { status: 200, body: orgLimits(org) };
    }
    if (!path.startsWith(APEX_REST_BASE)) {
        // No Apex REST class maps this URL: Salesforce's own answer.
        return error(404, 'NOT_FOUND', 'Could not find a match for URL');
    }
    if (method !== 'GET' && method !== 'POST') {
        return error(
            405,
            'METHOD_NOT_ALLOWED',
            `HTTP Method '${method}' not allowed. Allowed are GET,POST`
        );
    }
    const rest = path.slice(APEX_REST_BASE.length);
    const billingAccounts = BILLING_ACCOUNTS_PATH.exec(rest);
    if (method === 'GET' && billingAccounts) {
        return { status: 200, body: getBillingAccounts(org, decodeSegment(billingAccounts[1])) };
    }
    if (method === 'POST' && (SYNC_PATH.test(rest) || CLAIMS_PATH.test(rest))) {
        if (!body.json) {
            throw malformedRequest(org.labels, 'not valid JSON');
        }
        const operation = CLAIMS_PATH.test(rest) ? 'claim' : 'sync';
        return { status: 200, body: await postSync(org, body.value, operation) };
    }
    if (method === 'POST' && JOBS_PATH.test(rest)) {
        if (!body.json) {
            throw malformedRequest(org.labels, 'not valid JSON');
        }
        return { status: 202, body: postJob(org, body.value) };
    }
    const job = JOB_PATH.exec(rest);
    if (method === 'GET' && job) {
        return { status: 200, body: getJob(org, decodeSegment(job[1])) };
    }
    // The resource's own answer for a path under its mapping that it does not serve.
    const requestUri = path.slice('/services/apexrest'.length);
    return error(404, 'NOT_FOUND', label(org.labels, 'OnDemandSync_Error_NotFound', requestUri));
}

function orgLimits(org: EmulatedOrg): Record<string, { Max: number; Remaining: number }> {
    return Object.fromEntries(
        org.limits
            .snapshot()
            .map((limit) => [
                limit.name,
                { Max: limit.max, Remaining: Math.max(0, limit.max - limit.used) }
            ])
    );
}

function decodeSegment(segment: string): string {
    try {
        return decodeURIComponent(segment);
    } catch {
        return segment;
    }
}
