/**
 * Errors: one description for every error shape the bridge meets (Aura/Apex errors in the
 * Lightning component, Salesforce REST error arrays, jsforce errors, network failures), and the
 * SyncError thrown by requestSync.
 */
import { CONTRACT_ERROR_STATUS, RETRY_MAY_PASS_CODES, RETRY_NEVER_PASSES_CODES } from './contract';
import { messageText, type MessageKey, type MessageOverrides } from './messages';
import NODE_NETWORK_CODES from './node-error-codes.json';
import { isBag, nonBlank, parseJson, type Bag } from './values';

/**
 * The contract's request-level error codes (generated from contract/contract.json, which gives
 * each its HTTP status; scripts/build-fixtures.mjs checks the contract fixtures against it).
 */
export type ContractErrorCode = keyof typeof CONTRACT_ERROR_STATUS;

/**
 * The contract's error codes, plus INVALID_SOURCE (refused before sending), NETWORK (no answer)
 * and UNKNOWN.
 */
export type KnownErrorCode = 'INVALID_SOURCE' | ContractErrorCode | 'NETWORK' | 'UNKNOWN';

/** A known code, or any Salesforce error code passed through as received (e.g. UNABLE_TO_LOCK_ROW). */
export type ErrorCode = KnownErrorCode | (string & {});

export interface ErrorDescription {
    readonly code: ErrorCode;
    /** Words a user can act on. */
    readonly message: string;
    /** True when the same request may succeed if sent again later. */
    readonly retryable: boolean;
    readonly httpStatus?: number;
    /** Every message found in the error as received, for diagnostics. */
    readonly details: readonly string[];
}

export interface SyncErrorOptions {
    readonly retryable?: boolean | undefined;
    readonly httpStatus?: number | undefined;
    readonly details?: readonly string[] | undefined;
    readonly cause?: unknown;
}

/** The error requestSync and buildSyncRequest throw. */
export class SyncError extends Error {
    readonly code: ErrorCode;
    readonly retryable: boolean;
    // Optional fields are declared only, so that an unset one is absent rather than undefined.
    declare readonly httpStatus?: number;
    readonly details: readonly string[];
    declare readonly cause?: unknown;

    constructor(code: ErrorCode, message: string, options: SyncErrorOptions = {}) {
        super(message);
        Object.setPrototypeOf(this, new.target.prototype);
        this.name = 'SyncError';
        this.code = code;
        this.retryable = options.retryable ?? false;
        if (options.httpStatus !== undefined) {
            this.httpStatus = options.httpStatus;
        }
        this.details = options.details ?? [];
        if (options.cause !== undefined) {
            this.cause = options.cause;
        }
    }
}

/** HTTP status of each contract error code (used when the error itself carries none). */
export const HTTP_STATUS_BY_CODE: { readonly [code: string]: number } =
    Object.freeze(CONTRACT_ERROR_STATUS);

/** Codes for which a retry may pass, and codes for which it never does (the contract says which). */
const RETRYABLE_CODES: ReadonlySet<string> = new Set(RETRY_MAY_PASS_CODES);
const NOT_RETRYABLE_CODES: ReadonlySet<string> = new Set(RETRY_NEVER_PASSES_CODES);

/** Codes searched for inside message text (e.g. "first error: UNABLE_TO_LOCK_ROW, ..."). */
const CODES_IN_TEXT = [...Object.keys(HTTP_STATUS_BY_CODE), ...RETRYABLE_CODES].filter(
    (code) => code !== 'NETWORK'
);

/** Codes of Node and undici network errors (the command line's; the static resource has none). */
const NETWORK_CODES: ReadonlySet<string> = new Set<string>(NODE_NETWORK_CODES);

const NETWORK_TEXT =
    /failed to fetch|networkerror|network error|network request failed|load failed|fetch failed|socket hang up|ECONNRESET|ETIMEDOUT|ECONNREFUSED/i;

/** Fallback texts for codes that arrive without a message (only templates without placeholders). */
const CODE_MESSAGE: { readonly [code: string]: MessageKey } = {
    EMPTY_REQUEST: 'errorEmptyRequest',
    INSUFFICIENT_ACCESS: 'errorInsufficientAccess',
    ZUORA_NOT_CONFIGURED: 'errorZuoraNotConfigured',
    ZUORA_ERROR: 'errorZuoraError'
};

/** An error's body, parsed when it is JSON text. */
function bodyOf(error: Bag): unknown {
    return typeof error.body === 'string' ? parseJson(error.body, error.body) : error.body;
}

function messagesOfList(list: unknown): string[] {
    if (!Array.isArray(list)) {
        return [];
    }
    const found: string[] = [];
    for (const entry of list) {
        const message =
            typeof entry === 'string'
                ? nonBlank(entry)
                : isBag(entry)
                  ? nonBlank(entry.message)
                  : undefined;
        if (message !== undefined) {
            found.push(message);
        }
    }
    return found;
}

