// Limit readings split by scope: the org's daily limits, and the limits of the transaction that
// answered (only meaningful for a sync request, not for reading the context).

/**
 * @param {object} bridge window.OnDemandSyncBridge
 * @param {*} limits a `limits` array as Apex returns it
 * @returns {{org: object[], transaction: object[]}}
 */
export function limitsBySource(bridge, limits) {
    const readings = bridge.normaliseLimits(limits);
    return {
        org: readings.filter((reading) => reading.scope === 'org'),
        transaction: readings.filter((reading) => reading.scope === 'transaction')
    };
}
