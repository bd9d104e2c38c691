/**
 * Salesforce and Zuora ids: validation, the 18-character form, comparison and bulk parsing.
 *
 * Salesforce ids have 15 case-sensitive characters; the 18-character form appends a checksum of
 * the case of the first 15 so that the id survives case-insensitive tools. Records are compared
 * on the 18-character form.
 *
 * Checksum suffix case: the suffix alphabet has only upper-case letters and digits, so a suffix
 * typed in lower case (as spreadsheets and case-folding tools produce) is unambiguous and is
 * accepted; the 18-character form returned always carries the canonical upper-case suffix. The
 * first 15 characters stay case-sensitive: they are never "repaired" from the suffix, because a
 * wrongly cased body names a different record.
 */
import { messageText, type MessageOverrides } from './messages';

const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_BODY = /^[a-zA-Z0-9]{15}$/;
const ID_SUFFIX = /^[a-zA-Z0-9]{3}$/;
const ZUORA_ID = /^[0-9a-fA-F]{32}$/;

/** Why an input is not an acceptable id. */
export type IdErrorCode = 'MALFORMED' | 'BAD_CHECKSUM' | 'WRONG_OBJECT' | 'MIXED_PREFIX';

/** Which kind of id a list holds. */
export type IdKind = 'salesforce' | 'zuora';

/** The result of checking one Salesforce id. */
export type SalesforceIdCheck =
    | { readonly ok: true; readonly id18: string }
    | { readonly ok: false; readonly code: 'MALFORMED' }
    | { readonly ok: false; readonly code: 'BAD_CHECKSUM'; readonly expected: string };

/** One input of {@link parseIds}, with the line it came from when it came from a file. */
export interface IdInput {
    readonly value: string;
    readonly line?: number | undefined;
}

export interface ParseIdsOptions {
    /** Default 'salesforce'. */
    readonly kind?: IdKind | undefined;
    /** Salesforce ids only: the key prefix every id must have (checked case-sensitively). */
    readonly keyPrefix?: string | undefined;
    /** Skip inputs that are empty after trimming instead of reporting them. Default false. */
    readonly ignoreBlank?: boolean | undefined;
    readonly messages?: MessageOverrides | null | undefined;
}

/** A bad input: `index` is its position in the inputs, `line` is copied from the input. */
export interface IdError {
    readonly value: string;
    readonly index: number;
    readonly line?: number;
    readonly code: IdErrorCode;
    readonly message: string;
}

/** An input naming an item already listed: `item` is that item, `firstIndex` the input that listed it. */
export interface IdDuplicate {
    readonly value: string;
    readonly index: number;
    readonly line?: number;
    readonly item: string;
    readonly firstIndex: number;
}

export interface ParsedIds {
    /** Distinct valid items in input order: 18-character Salesforce ids, or Zuora ids as given. */
    readonly items: string[];
    readonly duplicates: IdDuplicate[];
    readonly errors: IdError[];
}

/** The 3-character checksum suffix of a 15-character id (case of each 5-character block). */
export function checksumOf(id15: string): string {
    if (typeof id15 !== 'string' || !ID_BODY.test(id15)) {
        throw new RangeError('checksumOf expects 15 letters and digits');
    }
    let suffix = '';
    for (let block = 0; block < 3; block++) {
        let bits = 0;
        for (let position = 0; position < 5; position++) {
            const code = id15.charCodeAt(block * 5 + position);
            if (code >= 65 && code <= 90) {
                bits |= 1 << position;
            }
        }
        suffix += CHECKSUM_ALPHABET.charAt(bits);
    }
    return suffix;
}

/** Checks a 15- or 18-character Salesforce id and gives its 18-character form. */
export function checkSalesforceId(value: unknown): SalesforceIdCheck {
    if (typeof value !== 'string' || (value.length !== 15 && value.length !== 18)) {
        return { ok: false, code: 'MALFORMED' };
    }
    const body = value.slice(0, 15);
    if (!ID_BODY.test(body)) {
        return { ok: false, code: 'MALFORMED' };
    }
    const expected = checksumOf(body);
    if (value.length === 15) {
        return { ok: true, id18: body + expected };
    }
    const suffix = value.slice(15);
    if (!ID_SUFFIX.test(suffix)) {
        return { ok: false, code: 'MALFORMED' };
    }
    if (suffix.toUpperCase() !== expected) {
        return { ok: false, code: 'BAD_CHECKSUM', expected };
    }
    return { ok: true, id18: body + expected };
}

/** True for a valid 15-character id or an 18-character id whose checksum matches. */
export function isSalesforceId(value: unknown): value is string {
    return checkSalesforceId(value).ok;
}

