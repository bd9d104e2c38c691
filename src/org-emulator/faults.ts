/**
 * Fault injection: what can go wrong between a client and the org, on demand and repeatable.
 */
import { idKey } from '../bridge/ids';
import { SeededRandom } from './random';
import { delay } from './delay';

/** A whole request answered with an error when it names a given id. */
export interface RequestFailure {
    readonly errorCode: string;
    readonly message?: string;
    /** Default: the contract's status for the code, else 500. */
    readonly status?: number;
}

export interface Faults {
    /** Milliseconds added before every REST answer. */
    readonly latencyMs?: number;
    /** Share (0..1) of REST requests answered 503 SERVER_UNAVAILABLE. */
    readonly errorRate?: number;
    /** Seed of the errorRate draws: the same seed fails the same requests. Default 1. */
    readonly seed?: number;
    /**
     * By id (Salesforce 15/18 or Zuora): a message makes Zuora refuse that item; a
     * RequestFailure makes every sync request naming the id fail with that error.
     */
    readonly failures?: Readonly<Record<string, string | RequestFailure>>;
    /** When set, every call to Zuora throws this message (Zuora unreachable). */
    readonly zuoraOutage?: string | null;
    /** Real milliseconds each Zuora callout takes. */
    readonly zuoraLatencyMs?: number;
    /** Sets the org's DailyApiRequests used count when the faults are applied (e.g. 14990 of 15000). */
    readonly apiRequestsUsed?: number;
}

const FAULT_KEYS: readonly (keyof Faults)[] = [
    'latencyMs',
    'errorRate',
    'seed',
    'failures',
    'zuoraOutage',
    'zuoraLatencyMs',
    'apiRequestsUsed'
];

function nonNegative(value: unknown, name: string): void {
    if (
        value !== undefined &&
        (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    ) {
        throw new RangeError(`${name} must be a number of at least 0`);
    }
}

/** Checks faults received from outside (the control endpoint); throws RangeError naming the problem. */
export function validateFaults(value: unknown): Faults {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new RangeError('faults must be an object');
    }
    const faults = value as Record<string, unknown>;
    for (const key of Object.keys(faults)) {
        if (!(FAULT_KEYS as readonly string[]).includes(key)) {
            throw new RangeError(`unknown fault "${key}"; known: ${FAULT_KEYS.join(', ')}`);
        }
    }
    nonNegative(faults.latencyMs, 'latencyMs');
    nonNegative(faults.zuoraLatencyMs, 'zuoraLatencyMs');
    nonNegative(faults.seed, 'seed');
    nonNegative(faults.apiRequestsUsed, 'apiRequestsUsed');
    if (faults.errorRate !== undefined) {
        nonNegative(faults.errorRate, 'errorRate');
        if ((faults.errorRate as number) > 1) {
            throw new RangeError('errorRate must be between 0 and 1');
        }
    }
    if (
        faults.zuoraOutage !== undefined &&
        faults.zuoraOutage !== null &&
        typeof faults.zuoraOutage !== 'string'
    ) {
        throw new RangeError('zuoraOutage must be a message or null');
    }
    if (faults.failures !== undefined) {
        if (
            faults.failures === null ||
            typeof faults.failures !== 'object' ||
            Array.isArray(faults.failures)
        ) {
            throw new RangeError(
                'failures must map ids to a message or to { errorCode, message?, status? }'
            );
        }
        for (const [id, failure] of Object.entries(faults.failures as Record<string, unknown>)) {
            const ok =
                typeof failure === 'string' ||
                (failure !== null &&
                    typeof failure === 'object' &&
                    typeof (failure as RequestFailure).errorCode === 'string');
            if (!ok || idKey(id) === null) {
                throw new RangeError(
                    `failures["${id}"]: needs a valid id and a message or { errorCode }`
                );
            }
        }
    }
    return faults as Faults;
}

/** The words of a request refused by the errorRate fault. */
export const SERVER_UNAVAILABLE_MESSAGE = 'The server is temporarily unavailable. Try again later.';

/** The faults in force, with the seeded draws of errorRate. */
export class FaultInjector {
    private faults: Faults = {};
    private random = new SeededRandom(1);

    /** Replaces the faults in force (and restarts the errorRate sequence from its seed). */
    set(faults: Faults): void {
        this.faults = validateFaults(faults);
        this.random = new SeededRandom(this.faults.seed ?? 1);
    }

    clear(): void {
        this.set({});
    }

    current(): Faults {
        return this.faults;
    }

    get latencyMs(): number {
        return this.faults.latencyMs ?? 0;
    }

    get zuoraLatencyMs(): number {
        return this.faults.zuoraLatencyMs ?? 0;
    }

    get zuoraOutage(): string | null {
        return this.faults.zuoraOutage ?? null;
    }

    /**
     * What every answer of the org goes through. The answer leaves `latencyMs` after the request
     * arrived (`arrivedAt`, a performance.now() reading), however long the org's own work took
     * inside that time: the org draws once (errorRate) and works at once, then holds the answer
     * until the deadline, so that a client sees the injected latency and nothing more (work that
     * takes longer than the latency is answered as soon as it is done). `work` is told whether
     * the draw says to answer 503 (SERVER_UNAVAILABLE_MESSAGE).
     */
    async answerAt<T>(arrivedAt: number, work: (unavailable: boolean) => Promise<T>): Promise<T> {
        const deadline = arrivedAt + this.latencyMs;
        const answer = await work(this.drawServerUnavailable());
        await delay(deadline - performance.now());
        return answer;
    }

    /** Draws once: true when this request is to be answered 503. */
    drawServerUnavailable(): boolean {
        const rate = this.faults.errorRate ?? 0;
        return rate > 0 && this.random.next() < rate;
    }

    /** Zuora's refusal message for an item named by any of `ids`, or null. */
    itemFailure(ids: readonly (string | null)[]): string | null {
        const failure = this.find(ids);
        return typeof failure === 'string' ? failure : null;
    }

    /** The request-level failure for the first of `ids` that has one, or null. */
    requestFailure(ids: readonly unknown[]): RequestFailure | null {
        for (const id of ids) {
            const failure = this.find([id]);
            if (failure !== null && typeof failure !== 'string') {
                return failure;
            }
        }
        return null;
    }

    private find(ids: readonly unknown[]): string | RequestFailure | null {
        const keys = new Set(
            ids.map((id) => idKey(id)).filter((key): key is string => key !== null)
        );
        for (const [id, failure] of Object.entries(this.faults.failures ?? {})) {
            const key = idKey(id);
            if (key !== null && keys.has(key)) {
                return failure;
            }
        }
        return null;
    }
}
