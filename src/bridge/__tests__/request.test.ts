import { SyncError } from '../errors';
import { buildSyncRequest, requestSync, requestedItems, type SyncTransport } from '../request';
import type { SyncRequest } from '../types';

const BA1_15 = 'a0X000000000001';
const BA1 = 'a0X000000000001EAA';
const BA2 = 'a0X000000000002EAA';
const Z1 = '2C92C0F8' + '1'.repeat(24);

function rejection(run: () => unknown): SyncError {
    try {
        run();
    } catch (error) {
        expect(error).toBeInstanceOf(SyncError);
        return error as SyncError;
    }
    throw new Error('expected a SyncError');
}

describe('buildSyncRequest', () => {
    it('normalises ids to 18 characters, drops duplicates and applies defaults', () => {
        expect(
            buildSyncRequest({ ids: [BA1_15, BA1, BA2], zuoraIds: [Z1, Z1.toLowerCase()] })
        ).toEqual({
            objectType: 'BILLING_ACCOUNT',
            ids: [BA1, BA2],
            zuoraIds: [Z1],
            source: 'API'
        });
    });

    it('keeps the given type, source and email choice', () => {
        expect(
            buildSyncRequest({
                objectType: 'product',
                ids: [BA1],
                source: 'cli',
                emailNotification: false
            })
        ).toEqual({
            objectType: 'PRODUCT',
            ids: [BA1],
            zuoraIds: [],
            source: 'CLI',
            emailNotification: false
        });
        expect(buildSyncRequest({ ids: [BA1], emailNotification: null })).not.toHaveProperty(
            'emailNotification'
        );
    });

    it('refuses an empty request (EMPTY_REQUEST)', () => {
        for (const input of [{}, { ids: [], zuoraIds: [] }, null as unknown as SyncRequest]) {
            expect(rejection(() => buildSyncRequest(input))).toMatchObject({
                code: 'EMPTY_REQUEST',
                httpStatus: 400,
                retryable: false,
                message: 'Nothing to sync: give at least one id.'
            });
        }
    });

    it('refuses an unknown object type (INVALID_OBJECT_TYPE) and source', () => {
        expect(rejection(() => buildSyncRequest({ objectType: 'CONTACT', ids: [BA1] })).code).toBe(
            'INVALID_OBJECT_TYPE'
        );
        expect(
            rejection(() => buildSyncRequest({ objectType: 7 as unknown as string, ids: [BA1] }))
                .code
        ).toBe('INVALID_OBJECT_TYPE');
        expect(rejection(() => buildSyncRequest({ source: 'EMAIL', ids: [BA1] })).code).toBe(
            'INVALID_SOURCE'
        );
    });

    it('refuses bad ids (INVALID_ID), naming the first and listing all', () => {
        const error = rejection(() =>
            buildSyncRequest({ ids: [BA1, 'nope', 'a0X000000000001AAA'], zuoraIds: ['xyz'] })
        );
        expect(error.code).toBe('INVALID_ID');
        expect(error.message).toContain('"nope"');
        expect(error.details).toHaveLength(3);
    });

    it('refuses ids of another object when a key prefix is given', () => {
        expect(
            rejection(() => buildSyncRequest({ ids: ['001000000000001'] }, { keyPrefix: 'a0X' }))
                .code
        ).toBe('INVALID_ID');
    });

    it('refuses more distinct items than the cap (TOO_MANY_IDS): 10 by default, 8 from the UI', () => {
        const ids = Array.from({ length: 11 }, (_, i) => 'a0X' + String(i + 1).padStart(12, '0'));
        expect(() => buildSyncRequest({ ids: ids.slice(0, 10) })).not.toThrow();
        expect(rejection(() => buildSyncRequest({ ids })).code).toBe('TOO_MANY_IDS');
        expect(
            rejection(() => buildSyncRequest({ ids: ids.slice(0, 9), source: 'UI' })).message
        ).toBe('Too many ids: 9 given, but at most 8 can be synced in one request.');
        expect(() =>
            buildSyncRequest({ ids: [...ids.slice(0, 10), ids[0] + 'EAA'] })
        ).not.toThrow();
        expect(rejection(() => buildSyncRequest({ ids: ids.slice(0, 3) }, { max: 2 })).code).toBe(
            'TOO_MANY_IDS'
        );
    });

    it('checks in the service order: type, empty, ids, count', () => {
        const many = Array.from({ length: 11 }, (_, i) => 'a0X' + String(i + 1).padStart(12, '0'));
        expect(rejection(() => buildSyncRequest({ objectType: 'X', ids: [] })).code).toBe(
            'INVALID_OBJECT_TYPE'
        );
        expect(rejection(() => buildSyncRequest({ ids: [...many, 'bad'] })).code).toBe(
            'INVALID_ID'
        );
    });
});