/** The 18-character form of a valid Salesforce id, or null. */
export function toId18(value: unknown): string | null {
    const check = checkSalesforceId(value);
    return check.ok ? check.id18 : null;
}

/** The key prefix (first 3 characters, naming the object) of a valid Salesforce id, or null. */
export function keyPrefixOf(value: unknown): string | null {
    return isSalesforceId(value) ? value.slice(0, 3) : null;
}

/** True for exactly 32 hexadecimal characters (either case). */
export function isZuoraId(value: unknown): value is string {
    return typeof value === 'string' && ZUORA_ID.test(value);
}

/**
 * The comparison key of an id: the 18-character form of a Salesforce id, the lower-cased form
 * of a Zuora id, null for anything else. Two values name one record when their keys are equal.
 */
export function idKey(value: unknown): string | null {
    if (typeof value !== 'string') {
        return null;
    }
    const trimmed = value.trim();
    if (isZuoraId(trimmed)) {
        return trimmed.toLowerCase();
    }
    return toId18(trimmed);
}

/** True when both values are ids of the same record (15 vs 18 characters, Zuora id case ignored). */
export function sameRecord(a: unknown, b: unknown): boolean {
    const keyA = idKey(a);
    return keyA !== null && keyA === idKey(b);
}

/** Text of a value that may not be a string; never throws (objects without a prototype cannot be converted). */
function textOf(value: unknown): string {
    if (typeof value === 'string') {
        return value;
    }
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
        return String(value);
    }
    return '';
}

function inputValue(input: unknown): { value: string; line?: number } {
    if (input !== null && typeof input === 'object') {
        const record = input as { value?: unknown; line?: unknown };
        const value = textOf(record.value);
        return typeof record.line === 'number' ? { value, line: record.line } : { value };
    }
    return { value: textOf(input) };
}

/**
 * Validates, normalises and de-duplicates a list of ids. Every bad input is reported (not only
 * the first) with its index and line. Values are trimmed.
 *
 * Salesforce ids: without `keyPrefix`, all ids must share the first valid id's prefix
 * (MIXED_PREFIX otherwise); with it, each must have it (WRONG_OBJECT otherwise).
 * Zuora ids keep the case they were given in but are de-duplicated case-insensitively.
 */
export function parseIds(
    inputs: readonly (string | IdInput)[],
    options: ParseIdsOptions = {}
): ParsedIds {
    const kind: IdKind = options.kind ?? 'salesforce';
    const messages = options.messages;
    const items: string[] = [];
    const duplicates: IdDuplicate[] = [];
    const errors: IdError[] = [];
    const firstByKey = new Map<string, { readonly item: string; readonly index: number }>();
    let sharedPrefix: string | undefined;

    const list: readonly unknown[] = Array.isArray(inputs) ? inputs : [];
    list.forEach((input, index) => {
        const { value: raw, line } = inputValue(input);
        const value = raw.trim();
        const where = line === undefined ? { index } : { index, line };
        const fail = (code: IdErrorCode, message: string): void => {
            errors.push({ value, ...where, code, message });
        };

        if (value === '') {
            if (!options.ignoreBlank) {
                fail('MALFORMED', messageText('idEmpty', messages));
            }
            return;
        }

        let item: string;
        let key: string;
        if (kind === 'zuora') {
            if (!isZuoraId(value)) {
                fail('MALFORMED', messageText('zuoraIdMalformed', messages, value));
                return;
            }
            item = value;
            key = value.toLowerCase();
        } else {
            const check = checkSalesforceId(value);
            if (!check.ok) {
                if (check.code === 'BAD_CHECKSUM') {
                    fail(
                        'BAD_CHECKSUM',
                        messageText('idBadChecksum', messages, value, check.expected)
                    );
                } else {
                    fail('MALFORMED', messageText('idMalformed', messages, value));
                }
                return;
            }
            const prefix = check.id18.slice(0, 3);
            if (options.keyPrefix !== undefined) {
                if (prefix !== options.keyPrefix) {
                    fail(
                        'WRONG_OBJECT',
                        messageText('idWrongObject', messages, value, prefix, options.keyPrefix)
                    );
                    return;
                }
            } else if (sharedPrefix === undefined) {
                sharedPrefix = prefix;
            } else if (prefix !== sharedPrefix) {
                fail(
                    'MIXED_PREFIX',
                    messageText('idMixedPrefix', messages, value, prefix, sharedPrefix)
                );
                return;
            }
            item = check.id18;
            key = check.id18;
        }

        const first = firstByKey.get(key);
        if (first !== undefined) {
            duplicates.push({ value, ...where, item: first.item, firstIndex: first.index });
            return;
        }
        firstByKey.set(key, { item, index });
        items.push(item);
    });

    return { items, duplicates, errors };
}
