// Table rows: one per billing account, with what the rep needs to know about syncing it.
// The rules shared with other clients (ids, cooldown) come from the OnDemandSyncBridge.
import { LABELS } from './labels';
import { formatTime } from './time';

/** Phases of a row's sync in this page view (REQUESTED, FAILED, SKIPPED are the contract's). */
export const PHASE = Object.freeze({
    SENDING: 'SENDING',
    REQUESTED: 'REQUESTED',
    FAILED: 'FAILED',
    SKIPPED: 'SKIPPED',
    UPDATED: 'UPDATED',
    NOT_ARRIVED: 'NOT_ARRIVED'
});

const ICON = Object.freeze({
    ready: 'utility:check',
    blocked: 'utility:ban',
    cooling: 'utility:clock',
    sending: 'utility:sync',
    requested: 'utility:clock',
    updated: 'utility:success',
    warning: 'utility:warning',
    failed: 'utility:error',
    skipped: 'utility:info'
});

/** The comparison key of a record id (18 characters), as the bridge computes it. */
export function rowKey(bridge, id) {
    return bridge.idKey(id) || id;
}

function laterOf(a, b) {
    if (!a) return b || null;
    if (!b) return a;
    return Date.parse(a) >= Date.parse(b) ? a : b;
}

/** Whether a billing account can be synced now, and why not. */
export function availabilityOf(account, outcome, now, bridge) {
    if (!account.zuoraId) {
        return {
            selectable: false,
            state: LABELS.stateNoZuoraId,
            detail: LABELS.detailNoZuoraId,
            icon: ICON.blocked
        };
    }
    const until = laterOf(account.cooldownUntil, outcome && outcome.cooldownUntil);
    const cooldown = bridge.cooldownState(now, until);
    if (cooldown.coolingDown) {
        return {
            selectable: false,
            state: LABELS.stateCoolingDown,
            detail: bridge.format(
                LABELS.detailCoolingDown,
                formatTime(cooldown.until, now),
                cooldown.minutesLeft
            ),
            icon: ICON.cooling,
            cooldownEnds: cooldown.until.getTime()
        };
    }
    if (account.syncable === false && !account.cooldownUntil) {
        return {
            selectable: false,
            state: LABELS.stateUnavailable,
            detail: account.reason || LABELS.detailUnavailable,
            icon: ICON.blocked
        };
    }
    return { selectable: true, state: LABELS.stateReady, detail: '', icon: ICON.ready };
}

/** What the row says about its sync: this view's result first, else its availability. */
function displayOf(account, outcome, availability, bridge, now, followUpMinutes) {
    switch (outcome && outcome.phase) {
        case PHASE.SENDING:
            return { state: LABELS.stateSending, detail: '', icon: ICON.sending };
        case PHASE.REQUESTED:
            return {
                state: LABELS.stateRequested,
                detail: LABELS.detailRequested,
                icon: ICON.requested
            };
        case PHASE.UPDATED:
            return {
                state: LABELS.stateUpdated,
                // Updated rows are still cooling down: the rep learns when they can sync again.
                detail: availability.cooldownEnds
                    ? bridge.format(
                          LABELS.detailUpdatedCooldown,
                          formatTime(account.lastModified, now),
                          formatTime(availability.cooldownEnds, now)
                      )
                    : bridge.format(LABELS.detailUpdated, formatTime(account.lastModified, now)),
                icon: ICON.updated
            };
        case PHASE.NOT_ARRIVED:
            return {
                state: LABELS.stateNotArrived,
                detail: bridge.format(LABELS.detailNotArrived, followUpMinutes),
                icon: ICON.warning
            };
        case PHASE.FAILED:
            return { state: LABELS.stateFailed, detail: outcome.message, icon: ICON.failed };
        case PHASE.SKIPPED:
            return { state: LABELS.stateSkipped, detail: outcome.message, icon: ICON.skipped };
        default:
            return availability;
    }
}

/**
 * Builds the table rows.
 * @param {object[]} accounts billing accounts from getSyncContext
 * @param {object} outcomes this view's sync outcome per row key
 * @param {object} options { bridge, now, followUpMinutes }
 */
export function buildRows(accounts, outcomes, { bridge, now, followUpMinutes }) {
    return (accounts || []).map((account) => {
        const key = rowKey(bridge, account.id);
        const outcome = outcomes[key];
        const availability = availabilityOf(account, outcome, now, bridge);
        const display = displayOf(account, outcome, availability, bridge, now, followUpMinutes);
        const sending = outcome && outcome.phase === PHASE.SENDING;
        return {
            id: account.id,
            key,
            name: account.name,
            recordUrl: `/lightning/r/${account.id}/view`,
            accountNumber: account.accountNumber,
            status: account.status,
            balance: account.balance,
            currencyIsoCode: account.currencyIsoCode || account.currency,
            lastModified: account.lastModified,
            selectable: availability.selectable && !sending,
            cooldownEnds: availability.cooldownEnds || null,
            syncState: display.state,
            syncDetail: display.detail,
            syncIcon: display.icon,
            // Under the state, in a few words: when a row that is cooling down can sync again.
            syncNote: availability.cooldownEnds
                ? bridge.format(LABELS.noteSyncAgain, formatTime(availability.cooldownEnds, now))
                : ''
        };
    });
}

/** Rows the table draws at first, and how many more each scroll to its end adds. */
export const PAGE_SIZE = 50;

/** Rows matching the filter text; selected rows always stay. */
export function filterRows(rows, text, selectedIds) {
    const needle = (text || '').trim().toLowerCase();
    if (!needle) {
        return rows;
    }
    const selected = new Set(selectedIds);
    return rows.filter(
        (row) =>
            selected.has(row.id) ||
            [row.name, row.accountNumber, row.status, row.syncState].some(
                (value) => typeof value === 'string' && value.toLowerCase().includes(needle)
            )
    );
}

const SORT_VALUE = {
    recordUrl: (row) => row.name,
    balance: (row) => row.balance,
    lastModified: (row) => (row.lastModified ? Date.parse(row.lastModified) : null)
};

function compareValues(a, b) {
    if (typeof a === 'number' && typeof b === 'number') {
        return a - b;
    }
    return String(a).localeCompare(String(b), undefined, { sensitivity: 'base', numeric: true });
}

/** Rows sorted by a column; empty values last in either direction. */
export function sortRows(rows, fieldName, direction) {
    if (!fieldName) {
        return rows;
    }
    const valueOf = SORT_VALUE[fieldName] || ((row) => row[fieldName]);
    const sign = direction === 'desc' ? -1 : 1;
    return [...rows].sort((rowA, rowB) => {
        const a = valueOf(rowA);
        const b = valueOf(rowB);
        const emptyA = a === null || a === undefined || a === '';
        const emptyB = b === null || b === undefined || b === '';
        if (emptyA || emptyB) {
            return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
        }
        return sign * compareValues(a, b);
    });
}

/** Milliseconds until the first cooldown of these rows ends, or null. */
export function nextCooldownEnd(rows, now) {
    const ends = rows.map((row) => row.cooldownEnds).filter((end) => end && end > now);
    return ends.length ? Math.min(...ends) - now : null;
}
