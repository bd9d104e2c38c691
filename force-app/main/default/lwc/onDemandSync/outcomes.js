// What happened to each row's sync in this page view, keyed by row key. Pure functions: each
// returns a new map, so the component can assign it and re-render.
import { PHASE, rowKey } from './rows';

function accountsByKey(bridge, accounts) {
    const map = new Map();
    (accounts || []).forEach((account) => map.set(rowKey(bridge, account.id), account));
    return map;
}

/** Rows being sent. */
export function markSending(outcomes, keys) {
    const next = { ...outcomes };
    keys.forEach((key) => {
        next[key] = { ...next[key], phase: PHASE.SENDING };
    });
    return next;
}

/** Rows back to what they were before a request that failed as a whole. */
export function clearSending(outcomes, previous) {
    const next = { ...outcomes };
    Object.keys(next).forEach((key) => {
        if (next[key].phase === PHASE.SENDING) {
            if (previous[key]) {
                next[key] = previous[key];
            } else {
                delete next[key];
            }
        }
    });
    return next;
}

/**
 * Outcomes after a sync answer. A requested row remembers when its billing account last changed
 * (to notice new data later) and is cooling down from now on, as the service will report.
 */
export function afterSync(outcomes, results, { bridge, accounts, now, cooldownMinutes }) {
    const next = { ...outcomes };
    const byKey = accountsByKey(bridge, accounts);
    results.forEach((result) => {
        const key = rowKey(bridge, result.id);
        const account = byKey.get(key);
        if (result.status === 'REQUESTED') {
            next[key] = {
                phase: PHASE.REQUESTED,
                message: result.message,
                cooldownUntil:
                    result.cooldownUntil ||
                    bridge.cooldownUntil(now, cooldownMinutes).toISOString(),
                baseline: account ? account.lastModified || null : null
            };
        } else {
            next[key] = {
                phase: result.status === 'SKIPPED' ? PHASE.SKIPPED : PHASE.FAILED,
                message: result.message,
                cooldownUntil: result.cooldownUntil || null
            };
        }
    });
    return next;
}

/** Keys of rows still waiting for Zuora's data. */
export function pendingKeys(outcomes) {
    return Object.keys(outcomes).filter((key) => outcomes[key].phase === PHASE.REQUESTED);
}

function changedSince(lastModified, baseline) {
    if (!lastModified) {
        return false;
    }
    return !baseline || Date.parse(lastModified) > Date.parse(baseline);
}

/**
 * Outcomes after reading the billing accounts again: a requested row whose billing account
 * changed after the request is UPDATED.
 * @returns {{outcomes: object, updated: object[]}} updated: the billing accounts that changed
 */
export function afterRead(outcomes, accounts, bridge) {
    const next = { ...outcomes };
    const byKey = accountsByKey(bridge, accounts);
    const updated = [];
    pendingKeys(outcomes).forEach((key) => {
        const account = byKey.get(key);
        if (account && changedSince(account.lastModified, outcomes[key].baseline)) {
            next[key] = { ...outcomes[key], phase: PHASE.UPDATED };
            updated.push(account);
        }
    });
    return { outcomes: next, updated };
}

/** Outcomes when the follow-up window ended: rows still waiting say so. */
export function afterTimeout(outcomes) {
    const next = { ...outcomes };
    pendingKeys(outcomes).forEach((key) => {
        next[key] = { ...outcomes[key], phase: PHASE.NOT_ARRIVED };
    });
    return next;
}