function messagesOfFieldErrors(fieldErrors: unknown): string[] {
    if (!isBag(fieldErrors)) {
        return [];
    }
    return Object.keys(fieldErrors).reduce<string[]>(
        (found, field) => found.concat(messagesOfList(fieldErrors[field])),
        []
    );
}

/** Messages of one error, in the order lwc-recipes' reduceErrors looks for them. */
function messagesOf(error: unknown): string[] {
    if (typeof error === 'string') {
        const single = nonBlank(error);
        return single === undefined ? [] : [single];
    }
    if (Array.isArray(error)) {
        return messagesOfList(error);
    }
    if (!isBag(error)) {
        return [];
    }
    const body = bodyOf(error);
    if (Array.isArray(body)) {
        return messagesOfList(body);
    }
    if (isBag(body)) {
        const found = [
            ...messagesOfList(body.pageErrors),
            ...messagesOfFieldErrors(body.fieldErrors),
            ...(isBag(body.output)
                ? [
                      ...messagesOfList(body.output.errors),
                      ...messagesOfFieldErrors(body.output.fieldErrors)
                  ]
                : [])
        ];
        if (found.length > 0) {
            return found;
        }
        const bodyMessage = nonBlank(body.message);
        if (bodyMessage !== undefined) {
            return [bodyMessage];
        }
    } else if (typeof body === 'string' && nonBlank(body) !== undefined) {
        return [body.trim()];
    }
    if (Array.isArray(error.data)) {
        const dataMessages = messagesOfList(error.data);
        if (dataMessages.length > 0) {
            return dataMessages;
        }
    }
    const message = nonBlank(error.message) ?? nonBlank(error.statusText);
    return message === undefined ? [] : [message];
}

/**
 * Every readable message in one error or a list of errors (Aura/Apex, REST, JavaScript), flattened,
 * blanks and repeats dropped. Same idea as lwc-recipes' reduceErrors.
 */
export function reduceErrors(errors: unknown): string[] {
    const list: readonly unknown[] = Array.isArray(errors) ? errors : [errors];
    const seen = new Set<string>();
    const result: string[] = [];
    for (const error of list) {
        for (const message of messagesOf(error)) {
            if (!seen.has(message)) {
                seen.add(message);
                result.push(message);
            }
        }
    }
    return result;
}

/** The first error code found: REST arrays, Aura pageErrors, jsforce errorCode, a Node error code. */
function codeOf(error: unknown): string | undefined {
    if (Array.isArray(error)) {
        for (const entry of error) {
            const code = isBag(entry)
                ? (nonBlank(entry.errorCode) ?? nonBlank(entry.statusCode))
                : undefined;
            if (code !== undefined) {
                return code;
            }
        }
        return undefined;
    }
    if (!isBag(error)) {
        return undefined;
    }
    const body = bodyOf(error);
    if (Array.isArray(body)) {
        return codeOf(body);
    }
    if (isBag(body)) {
        const fromBody = nonBlank(body.errorCode) ?? codeOf(body.pageErrors);
        if (fromBody !== undefined) {
            return fromBody;
        }
    }
    if (Array.isArray(error.data)) {
        const fromData = codeOf(error.data);
        if (fromData !== undefined) {
            return fromData;
        }
    }
    return nonBlank(error.errorCode);
}

function numberOf(value: unknown): number | undefined {
    return typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599
        ? value
        : undefined;
}

function statusOf(error: unknown, code: string | undefined): number | undefined {
    if (isBag(error)) {
        const status =
            numberOf(error.status) ?? numberOf(error.statusCode) ?? numberOf(error.httpStatus);
        if (status !== undefined) {
            return status;
        }
    }
    const fromCode = code === undefined ? undefined : /^ERROR_HTTP_(\d{3})$/.exec(code);
    if (fromCode) {
        return Number(fromCode[1]);
    }
    return code === undefined ? undefined : HTTP_STATUS_BY_CODE[code];
}

function isNetworkError(error: unknown): { network: boolean; timeout: boolean } {
    if (!isBag(error)) {
        return { network: false, timeout: false };
    }
    const name = typeof error.name === 'string' ? error.name : '';
    if (name === 'AbortError' || name === 'TimeoutError') {
        return { network: true, timeout: true };
    }
    const codes = [
        error.code,
        error.errno,
        isBag(error.cause) ? error.cause.code : undefined
    ].filter((code): code is string => typeof code === 'string');
    const networkCode = codes.find((code) => NETWORK_CODES.has(code));
    if (networkCode !== undefined) {
        return { network: true, timeout: /TIMEOUT|TIMEDOUT/.test(networkCode) };
    }
    const message = typeof error.message === 'string' ? error.message : '';
    const hasStatus =
        numberOf(error.status) !== undefined || numberOf(error.statusCode) !== undefined;
    if (!hasStatus && error.body === undefined && NETWORK_TEXT.test(message)) {
        return { network: true, timeout: /ETIMEDOUT/i.test(message) };
    }
    return { network: false, timeout: false };
}

