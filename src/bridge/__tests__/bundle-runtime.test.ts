/**
 * The built static resource, evaluated the way the Lightning component loads it: a plain script
 * in a context with a `window` object, which must then expose window.OnDemandSyncBridge.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import type * as Bridge from '../browser';
import DEFAULT_MESSAGES from '../default-messages.json';
import NODE_ERROR_CODES from '../node-error-codes.json';

const ROOT = resolve(__dirname, '../../..');
const BUNDLE = join(ROOT, 'force-app/main/default/staticresources/OnDemandSyncBridge.js');
const LWC = join(ROOT, 'force-app/main/default/lwc');

/** Every `bridge.name` the components' sources (tests aside) use, sorted. */
function componentCalls(): string[] {
    const names = new Set<string>();
    for (const component of readdirSync(LWC)) {
        for (const file of readdirSync(join(LWC, component))) {
            if (file.endsWith('.js')) {
                const source = readFileSync(join(LWC, component, file), 'utf8');
                for (const [, name] of source.matchAll(/\bbridge\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
                    names.add(name as string);
                }
            }
        }
    }
    return [...names].sort();
}

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

    it('exposes exactly what the components call on the bridge', () => {
        expect(Object.keys(api).sort()).toEqual(componentCalls());
        expect(componentCalls()).toContain('requestSync');
        expect(api.UI_SESSION_CAP).toBe(8);
    });

    it('leaves out what only the command line needs', () => {
        const code = readFileSync(BUNDLE, 'utf8');
        for (const text of Object.values(DEFAULT_MESSAGES)) {
            expect(code).not.toContain(text);
        }
        for (const code_ of NODE_ERROR_CODES) {
            expect(code).not.toContain(`"${code_}"`);
        }
        for (const name of [
            'parseIds',
            'planSessions',
            'toId15',
            'toSyncError',
            'DEFAULT_MESSAGES'
        ]) {
            expect(api).not.toHaveProperty(name);
        }
    });

    it('works end to end inside the context', async () => {
        expect(api.idKey('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
        const outcome = await api.requestSync(
            (request) =>
                Promise.resolve({
                    requestId: 'r',
                    results: request.ids.map((id) => ({ id, status: 'REQUESTED', jobId: 'J' }))
                }),
            { ids: ['a0X000000000001'], source: 'UI' },
            { messages: DEFAULT_MESSAGES }
        );
        expect(outcome.results.map((r) => [r.id, r.status])).toEqual([
            ['a0X000000000001EAA', 'REQUESTED']
        ]);
        expect(
            api.limitWarnings([{ name: 'DailyApiRequests', scope: 'org', used: 92, max: 100 }], {
                messages: DEFAULT_MESSAGES
            })[0]?.message
        ).toBe("Your org has used 92% of today's API requests; syncs may fail until tomorrow.");
    });

    it('rejects invalid requests with a SyncError worded by the labels given', async () => {
        const messages = { errorEmptyRequest: 'Rien à synchroniser.' };
        const rejected = api.requestSync(() => Promise.resolve(null), { ids: [] }, { messages });
        await expect(rejected).rejects.toMatchObject({
            code: 'EMPTY_REQUEST',
            name: 'SyncError',
            message: 'Rien à synchroniser.'
        });
        const error: unknown = await rejected.catch((thrown: unknown) => thrown);
        expect(api.describeError(error, messages)).toMatchObject({
            code: 'EMPTY_REQUEST',
            message: 'Rien à synchroniser.'
        });
    });

    it('shows the name of a text no label was given for, never a blank', () => {
        expect(api.checkSelection([], 8).message).toBe('selectionEmpty');
        expect(api.checkSelection([], 8, { selectionEmpty: 'Choose one.' }).message).toBe(
            'Choose one.'
        );
    });
});
