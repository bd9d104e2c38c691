// The card's one way of reading an error: the bridge's describeError (Apex, UI API, JavaScript
// and network errors alike, with Custom Label texts); only a failed bridge load, when there is
// no bridge yet, is read here.

/**
 * @param {*} error anything thrown or rejected
 * @param {object|null} bridge window.OnDemandSyncBridge, or null when it did not load
 * @param {object} messages the bridge's message overrides (Custom Label values)
 * @returns {{code: string, message: string, details: string[]}} message is '' without a bridge
 */
export function describeFailure(error, bridge, messages) {
    if (bridge) {
        const description = bridge.describeError(error, messages);
        const details = description.details.filter((detail) => detail !== description.message);
        return { code: description.code, message: description.message, details };
    }
    const text =
        (error && (error.message || (error.target && error.target.src) || error.type)) ||
        String(error);
    return { code: 'UNKNOWN', message: '', details: [text] };
}
