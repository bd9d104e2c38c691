/**
 * One JSON POST to the org on a kept-alive connection, for the sync requests that a run sends by
 * the hundred: lighter per request than jsforce's pipeline, which the session and the listing
 * still use. Errors take jsforce's shape (name and errorCode from Salesforce's error body) plus
 * the HTTP status, so that the bridge describes them the same way.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'http';
import { Agent as HttpsAgent, request as httpsRequest } from 'https';

export interface JsonPostAnswer {
    readonly status: number;
    /** The parsed body, or its text when it is not JSON. */
    readonly body: unknown;
    /** The Sforce-Limit-Info header, if any. */
    readonly limitInfo?: string;
}

/** Longest error text kept from a body that is not JSON (an HTML page, say). */
const MAX_TEXT = 300;

function parseBody(text: string): unknown {
    try {
        return JSON.parse(text) as unknown;
    } catch {
        return text;
    }
}

/** The error of a non-2xx answer, as jsforce raises it, with its status. */
export function httpError(status: number, body: unknown): Error {
    const list = Array.isArray(body) ? (body as unknown[]) : [body];
    const first = list[0] as { errorCode?: unknown; message?: unknown } | undefined;
    const error = new Error() as Error & {
        errorCode: string;
        statusCode: number;
        data: unknown;
    };
    if (list.length > 1) {
        error.errorCode = 'MULTIPLE_API_ERRORS';
        error.message = 'Multiple errors returned.';
    } else if (first !== null && typeof first === 'object' && typeof first.message === 'string') {
        error.errorCode =
            typeof first.errorCode === 'string' ? first.errorCode : `ERROR_HTTP_${status}`;
        error.message = first.message;
    } else {
        error.errorCode = `ERROR_HTTP_${status}`;
        error.message = (typeof body === 'string' ? body : (JSON.stringify(body) ?? '')).slice(
            0,
            MAX_TEXT
        );
    }
    error.name = error.errorCode;
    error.statusCode = status;
    error.data = Array.isArray(body) && list.length > 1 ? body : first;
    return error;
}

export interface JsonPoster {
    /** POSTs `body` to `url`; resolves with any answer, rejects on a network failure or abort. */
    post(url: string, body: unknown, signal: AbortSignal): Promise<JsonPostAnswer>;
}

/** A poster with its own kept-alive connections, sending `headers` with every request. */
export function createJsonPoster(headers: Readonly<Record<string, string>>): JsonPoster {
    const agents = {
        http: new HttpAgent({ keepAlive: true }),
        https: new HttpsAgent({ keepAlive: true })
    };
    return {
        post(url, body, signal) {
            const data = JSON.stringify(body);
            const secure = url.startsWith('https:');
            const send = secure ? httpsRequest : httpRequest;
            return new Promise<JsonPostAnswer>((resolve, reject) => {
                const request = send(
                    url,
                    {
                        method: 'POST',
                        agent: secure ? agents.https : agents.http,
                        signal,
                        headers: {
                            ...headers,
                            'Content-Type': 'application/json',
                            Accept: 'application/json',
                            'Content-Length': String(Buffer.byteLength(data))
                        }
                    },
                    (response: IncomingMessage) => {
                        const chunks: Buffer[] = [];
                        response.on('data', (chunk: Buffer) => chunks.push(chunk));
                        response.on('error', reject);
                        response.on('end', () => {
                            const limitInfo = response.headers['sforce-limit-info'];
                            resolve({
                                status: response.statusCode ?? 0,
                                body: parseBody(Buffer.concat(chunks).toString('utf8')),
                                ...(typeof limitInfo === 'string' ? { limitInfo } : {})
                            });
                        });
                    }
                );
                request.on('error', reject);
                request.end(data);
            });
        }
    };
}

/** The org's daily API usage in a Sforce-Limit-Info header ("api-usage=12/15000"). */
export function apiUsageOf(header: string | undefined): { used: number; max: number } | null {
    const match = /api-usage=(\d+)\/(\d+)/.exec(header ?? '');
    return match === null ? null : { used: Number(match[1]), max: Number(match[2]) };
}