describe('requestedItems', () => {
    it('lists ids, then Zuora ids', () => {
        expect(requestedItems({ ids: [BA1], zuoraIds: [Z1] })).toEqual([BA1, Z1]);
    });
});

describe('requestSync', () => {
    it('sends the normalised request and normalises the answer', async () => {
        const transport = jest.fn<Promise<unknown>, [SyncRequest]>().mockResolvedValue({
            requestId: 'r-1',
            results: [
                {
                    id: BA2,
                    status: 'SKIPPED',
                    message: 'Synced recently',
                    cooldownUntil: '2026-11-20T10:30:00.000Z'
                },
                {
                    id: BA1,
                    zuoraId: Z1,
                    status: 'REQUESTED',
                    message: 'Sync requested',
                    jobId: 'JOB-1'
                }
            ],
            limits: [{ name: 'DailyApiRequests', scope: 'org', used: 1, max: 10 }]
        });
        const outcome = await requestSync(transport, { ids: [BA1_15, BA2], source: 'UI' });
        expect(transport).toHaveBeenCalledTimes(1);
        expect(transport).toHaveBeenCalledWith({
            objectType: 'BILLING_ACCOUNT',
            ids: [BA1, BA2],
            zuoraIds: [],
            source: 'UI'
        });
        expect(outcome.requestId).toBe('r-1');
        expect(outcome.results.map((r) => [r.id, r.status, r.jobId])).toEqual([
            [BA1, 'REQUESTED', 'JOB-1'],
            [BA2, 'SKIPPED', undefined]
        ]);
        expect(outcome.limits).toHaveLength(1);
    });

    it('accepts an answer given as JSON text', async () => {
        const transport: SyncTransport = () =>
            Promise.resolve(JSON.stringify({ results: [{ id: Z1, status: 'REQUESTED' }] }));
        const outcome = await requestSync(transport, { zuoraIds: [Z1.toLowerCase()] });
        expect(outcome.results).toEqual([
            { id: Z1.toLowerCase(), status: 'REQUESTED', message: 'Sync requested' }
        ]);
    });

    it('never calls the transport for an invalid request', async () => {
        const transport = jest.fn<Promise<unknown>, [SyncRequest]>();
        await expect(requestSync(transport, { ids: [] })).rejects.toMatchObject({
            code: 'EMPTY_REQUEST'
        });
        await expect(requestSync(transport, { ids: ['bad'] })).rejects.toMatchObject({
            code: 'INVALID_ID'
        });
        const many = Array.from({ length: 11 }, (_, i) => 'a0X' + String(i + 1).padStart(12, '0'));
        await expect(requestSync(transport, { ids: many })).rejects.toMatchObject({
            code: 'TOO_MANY_IDS'
        });
        expect(transport).not.toHaveBeenCalled();
    });

    it('maps transport errors to SyncError with describeError', async () => {
        const auraError = {
            status: 403,
            body: [{ errorCode: 'INSUFFICIENT_ACCESS', message: 'No permission.' }]
        };
        const rejected = requestSync(() => Promise.reject(auraError), { ids: [BA1] });
        await expect(rejected).rejects.toBeInstanceOf(SyncError);
        await expect(rejected).rejects.toMatchObject({
            code: 'INSUFFICIENT_ACCESS',
            message: 'No permission.',
            httpStatus: 403,
            retryable: false,
            cause: auraError
        });
        await expect(
            requestSync(() => Promise.reject(new TypeError('Failed to fetch')), { ids: [BA1] })
        ).rejects.toMatchObject({ code: 'NETWORK', retryable: true });
    });

    it('maps a transport that throws synchronously', async () => {
        const transport: SyncTransport = () => {
            throw new Error('socket hang up');
        };
        await expect(requestSync(transport, { ids: [BA1] })).rejects.toMatchObject({
            code: 'NETWORK'
        });
    });

    it('passes message overrides to validation and errors', async () => {
        await expect(
            requestSync(
                () => Promise.resolve(null),
                { ids: [] },
                { messages: { errorEmptyRequest: 'Rien' } }
            )
        ).rejects.toMatchObject({ message: 'Rien' });
        const outcome = await requestSync(
            () => Promise.resolve(null),
            { ids: [BA1] },
            { messages: { itemNoResult: 'Rien reçu' } }
        );
        expect(outcome.results[0]?.message).toBe('Rien reçu');
    });

    it('refuses a transport that is not a function', async () => {
        await expect(
            requestSync(undefined as unknown as SyncTransport, { ids: [BA1] })
        ).rejects.toBeInstanceOf(TypeError);
    });
});
