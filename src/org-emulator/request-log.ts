/**
 * A record of every request the org's HTTP server received, for tests to assert on. Credentials
 * are never kept: the Authorization and Cookie headers are dropped, only whether a bearer token
 * was present is recorded.
 */
export interface ReceivedRequest {
    readonly seq: number;
    /** ISO time the request arrived. */
    readonly at: string;
    readonly method: string;
    readonly path: string;
    readonly query: Readonly<Record<string, string>>;
    readonly headers: Readonly<Record<string, string>>;
    readonly authenticated: boolean;
    /** The parsed JSON body, the text when it is not JSON, or null. */
    readonly body: unknown;
    readonly status: number;
    /** The errorCode answered, when the answer was an error. */
    readonly errorCode: string | null;
    readonly durationMs: number;
}

const SECRET_HEADERS = new Set([
    'authorization',
    'cookie',
    'proxy-authorization',
    'x-sfdc-session'
]);

/** The headers without credentials, single-valued. */
export function safeHeaders(
    headers: Readonly<Record<string, string | string[] | undefined>>
): Record<string, string> {
    const safe: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined && !SECRET_HEADERS.has(name.toLowerCase())) {
            safe[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
        }
    }
    return safe;
}

export class RequestLog {
    private readonly entries: ReceivedRequest[] = [];
    private sequence = 0;

    constructor(private readonly capacity: number = 5000) {}

    add(request: Omit<ReceivedRequest, 'seq'>): ReceivedRequest {
        this.sequence += 1;
        const entry = Object.freeze({ seq: this.sequence, ...request });
        this.entries.push(entry);
        if (this.entries.length > this.capacity) {
            this.entries.splice(0, this.entries.length - this.capacity);
        }
        return entry;
    }

    /** Every request kept, oldest first. */
    list(): readonly ReceivedRequest[] {
        return this.entries.slice();
    }

    clear(): void {
        this.entries.length = 0;
    }
}
