/**
 * The built static resource, evaluated the way the Lightning component loads it: a plain script
 * in a context with a `window` object, which must then expose window.OnDemandSyncBridge.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import type * as Bridge from '../index';

const BUNDLE = join(
    resolve(__dirname, '../../..'),
    'force-app/main/default/staticresources/OnDemandSyncBridge.js'
);

function loadBundle(): { window: { OnDemandSyncBridge?: typeof Bridge }; context: vm.Context } {
    const window: { OnDemandSyncBridge?: typeof Bridge } = {};
    const context = vm.createContext({ window });
    new vm.Script(readFileSync(BUNDLE, 'utf8'), { filename: 'OnDemandSyncBridge.js' }).runInContext(
        context
    );
    return { window, context };
}

describe('the OnDemandSyncBridge static resource', () => {
    const { window, context } = loadBundle();
    const api = window.OnDemandSyncBridge as typeof Bridge;

    it('defines window.OnDemandSyncBridge and nothing else', () => {
        expect(api).toBeDefined();
        expect(Object.keys(context).sort()).toEqual(['OnDemandSyncBridge', 'window']);
    });

    it('exposes the API', () => {
        for (const name of [
            'toId18',
            'isSalesforceId',
            'isZuoraId',
            'parseIds',
            'checkSelection',
            'planSessions',
            'requestSync',
            'normaliseResponse',
            'summarise',
            'describeError',
            'reduceErrors',
            'cooldownState',
            'limitWarnings',
            'calloutsFit',
            'format',
            'messageText',
            'SyncError'
        ]) {
            expect(typeof (api as unknown as Record<string, unknown>)[name]).toBe('function');
        }
        expect(api.UI_SESSION_CAP).toBe(8);
        expect(api.API_SESSION_CAP).toBe(10);
    });

    it('works end to end inside the context', async () => {
        expect(api.toId18('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
        const outcome = await api.requestSync(
            (request) =>
                Promise.resolve({
                    requestId: 'r',
                    results: request.ids.map((id) => ({ id, status: 'REQUESTED', jobId: 'J' }))
                }),
            { ids: ['a0X000000000001'], source: 'UI' }
        );
        expect(outcome.results.map((r) => [r.id, r.status])).toEqual([
            ['a0X000000000001EAA', 'REQUESTED']
        ]);
        expect(
            api.limitWarnings([{ name: 'DailyApiRequests', scope: 'org', used: 92, max: 100 }])[0]
                ?.message
        ).toBe("Your org has used 92% of today's API requests; syncs may fail until tomorrow.");
    });

    it('rejects invalid requests with its SyncError', async () => {
        const rejected = api.requestSync(() => Promise.resolve(null), { ids: [] });
        await expect(rejected).rejects.toBeInstanceOf(api.SyncError);
        await expect(rejected).rejects.toMatchObject({ code: 'EMPTY_REQUEST', name: 'SyncError' });
    });
});
