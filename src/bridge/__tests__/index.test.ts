import * as bridge from '../index';

describe('index', () => {
    it('re-exports the public API', () => {
        const functions = [
            'checksumOf',
            'checkSalesforceId',
            'isSalesforceId',
            'toId18',
            'keyPrefixOf',
            'isZuoraId',
            'idKey',
            'sameRecord',
            'parseIds',
            'checkSelection',
            'planSessions',
            'buildSyncRequest',
            'requestedItems',
            'requestSync',
            'normaliseResponse',
            'normaliseLimits',
            'summarise',
            'describeError',
            'reduceErrors',
            'toSyncError',
            'toDate',
            'cooldownUntil',
            'cooldownState',
            'limitWarnings',
            'format',
            'messageText',
            'resolveMessages',
            'SyncError'
        ];
        for (const name of functions) {
            expect(typeof (bridge as Record<string, unknown>)[name]).toBe('function');
        }
        expect(bridge.UI_SESSION_CAP).toBe(8);
        expect(bridge.API_SESSION_CAP).toBe(10);
        expect(bridge.ITEM_STATUSES).toEqual(['REQUESTED', 'FAILED', 'SKIPPED', 'NOT_SENT']);
        expect(bridge.SYNC_OBJECT_TYPES).toEqual(['BILLING_ACCOUNT', 'PRODUCT']);
        expect(bridge.SYNC_SOURCES).toEqual(['UI', 'API', 'FLOW', 'CLI']);
        expect(typeof bridge.DEFAULT_MESSAGES.itemRequested).toBe('string');
    });
});
