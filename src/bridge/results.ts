/**
 * Turns whatever a sync request answered into exactly one result per requested item, in request
 * order. The answer may be junk (a string, null, missing arrays, unknown statuses): a result is
 * never invented as REQUESTED; an item without a usable result is FAILED.
 */
import { toDate } from './cooldown';
import { idKey, isZuoraId, toId18 } from './ids';
import { messageText, type MessageKey, type MessageOverrides } from './messages';
import {
    ITEM_STATUSES,
    type ItemResult,
    type ItemStatus,
    type LimitEntry,
    type LimitScope,
    type SyncOutcome,
    type SyncSummary
} from './types';
import { isRecord, nonBlank, parseJson, type Bag } from './values';

export interface NormaliseOptions {
    readonly messages?: MessageOverrides | null | undefined;
}

const ORG_LIMITS: ReadonlySet<string> = new Set(['DailyApiRequests', 'DailyAsyncApexExecutions']);

const STATUS_ALIASES: { readonly [status: string]: ItemStatus } = {
    SUCCESS: 'REQUESTED',
    SUCCEEDED: 'REQUESTED',
    OK: 'REQUESTED',
    ERROR: 'FAILED',
    FAILURE: 'FAILED',
    FAIL: 'FAILED'
};

const DEFAULT_MESSAGE: { readonly [S in ItemStatus]: MessageKey } = {
    REQUESTED: 'itemRequested',
    FAILED: 'itemFailed',
    SKIPPED: 'itemSkipped',
    NOT_SENT: 'itemNotSent'
};

/** The entry's keys lower-cased, so that `Status`, `status` and `STATUS` all read the same. */
function lowerKeys(entry: Bag): Map<string, unknown> {
    const map = new Map<string, unknown>();
    for (const key of Object.keys(entry)) {
        const lower = key.toLowerCase();
        if (!map.has(lower)) {
            map.set(lower, entry[key]);
        }
    }
    return map;
}

function readText(map: Map<string, unknown>, ...names: string[]): string | undefined {
    for (const name of names) {
        const value = map.get(name);
        const found = nonBlank(value);
        if (found !== undefined) {
            return found;
        }
        if (typeof value === 'number' && Number.isFinite(value)) {
            return String(value);
        }
    }
    return undefined;
}

