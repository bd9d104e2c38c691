/** Reading request bodies and writing JSON answers with node:http. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest body read (Apex REST accepts far more; nothing here needs it). */
export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

/** The request body as text. */
export function readBody(
    request: IncomingMessage,
    limit: number = MAX_BODY_BYTES
): Promise<string> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        request.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > limit) {
                reject(new BodyTooLargeError(`The request body is larger than ${limit} bytes.`));
                request.destroy();
                return;
            }
            chunks.push(chunk);
        });
        request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        request.on('error', reject);
    });
}

/** The body parsed as JSON, the text when it is not JSON, null when empty. */
export function parseBody(text: string): { value: unknown; json: boolean } {
    if (text.trim() === '') {
        return { value: null, json: true };
    }
    try {
        return { value: JSON.parse(text), json: true };
    } catch {
        return { value: text, json: false };
    }
}

/** Answers with JSON; Salesforce's Apex REST always says application/json;charset=UTF-8. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    response.writeHead(status, {
        'Content-Type': 'application/json;charset=UTF-8',
        'Content-Length': Buffer.byteLength(text),
        'Cache-Control': 'no-cache,must-revalidate,max-age=0,no-store,private'
    });
    response.end(text);
}

/** True for a loopback connection (127.0.0.1 or ::1). */
export function isLoopback(request: IncomingMessage): boolean {
    const address = request.socket.remoteAddress ?? '';
    return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
