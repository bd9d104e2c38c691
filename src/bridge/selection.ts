/**
 * Selection caps: Zuora takes at most 8 accounts per on-demand sync from the Account page and
 * at most 10 through the Apex method, so selections are checked against a cap and larger lists
 * are split into sync sessions (Zuora's term for one on-demand sync request).
 */
import { API_SESSION_CAP, UI_SESSION_CAP } from './contract';
import { idKey } from './ids';
import { messageText, type MessageOverrides } from './messages';

/**
 * Most records one sync may hold when started from the record page (UI_SESSION_CAP) and through
 * the Apex API, so per REST request (API_SESSION_CAP): both from the contract.
 */
export { API_SESSION_CAP, UI_SESSION_CAP };

export type SelectionProblem = 'EMPTY' | 'TOO_MANY';

export interface SelectionCheck {
    readonly ok: boolean;
    /** Set when `ok` is false. */
    readonly reason?: SelectionProblem;
    /** Distinct records selected (a 15- and an 18-character id of one record count once). */
    readonly count: number;
    readonly max: number;
    readonly message: string;
}

function validCap(max: number, name: string): number {
    if (!Number.isInteger(max) || max < 1) {
        throw new RangeError(`${name} must be a whole number of at least 1`);
    }
    return max;
}

/** Checks a selection against a cap (e.g. UI_SESSION_CAP). */
export function checkSelection(
    ids: readonly string[],
    max: number = UI_SESSION_CAP,
    messages?: MessageOverrides | null
): SelectionCheck {
    const cap = validCap(max, 'max');
    const distinct = new Set<string>();
    for (const id of Array.isArray(ids) ? ids : []) {
        if (typeof id === 'string' && id.trim() !== '') {
            distinct.add(idKey(id) ?? id.trim());
        }
    }
    const count = distinct.size;
    if (count === 0) {
        return {
            ok: false,
            reason: 'EMPTY',
            count,
            max: cap,
            message: messageText('selectionEmpty', messages)
        };
    }
    if (count > cap) {
        return {
            ok: false,
            reason: 'TOO_MANY',
            count,
            max: cap,
            message: messageText('selectionTooMany', messages, count, cap)
        };
    }
    return { ok: true, count, max: cap, message: messageText('selectionOk', messages, count, cap) };
}

/** Splits items into consecutive sessions of at most `cap`, keeping their order. */
export function planSessions<T>(items: readonly T[], cap: number = API_SESSION_CAP): T[][] {
    const size = validCap(cap, 'cap');
    const sessions: T[][] = [];
    for (let start = 0; start < items.length; start += size) {
        sessions.push(items.slice(start, start + size));
    }
    return sessions;
}
