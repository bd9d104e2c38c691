/**
 * Building and sending one sync request. The transport is handed in (an Apex method in the
 * Lightning component, jsforce in the command line, a double in tests), so this module never
 * touches a global. A request is validated before anything is sent: a request with any invalid
 * id sends nothing.
 */
import { toSyncError, SyncError } from './errors';
import { parseIds, type IdInput } from './ids';
import { messageText, type MessageOverrides } from './messages';
import { normaliseResponse } from './results';
import { API_SESSION_CAP, UI_SESSION_CAP } from './selection';
import {
    SYNC_OBJECT_TYPES,
    SYNC_SOURCES,
    type SyncObjectType,
    type SyncOutcome,
    type SyncRequest,
    type SyncSource
} from './types';

/** Sends one request and resolves with the raw answer (object, array or JSON text). */
export type SyncTransport = (request: SyncRequest) => Promise<unknown>;

/** A request as a caller may write it; blanks take the defaults. */
export interface SyncRequestInput {
    /** Default 'BILLING_ACCOUNT'. */
    readonly objectType?: string | null | undefined;
    readonly ids?: readonly (string | IdInput)[] | null | undefined;
    readonly zuoraIds?: readonly (string | IdInput)[] | null | undefined;
    /** Default 'API'. */
    readonly source?: string | null | undefined;
    readonly emailNotification?: boolean | null | undefined;
}

export interface SyncRequestOptions {
    /** Most distinct items allowed; default UI_SESSION_CAP (8) for source 'UI', else API_SESSION_CAP (10). */
    readonly max?: number | undefined;
    /** The key prefix every Salesforce id must have; without it ids must merely share one prefix. */
    readonly keyPrefix?: string | undefined;
    readonly messages?: MessageOverrides | null | undefined;
}

/** The trimmed, upper-cased text of an enumeration value; the default when blank; null when not text. */
function enumText(value: unknown, fallback: string): string | null {
    if (value === null || value === undefined) {
        return fallback;
    }
    if (typeof value !== 'string') {
        return null;
    }
    return value.trim() === '' ? fallback : value.trim().toUpperCase();
}

/**
 * Validates and normalises a request: ids become 18 characters, duplicates are dropped (Zuora
 * ids case-insensitively, keeping their first spelling). Throws SyncError with code
 * INVALID_OBJECT_TYPE, EMPTY_REQUEST, INVALID_ID or TOO_MANY_IDS (checked in that order, like
 * the service), or INVALID_SOURCE.
 */
export function buildSyncRequest(
    request: SyncRequestInput,
    options: SyncRequestOptions = {}
): SyncRequest {
    const input: SyncRequestInput = request !== null && typeof request === 'object' ? request : {};
    const messages = options.messages;
    const invalid = (code: string, message: string, details: readonly string[] = []): SyncError =>
        new SyncError(code, message, { retryable: false, httpStatus: 400, details });

    const objectTypeText = enumText(input.objectType, 'BILLING_ACCOUNT');
    if (
        objectTypeText === null ||
        !(SYNC_OBJECT_TYPES as readonly string[]).includes(objectTypeText)
    ) {
        throw invalid(
            'INVALID_OBJECT_TYPE',
            messageText('errorInvalidObjectType', messages, input.objectType)
        );
    }
    const sourceText = enumText(input.source, 'API');
    if (sourceText === null || !(SYNC_SOURCES as readonly string[]).includes(sourceText)) {
        throw invalid('INVALID_SOURCE', messageText('errorInvalidSource', messages, input.source));
    }
    const source = sourceText as SyncSource;

    const ids = Array.isArray(input.ids) ? input.ids : [];
    const zuoraIds = Array.isArray(input.zuoraIds) ? input.zuoraIds : [];
    if (ids.length + zuoraIds.length === 0) {
        throw invalid('EMPTY_REQUEST', messageText('errorEmptyRequest', messages));
    }

    const parsedIds = parseIds(ids, {
        kind: 'salesforce',
        ...(options.keyPrefix === undefined ? {} : { keyPrefix: options.keyPrefix }),
        messages
    });
    const parsedZuoraIds = parseIds(zuoraIds, { kind: 'zuora', messages });
    const errors = [...parsedIds.errors, ...parsedZuoraIds.errors];
    const firstError = errors[0];
    if (firstError !== undefined) {
        throw invalid(
            'INVALID_ID',
            messageText('errorInvalidId', messages, firstError.message),
            errors.map((error) => error.message)
        );
    }

    const max = options.max ?? (source === 'UI' ? UI_SESSION_CAP : API_SESSION_CAP);
    if (!Number.isInteger(max) || max < 1) {
        throw new RangeError('max must be a whole number of at least 1');
    }
    const count = parsedIds.items.length + parsedZuoraIds.items.length;
    if (count > max) {
        throw invalid('TOO_MANY_IDS', messageText('errorTooManyIds', messages, count, max));
    }

    return {
        objectType: objectTypeText as SyncObjectType,
        ids: parsedIds.items,
        zuoraIds: parsedZuoraIds.items,
        source,
        ...(typeof input.emailNotification === 'boolean'
            ? { emailNotification: input.emailNotification }
            : {})
    };
}

/** The items of a request in the order their results come back: ids, then Zuora ids. */
export function requestedItems(request: Pick<SyncRequest, 'ids' | 'zuoraIds'>): string[] {
    return [...request.ids, ...request.zuoraIds];
}

/**
 * Validates the request, sends it through `transport` and normalises the answer to one result
 * per item in request order. Rejects with SyncError: a validation code before anything is sent,
 * or the transport's error described by describeError.
 */
export async function requestSync(
    transport: SyncTransport,
    request: SyncRequestInput,
    options: SyncRequestOptions = {}
): Promise<SyncOutcome> {
    if (typeof transport !== 'function') {
        throw new TypeError('requestSync needs a transport function');
    }
    const sendable = buildSyncRequest(request, options);
    let raw: unknown;
    try {
        raw = await transport(sendable);
    } catch (error) {
        throw toSyncError(error, options.messages);
    }
    return normaliseResponse(raw, requestedItems(sendable), { messages: options.messages });
}
