/**
 * Limit warnings: Zuora writes synced data through the Salesforce API, so on-demand syncs spend the
 * org's daily API requests, and every synced record costs one Apex callout. Readings near their
 * maximum become warnings worded for a sales rep.
 */
import { DEFAULT_MESSAGES, messageText, type MessageKey, type MessageOverrides } from './messages';
import type { LimitEntry, LimitScope } from './types';

/** Share of a limit (percent) from which a warning is shown. */
export const DEFAULT_WARNING_THRESHOLD = 80;

/** Share of a limit (percent) from which the warning is an error. */
export const DEFAULT_SEVERE_THRESHOLD = 95;

export type WarningCode = 'LIMIT_NEAR' | 'LIMIT_CRITICAL' | 'CALLOUTS_SHORT';

export type WarningSeverity = 'warning' | 'error';

export interface Warning {
    readonly code: WarningCode;
    readonly severity: WarningSeverity;
    readonly name: string;
    readonly scope: LimitScope;
    readonly used: number;
    readonly max: number;
    /** Whole percent used, rounded down (100 only when the limit is reached). */
    readonly percent: number;
    readonly message: string;
}

export interface LimitWarningOptions {
    /** Default DEFAULT_WARNING_THRESHOLD (80). */
    readonly threshold?: number | undefined;
    /** Default DEFAULT_SEVERE_THRESHOLD (95). */
    readonly severeThreshold?: number | undefined;
    /** Records about to be sent: adds a CALLOUTS_SHORT warning when they need more callouts than are left. */
    readonly planned?: number | undefined;
    readonly messages?: MessageOverrides | null | undefined;
}

export interface CalloutsCheck {
    readonly fits: boolean;
    /** Callouts left according to the Callouts reading, or null when there is none. */
    readonly available: number | null;
    readonly warning: Warning | null;
}

const CALLOUTS = 'Callouts';

function isUsable(entry: LimitEntry): boolean {
    return (
        entry !== null &&
        typeof entry === 'object' &&
        typeof entry.name === 'string' &&
        Number.isFinite(entry.used) &&
        Number.isFinite(entry.max) &&
        entry.max > 0
    );
}

function percentOf(entry: LimitEntry): number {
    return Math.max(0, Math.floor((entry.used * 100) / entry.max));
}

function percentOption(value: number | undefined, fallback: number, name: string): number {
    const result = value ?? fallback;
    if (!Number.isFinite(result) || result < 0) {
        throw new RangeError(`${name} must be a finite percentage of at least 0`);
    }
    return result;
}

/** True when the key names a message, in the defaults or in the overrides. */
function isMessageKey(
    key: string,
    messages: MessageOverrides | null | undefined
): key is MessageKey {
    const has = (table: object | null | undefined): boolean =>
        !!table && Object.prototype.hasOwnProperty.call(table, key);
    return has(DEFAULT_MESSAGES) || has(messages);
}

function limitMessage(
    entry: LimitEntry,
    percent: number,
    messages: MessageOverrides | null | undefined
): string {
    const ownKey = `limit${entry.name}`;
    if (isMessageKey(ownKey, messages)) {
        return messageText(ownKey, messages, percent);
    }
    const nameKey = `limitName${entry.name}`;
    const readable = isMessageKey(nameKey, messages) ? messageText(nameKey, messages) : entry.name;
    return messageText(
        entry.scope === 'org' ? 'limitOrg' : 'limitTransaction',
        messages,
        percent,
        readable
    );
}

/**
 * Checks that `planned` records (one callout each) fit in the callouts left by the Callouts
 * reading; without a reading they are assumed to fit.
 */
export function calloutsFit(
    limits: readonly LimitEntry[],
    planned: number,
    options: { readonly messages?: MessageOverrides | null | undefined } = {}
): CalloutsCheck {
    if (!Number.isFinite(planned) || planned < 0) {
        throw new RangeError('planned must be a finite number of at least 0');
    }
    const entry = (Array.isArray(limits) ? limits : []).find(
        (limit) => isUsable(limit) && limit.name === CALLOUTS
    );
    if (entry === undefined) {
        return { fits: true, available: null, warning: null };
    }
    const available = Math.max(0, entry.max - entry.used);
    if (planned <= available) {
        return { fits: true, available, warning: null };
    }
    const warning: Warning = {
        code: 'CALLOUTS_SHORT',
        severity: 'error',
        name: entry.name,
        scope: entry.scope,
        used: entry.used,
        max: entry.max,
        percent: percentOf(entry),
        message: messageText('calloutsShort', options.messages, available, planned)
    };
    return { fits: false, available, warning };
}

/**
 * Warnings for readings at or above the threshold (severity 'error' from the severe threshold),
 * in the order of the readings, then the CALLOUTS_SHORT warning when `planned` is given and
 * does not fit. Malformed readings and readings with no maximum are ignored.
 */
export function limitWarnings(
    limits: readonly LimitEntry[],
    options: LimitWarningOptions = {}
): Warning[] {
    const threshold = percentOption(options.threshold, DEFAULT_WARNING_THRESHOLD, 'threshold');
    const severe = percentOption(
        options.severeThreshold,
        DEFAULT_SEVERE_THRESHOLD,
        'severeThreshold'
    );
    const list = Array.isArray(limits) ? limits : [];
    const warnings: Warning[] = [];
    for (const entry of list) {
        if (!isUsable(entry)) {
            continue;
        }
        const share = (entry.used * 100) / entry.max;
        const critical = share >= severe;
        if (!critical && share < threshold) {
            continue;
        }
        const percent = percentOf(entry);
        warnings.push({
            code: critical ? 'LIMIT_CRITICAL' : 'LIMIT_NEAR',
            severity: critical ? 'error' : 'warning',
            name: entry.name,
            scope: entry.scope,
            used: entry.used,
            max: entry.max,
            percent,
            message: limitMessage(entry, percent, options.messages)
        });
    }
    if (options.planned !== undefined) {
        const callouts = calloutsFit(list, options.planned, { messages: options.messages });
        if (callouts.warning !== null) {
            warnings.push(callouts.warning);
        }
    }
    return warnings;
}