function isHandledApexException(error: unknown): boolean {
    if (!isBag(error) || !isBag(error.body)) {
        return false;
    }
    return (
        error.body.isUserDefinedException === true ||
        error.body.exceptionType === 'System.AuraHandledException'
    );
}

function isSyncErrorLike(error: unknown): error is SyncError {
    return (
        error instanceof SyncError ||
        (isBag(error) &&
            error.name === 'SyncError' &&
            typeof error.code === 'string' &&
            typeof error.retryable === 'boolean' &&
            typeof error.message === 'string')
    );
}

/**
 * Platform refusals that carry no error code of ours: the user lacks access to the Apex class
 * (the permission set grants it), which means exactly what INSUFFICIENT_ACCESS means.
 */
const CODES_BY_PLATFORM_TEXT: readonly (readonly [RegExp, string])[] = [
    [/\bdo(?:es)? not have access to (?:the )?Apex class\b/i, 'INSUFFICIENT_ACCESS']
];

function codeOfPlatformText(messages: readonly string[]): string | undefined {
    const match = CODES_BY_PLATFORM_TEXT.find(([pattern]) =>
        messages.some((message) => pattern.test(message))
    );
    return match?.[1];
}

/** Generic wrappers whose message may name the real cause (e.g. "first error: UNABLE_TO_LOCK_ROW"). */
const WRAPPER_CODES: ReadonlySet<string> = new Set([
    'MULTIPLE_API_ERRORS',
    'APEX_ERROR',
    'UNKNOWN_EXCEPTION'
]);

function codeInText(messages: readonly string[]): string | undefined {
    for (const message of messages) {
        const found = CODES_IN_TEXT.find((code) => new RegExp(`\\b${code}\\b`).test(message));
        if (found !== undefined) {
            return found;
        }
    }
    return undefined;
}

/**
 * Describes any error in words a user can act on, with a stable code and whether trying again
 * later may help. Never throws.
 */
export function describeError(
    error: unknown,
    messages?: MessageOverrides | null
): ErrorDescription {
    if (isSyncErrorLike(error)) {
        return {
            code: error.code,
            message: error.message,
            retryable: error.retryable,
            ...(error.httpStatus === undefined ? {} : { httpStatus: error.httpStatus }),
            details: Array.isArray(error.details) ? error.details : []
        };
    }

    const details = reduceErrors(error);
    const network = isNetworkError(error);
    if (network.network) {
        return {
            code: 'NETWORK',
            message: messageText(network.timeout ? 'errorTimeout' : 'errorNetwork', messages),
            retryable: true,
            details
        };
    }

    let code = codeOf(error);
    if (code === undefined || WRAPPER_CODES.has(code)) {
        code = codeInText(details) ?? code;
    }
    const platformCode = codeOfPlatformText(details);
    if (platformCode !== undefined) {
        code = platformCode;
    }
    const httpStatus = statusOf(error, code);
    const finalCode: string = code ?? 'UNKNOWN';
    const withStatus = httpStatus === undefined ? {} : { httpStatus };

    let retryable: boolean;
    if (RETRYABLE_CODES.has(finalCode)) {
        retryable = true;
    } else if (NOT_RETRYABLE_CODES.has(finalCode)) {
        retryable = false;
    } else {
        retryable =
            httpStatus !== undefined &&
            (httpStatus >= 500 || httpStatus === 429 || httpStatus === 408) &&
            !isHandledApexException(error);
    }

    let message: string;
    if (finalCode === 'INVALID_SESSION_ID' || httpStatus === 401) {
        message = messageText('errorSessionExpired', messages);
    } else if (RETRYABLE_CODES.has(finalCode) && finalCode !== 'ZUORA_ERROR') {
        message = messageText('errorBusy', messages);
    } else if (platformCode !== undefined && CODE_MESSAGE[platformCode] !== undefined) {
        message = messageText(CODE_MESSAGE[platformCode], messages);
    } else if (/^ERROR_HTTP_\d{3}$/.test(finalCode)) {
        message = messageText(retryable ? 'errorBusy' : 'errorUnknown', messages);
    } else {
        const fallbackKey = CODE_MESSAGE[finalCode];
        message =
            details[0] ??
            (fallbackKey === undefined
                ? messageText('errorUnknown', messages)
                : messageText(fallbackKey, messages));
    }
    return { code: finalCode, message, retryable, ...withStatus, details };
}

/** A SyncError built from any error (returned as is when it already is one). */
export function toSyncError(error: unknown, messages?: MessageOverrides | null): SyncError {
    if (error instanceof SyncError) {
        return error;
    }
    const description = describeError(error, messages);
    return new SyncError(description.code, description.message, {
        retryable: description.retryable,
        ...(description.httpStatus === undefined ? {} : { httpStatus: description.httpStatus }),
        details: description.details,
        cause: error
    });
}
