/**
 * The org's request handler: /services/... (Salesforce) and /__emulator/... (control). Other
 * servers (the playground) can mount it and serve their own paths next to it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatedOrg } from '../org';
import { safeHeaders } from '../request-log';
import { answerControl, CONTROL_BASE } from './control-routes';
import { BodyTooLargeError, isLoopback, parseBody, readBody, sendJson } from './io';
import { answerSalesforce, hasSession, type Answer } from './rest-routes';

/** Handles a request when its path is the org's; resolves false (nothing answered) otherwise. */
export type OrgRequestHandler = (
    request: IncomingMessage,
    response: ServerResponse
) => Promise<boolean>;

export function createOrgRequestHandler(org: EmulatedOrg): OrgRequestHandler {
    return async (request, response) => {
        const url = new URL(request.url ?? '/', 'http://localhost');
        const path = url.pathname;
        const method = (request.method ?? 'GET').toUpperCase();
        const control = path.startsWith(CONTROL_BASE);
        if (!control && !path.startsWith('/services/')) {
            return false;
        }
        const started = Date.now();
        const arrivedAt = performance.now();
        let answer: Answer;
        let body: { value: unknown; json: boolean } = { value: null, json: true };
        try {
            body = parseBody(await readBody(request));
            if (control) {
                answer = controlAnswer(org, request, method, path, body.value);
            } else {
                answer = await answerSalesforce(org, request, path, body, arrivedAt);
            }
        } catch (thrown) {
            answer =
                thrown instanceof BodyTooLargeError
                    ? {
                          status: 413,
                          body: [{ errorCode: 'REQUEST_TOO_LARGE', message: thrown.message }]
                      }
                    : {
                          status: 500,
                          body: [{ errorCode: 'UNKNOWN_EXCEPTION', message: String(thrown) }]
                      };
        }
        if (!control) {
            org.requests.add({
                at: new Date(started).toISOString(),
                method,
                path,
                query: Object.fromEntries(url.searchParams),
                headers: safeHeaders(request.headers),
                authenticated: hasSession(request),
                body: body.value,
                status: answer.status,
                errorCode: errorCodeOf(answer),
                durationMs: Date.now() - started
            });
        }
        if (!response.headersSent) {
            sendJson(response, answer.status, answer.body);
        }
        return true;
    };
}

/**
 * Control requests come over loopback only, and changes must say they are JSON: a web page
 * cannot send that cross-origin without a preflight, which this server never grants.
 */
function controlAnswer(
    org: EmulatedOrg,
    request: IncomingMessage,
    method: string,
    path: string,
    body: unknown
): Answer {
    if (!isLoopback(request)) {
        return {
            status: 403,
            body: [
                {
                    errorCode: 'FORBIDDEN',
                    message: 'The control endpoint answers loopback connections only.'
                }
            ]
        };
    }
    const json = /^application\/json\b/i.test(request.headers['content-type'] ?? '');
    if (method !== 'GET' && method !== 'DELETE' && !json) {
        return {
            status: 415,
            body: [
                {
                    errorCode: 'UNSUPPORTED_MEDIA_TYPE',
                    message: 'Send control changes as application/json.'
                }
            ]
        };
    }
    return answerControl(org, method, path, body);
}

function errorCodeOf(answer: Answer): string | null {
    if (answer.status < 400 || !Array.isArray(answer.body)) {
        return null;
    }
    const first: unknown = answer.body[0];
    return first !== null &&
        typeof first === 'object' &&
        typeof (first as { errorCode?: unknown }).errorCode === 'string'
        ? (first as { errorCode: string }).errorCode
        : null;
}
