/**
 * The cooldown window: Zuora processes only one on-demand sync per account at a time and
 * recommends waiting before asking again, so a record requested recently is not sent again
 * until its cooldown ends.
 */
import { SETTING_BOUNDS } from './contract';

/** Zuora's recommended wait between two on-demand syncs of one account (the contract's default). */
export const DEFAULT_COOLDOWN_MINUTES: number = SETTING_BOUNDS.cooldownMinutes.default;

/** A moment: a Date, an ISO 8601 string, or milliseconds since the epoch. */
export type DateInput = Date | string | number;

export interface CooldownState {
    readonly coolingDown: boolean;
    /** Whole minutes until the record may be synced again, rounded up; 0 when not cooling down. */
    readonly minutesLeft: number;
    /** When the cooldown ends, or null when it is unknown. */
    readonly until: Date | null;
}

const MINUTE_MS = 60000;

/** The moment a value names, or null when it names none. */
export function toDate(value: unknown): Date | null {
    let time: number;
    if (value instanceof Date) {
        time = value.getTime();
    } else if (typeof value === 'number') {
        time = value;
    } else if (typeof value === 'string' && value.trim() !== '') {
        time = Date.parse(value.trim());
    } else {
        return null;
    }
    return Number.isFinite(time) ? new Date(time) : null;
}

/** When a record requested at `lastRequestedAt` may be requested again. Throws RangeError on invalid input. */
export function cooldownUntil(
    lastRequestedAt: DateInput,
    minutes: number = DEFAULT_COOLDOWN_MINUTES
): Date {
    const start = toDate(lastRequestedAt);
    if (start === null) {
        throw new RangeError('cooldownUntil: lastRequestedAt is not a valid date');
    }
    if (!Number.isFinite(minutes) || minutes < 0) {
        throw new RangeError('cooldownUntil: minutes must be a finite number of at least 0');
    }
    return new Date(start.getTime() + minutes * MINUTE_MS);
}

/** Whether a record whose cooldown ends at `until` is still cooling down at `now`. Tolerates a missing or invalid `until`. */
export function cooldownState(now: DateInput, until: DateInput | null | undefined): CooldownState {
    const end = toDate(until);
    const current = toDate(now);
    if (end === null || current === null) {
        return { coolingDown: false, minutesLeft: 0, until: end };
    }
    const left = end.getTime() - current.getTime();
    if (left <= 0) {
        return { coolingDown: false, minutesLeft: 0, until: end };
    }
    return { coolingDown: true, minutesLeft: Math.ceil(left / MINUTE_MS), until: end };
}
