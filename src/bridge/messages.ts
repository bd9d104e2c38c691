/**
 * Every English user-facing string of the bridge, as a template with `{0}`, `{1}` ... placeholders.
 *
 * Functions that produce text take an optional `messages` override map: the Lightning component
 * passes its Custom Label values, the command line uses these defaults. A blank or missing
 * override falls back to the default, so a partially translated set never shows an empty text.
 */
export const DEFAULT_MESSAGES = Object.freeze({
    // Id parsing
    idEmpty: 'An empty value is not an id.',
    idMalformed: '"{0}" is not a Salesforce id: ids have 15 or 18 letters and digits.',
    idBadChecksum:
        '"{0}" is not a valid Salesforce id: its last three characters should be {1}. Copy the id again without changing its upper and lower case.',
    idWrongObject:
        '"{0}" is the id of another kind of record: it starts with {1}, but these ids start with {2}.',
    idMixedPrefix:
        '"{0}" is a different kind of record from the first id: it starts with {1}, the first one starts with {2}.',
    zuoraIdMalformed:
        '"{0}" is not a Zuora id: Zuora ids have 32 characters, digits 0-9 and letters a-f.',

    // Selection
    selectionEmpty: 'Select at least one record to sync.',
    selectionTooMany:
        'You selected {0}; Zuora syncs at most {1} at a time. Select fewer and sync the rest afterwards.',
    selectionOk: '{0} of at most {1} selected.',

    // Request errors
    errorEmptyRequest: 'Nothing to sync: give at least one id.',
    errorTooManyIds: 'Too many ids: {0} given, but at most {1} can be synced in one request.',
    errorInvalidId: 'Nothing was sent because an id is not valid: {0}',
    errorInvalidObjectType: '"{0}" cannot be synced; the type must be BILLING_ACCOUNT or PRODUCT.',
    errorInvalidSource: '"{0}" is not a known source; use UI, API, FLOW or CLI.',
    errorInsufficientAccess:
        'You do not have permission to request Zuora syncs. Ask your admin for the Zuora On-Demand Sync permission set.',
    errorZuoraNotConfigured:
        'The connection to Zuora is not set up in this org. Ask your admin to finish the Zuora On-Demand Sync setup.',
    errorZuoraError: 'Zuora could not take the request. Try again in a few minutes.',
    errorNetwork: 'Salesforce could not be reached. Check your connection and try again.',
    errorTimeout: 'Salesforce took too long to answer. Try again in a few minutes.',
    errorBusy: 'Salesforce is busy right now. Try again in a few minutes.',
    errorSessionExpired: 'Your Salesforce session has expired. Log in again and retry.',
    errorUnknown: 'Something went wrong. Try again, and tell your admin if it keeps happening.',

    // Per-item results
    itemRequested: 'Sync requested',
    itemFailed: 'The sync failed. Try again later.',
    itemSkipped: 'Not sent this time.',
    itemNotSent: 'Not sent.',
    itemNoResult: 'No result came back for this record. Try again in a few minutes.',

    // Cooldown
    cooldownOneMinute: 'Synced recently; you can sync it again in 1 minute.',
    cooldownMinutes: 'Synced recently; you can sync it again in {0} minutes.',

    // Limits
    limitDailyApiRequests:
        "Your org has used {0}% of today's API requests; syncs may fail until tomorrow.",
    limitDailyAsyncApexExecutions:
        "Your org has used {0}% of today's background jobs; syncs may be delayed until tomorrow.",
    limitOrg: 'Your org has used {0}% of its daily {1} allowance; syncs may fail until tomorrow.',
    limitTransaction:
        "The last sync used {0}% of Salesforce's limit on {1} for one request; sync fewer records at a time.",
    limitNameCallouts: 'calls to Zuora',
    limitNameSoqlQueries: 'database queries',
    limitNameDmlStatements: 'database updates',
    limitNameCpuTime: 'processing time',
    limitNameHeapSize: 'memory',
    calloutsShort:
        'Only {0} more calls to Zuora fit in one request, but {1} records are planned; select fewer and sync the rest afterwards.'
} as const);

/** The name of one message. */
export type MessageKey = keyof typeof DEFAULT_MESSAGES;

/** A complete message set. */
export type Messages = { readonly [K in MessageKey]: string };

/** A partial override map, for example Custom Label values keyed by message name. */
export type MessageOverrides = { readonly [K in MessageKey]?: string | null | undefined };

function textOf(value: unknown): string {
    if (value === null || value === undefined) {
        return '';
    }
    try {
        return String(value);
    } catch {
        return ''; // an object without a prototype has no text
    }
}

/**
 * Replaces `{0}`, `{1}` ... with the arguments. Placeholders without an argument stay as they are;
 * `null` and `undefined` arguments become empty strings.
 */
export function format(template: string, ...args: readonly unknown[]): string {
    return template.replace(/\{(\d+)\}/g, (placeholder: string, digits: string) => {
        const index = Number(digits);
        if (index >= args.length) {
            return placeholder;
        }
        return textOf(args[index]);
    });
}

/** The complete message set: the defaults with every non-blank override applied. */
export function resolveMessages(overrides?: MessageOverrides | null): Messages {
    const resolved: { [K in MessageKey]: string } = { ...DEFAULT_MESSAGES };
    if (overrides) {
        for (const key of Object.keys(DEFAULT_MESSAGES) as MessageKey[]) {
            const value = overrides[key];
            if (typeof value === 'string' && value.trim() !== '') {
                resolved[key] = value;
            }
        }
    }
    return resolved;
}

/** The text of one message with its placeholders filled in. */
export function messageText(
    key: MessageKey,
    overrides?: MessageOverrides | null,
    ...args: readonly unknown[]
): string {
    const override = overrides ? overrides[key] : undefined;
    const template =
        typeof override === 'string' && override.trim() !== '' ? override : DEFAULT_MESSAGES[key];
    return format(template, ...args);
}
