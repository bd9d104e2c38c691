/**
 * Readers for values of unknown shape (whatever an Apex method, a REST answer or a thrown error
 * holds), shared by the error and the result readers.
 */

/** An object read key by key. */
export type Bag = { readonly [key: string]: unknown };

/** True for any object that is not null (arrays included). */
export function isBag(value: unknown): value is Bag {
    return value !== null && typeof value === 'object';
}

/** True for an object that is neither null nor an array. */
export function isRecord(value: unknown): value is Bag {
    return isBag(value) && !Array.isArray(value);
}

/** The trimmed text of a string that is not blank; undefined for anything else. */
export function nonBlank(value: unknown): string | undefined {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The value of a JSON object or array written as text; `fallback` for any other text. */
export function parseJson(text: string, fallback: unknown): unknown {
    const trimmed = text.trim();
    if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
        return fallback;
    }
    try {
        return JSON.parse(trimmed) as unknown;
    } catch {
        return fallback;
    }
}
