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

export type WarningCode = 'LIMIT_NEAR' | 'LIMIT_CRITICAL';

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
    readonly messages?: MessageOverrides | null | undefined;
}

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
 * Warnings for readings at or above the threshold (severity 'error' from the severe threshold),
 * in the order of the readings. Malformed readings and readings with no maximum are ignored.
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
    return warnings;
}