function readNumber(value: unknown): number | undefined {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

function statusOf(map: Map<string, unknown>): ItemStatus {
    const status = readText(map, 'status')?.toUpperCase();
    if (status !== undefined) {
        if ((ITEM_STATUSES as readonly string[]).includes(status)) {
            return status as ItemStatus;
        }
        const alias = STATUS_ALIASES[status];
        if (alias !== undefined) {
            return alias;
        }
    }
    const success = map.has('success') ? map.get('success') : map.get('issuccess');
    return success === true ? 'REQUESTED' : 'FAILED';
}

/** The comparison key of a value, or the trimmed text when it is no id. */
function keyOf(value: string): string {
    return idKey(value) ?? value.trim();
}

/** The item as it is reported: 18-character Salesforce id, Zuora id as given, else the trimmed text. */
function itemId(value: string): string {
    const trimmed = value.trim();
    return isZuoraId(trimmed) ? trimmed : (toId18(trimmed) ?? trimmed);
}

interface RawResult {
    /** Comparison key of the answer's `id` (or `recordId`). */
    readonly idKey?: string;
    /** Comparison key of the answer's `zuoraId`. */
    readonly zuoraIdKey?: string;
    readonly map: Map<string, unknown>;
}

function rawResults(list: unknown): RawResult[] {
    if (!Array.isArray(list)) {
        return [];
    }
    const found: RawResult[] = [];
    for (const entry of list) {
        if (isRecord(entry)) {
            const map = lowerKeys(entry);
            const id = readText(map, 'id', 'recordid');
            const zuoraId = readText(map, 'zuoraid');
            found.push({
                ...(id === undefined ? {} : { idKey: keyOf(id) }),
                ...(zuoraId === undefined ? {} : { zuoraIdKey: keyOf(zuoraId) }),
                map
            });
        }
    }
    return found;
}

function toResult(
    id: string,
    raw: RawResult | undefined,
    requestId: string | null,
    messages: MessageOverrides | null | undefined
): ItemResult {
    const withRequest = requestId === null ? {} : { requestId };
    if (raw === undefined) {
        return {
            id,
            status: 'FAILED',
            message: messageText('itemNoResult', messages),
            ...withRequest
        };
    }
    const { map } = raw;
    const status = statusOf(map);
    const message =
        readText(map, 'message', 'errormessage', 'error') ??
        messageText(DEFAULT_MESSAGE[status], messages);
    const zuoraId = readText(map, 'zuoraid');
    const name = readText(map, 'name', 'recordname');
    const jobId = readText(map, 'jobid');
    const until = toDate(readText(map, 'cooldownuntil'));
    return {
        id,
        ...(zuoraId === undefined ? {} : { zuoraId }),
        ...(name === undefined ? {} : { name }),
        status,
        message,
        ...(jobId === undefined ? {} : { jobId }),
        ...(until === null ? {} : { cooldownUntil: until.toISOString() }),
        ...withRequest
    };
}

function scopeOf(name: string, scope: string | undefined): LimitScope {
    const lower = scope?.toLowerCase();
    if (lower === 'org' || lower === 'transaction') {
        return lower;
    }
    return ORG_LIMITS.has(name) || name.startsWith('Daily') ? 'org' : 'transaction';
}

/** The well-formed limit readings of a `limits` array; malformed entries are dropped. */
export function normaliseLimits(raw: unknown): LimitEntry[] {
    if (!Array.isArray(raw)) {
        return [];
    }
    const limits: LimitEntry[] = [];
    for (const entry of raw) {
        if (!isRecord(entry)) {
            continue;
        }
        const map = lowerKeys(entry);
        const name = readText(map, 'name');
        const used = readNumber(map.get('used'));
        const max = readNumber(map.get('max'));
        if (name !== undefined && used !== undefined && max !== undefined) {
            limits.push({ name, scope: scopeOf(name, readText(map, 'scope')), used, max });
        }
    }
    return limits;
}

/**
 * One result per requested item, in request order. Results are matched on the 18-character
 * Salesforce id or, case-insensitively, the Zuora id, whether the answer puts it in `id` or
 * `zuoraId`. The answer may be an object `{ requestId, results, limits }`, a bare results array,
 * or either as JSON text. A requested item listed twice gets the same result twice.
 */
export function normaliseResponse(
    raw: unknown,
    requested: readonly string[],
    options: NormaliseOptions = {}
): SyncOutcome {
    const answer = typeof raw === 'string' ? parseJson(raw, undefined) : raw;
    let list: unknown;
    let requestId: string | null = null;
    let limits: LimitEntry[] = [];
    if (Array.isArray(answer)) {
        list = answer;
    } else if (isRecord(answer)) {
        const map = lowerKeys(answer);
        list = map.get('results');
        requestId = readText(map, 'requestid') ?? null;
        limits = normaliseLimits(map.get('limits'));
    }

    // A result's own id wins over its Zuora id: when one record was asked for both by record id
    // and by Zuora id, each request finds the result that names it. First result wins a tie.
    const byId = new Map<string, RawResult>();
    const byZuoraId = new Map<string, RawResult>();
    for (const result of rawResults(list)) {
        if (result.idKey !== undefined && !byId.has(result.idKey)) {
            byId.set(result.idKey, result);
        }
        if (result.zuoraIdKey !== undefined && !byZuoraId.has(result.zuoraIdKey)) {
            byZuoraId.set(result.zuoraIdKey, result);
        }
    }

    const items: readonly unknown[] = Array.isArray(requested) ? requested : [];
    const results = items.map((value) => {
        const text =
            typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
        const key = keyOf(text);
        const raw = byId.get(key) ?? byZuoraId.get(key);
        return toResult(itemId(text), raw, requestId, options.messages);
    });
    return { requestId, results, limits };
}

/** Counts results by status. */
export function summarise(results: readonly Pick<ItemResult, 'status'>[]): SyncSummary {
    let requested = 0;
    let failed = 0;
    let skipped = 0;
    let notSent = 0;
    for (const result of results) {
        switch (result.status) {
            case 'REQUESTED':
                requested++;
                break;
            case 'FAILED':
                failed++;
                break;
            case 'SKIPPED':
                skipped++;
                break;
            case 'NOT_SENT':
                notSent++;
                break;
        }
    }
    return { total: results.length, requested, failed, skipped, notSent };
}
