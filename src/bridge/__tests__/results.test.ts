import fc from 'fast-check';
import { normaliseLimits, normaliseResponse, summarise } from '../results';
import type { ItemResult } from '../types';

const BA1 = 'a0X000000000001EAA';
const BA2 = 'a0X000000000002EAA';
const BA3 = 'a0X000000000003EAA';
const Z1 = '2c92c0f8' + '1'.repeat(24);
const Z2 = '2c92c0f8' + '2'.repeat(24);

const contractAnswer = {
    requestId: 'req-1',
    results: [
        {
            id: BA2,
            zuoraId: Z2,
            name: 'Acme US',
            status: 'FAILED',
            message: 'Account is locked in Zuora',
            jobId: null,
            cooldownUntil: null
        },
        {
            id: BA1,
            zuoraId: Z1,
            name: 'Acme EU',
            status: 'REQUESTED',
            message: 'Sync requested',
            jobId: 'JOB-1',
            cooldownUntil: null
        }
    ],
    limits: [
        { name: 'Callouts', scope: 'transaction', used: 2, max: 100 },
        { name: 'DailyApiRequests', scope: 'org', used: 1200, max: 15000 }
    ]
};

describe('normaliseResponse', () => {
    it('gives one result per requested item in request order', () => {
        const outcome = normaliseResponse(contractAnswer, [BA1, BA2]);
        expect(outcome).toEqual({
            requestId: 'req-1',
            results: [
                {
                    id: BA1,
                    zuoraId: Z1,
                    name: 'Acme EU',
                    status: 'REQUESTED',
                    message: 'Sync requested',
                    jobId: 'JOB-1',
                    requestId: 'req-1'
                },
                {
                    id: BA2,
                    zuoraId: Z2,
                    name: 'Acme US',
                    status: 'FAILED',
                    message: 'Account is locked in Zuora',
                    requestId: 'req-1'
                }
            ],
            limits: contractAnswer.limits
        });
    });

    it('matches a 15-character request to an 18-character answer', () => {
        const outcome = normaliseResponse(contractAnswer, ['a0X000000000001']);
        expect(outcome.results[0]).toMatchObject({ id: BA1, status: 'REQUESTED' });
    });

    it('matches Zuora ids case-insensitively, in id or zuoraId', () => {
        const answer = {
            results: [
                { id: BA1, zuoraId: Z1.toUpperCase(), status: 'REQUESTED', message: 'ok' },
                {
                    id: Z2.toUpperCase(),
                    status: 'SKIPPED',
                    message: 'Synced recently',
                    cooldownUntil: '2026-11-20T10:30:00Z'
                }
            ]
        };
        const outcome = normaliseResponse(answer, [Z1, Z2]);
        expect(outcome.results).toEqual([
            { id: Z1, zuoraId: Z1.toUpperCase(), status: 'REQUESTED', message: 'ok' },
            {
                id: Z2,
                status: 'SKIPPED',
                message: 'Synced recently',
                cooldownUntil: '2026-11-20T10:30:00.000Z'
            }
        ]);
        expect(outcome.requestId).toBeNull();
    });

    it('prefers the result naming an item by its own id when one record is asked for twice', () => {
        const answer = {
            results: [
                { id: BA1, zuoraId: Z1, status: 'REQUESTED', jobId: 'JOB-1' },
                { id: Z1, zuoraId: Z1, status: 'SKIPPED', message: 'Already in this request' }
            ]
        };
        const outcome = normaliseResponse(answer, [BA1, Z1]);
        expect(outcome.results.map((r) => r.status)).toEqual(['REQUESTED', 'SKIPPED']);
        expect(normaliseResponse({ results: [answer.results[0]] }, [Z1]).results[0]?.status).toBe(
            'REQUESTED'
        );
    });

    it('fails an item the answer does not mention', () => {
        const outcome = normaliseResponse(contractAnswer, [BA1, BA3]);
        expect(outcome.results[1]).toEqual({
            id: BA3,
            status: 'FAILED',
            message: 'No result came back for this record. Try again in a few minutes.',
            requestId: 'req-1'
        });
    });

    it('gives a repeated request the same result twice', () => {
        const outcome = normaliseResponse(contractAnswer, [BA1, 'a0X000000000001']);
        expect(outcome.results.map((r) => [r.id, r.status])).toEqual([
            [BA1, 'REQUESTED'],
            [BA1, 'REQUESTED']
        ]);
    });

    it.each([
        [
            'success flag',
            { recordId: BA1, success: true, jobId: 'J' },
            'REQUESTED',
            'Sync requested'
        ],
        [
            'failure flag',
            { Id: BA1, Success: false, Error: 'Zuora says no' },
            'FAILED',
            'Zuora says no'
        ],
        [
            'capitalised keys',
            { ID: BA1, STATUS: 'requested', MESSAGE: 'Queued' },
            'REQUESTED',
            'Queued'
        ],
        ['status alias', { id: BA1, status: 'Success' }, 'REQUESTED', 'Sync requested'],
        ['error alias', { id: BA1, status: 'Error', errorMessage: 'Nope' }, 'FAILED', 'Nope'],
        [
            'unknown status',
            { id: BA1, status: 'MAYBE' },
            'FAILED',
            'The sync failed. Try again later.'
        ],
        ['no status at all', { id: BA1 }, 'FAILED', 'The sync failed. Try again later.'],
        [
            'skipped without message',
            { id: BA1, status: 'SKIPPED' },
            'SKIPPED',
            'Not sent this time.'
        ],
        [
            'numeric job id',
            { id: BA1, status: 'REQUESTED', jobId: 42 },
            'REQUESTED',
            'Sync requested'
        ]
    ])('reads a %s', (_, entry, status, message) => {
        const [result] = normaliseResponse({ results: [entry] }, [BA1]).results;
        expect(result).toMatchObject({ id: BA1, status, message });
    });

    it('accepts JSON text and a bare results array', () => {
        expect(normaliseResponse(JSON.stringify(contractAnswer), [BA1]).results[0]?.status).toBe(
            'REQUESTED'
        );
        expect(normaliseResponse(contractAnswer.results, [BA2]).results[0]?.status).toBe('FAILED');
    });

    it('drops an invalid cooldown time', () => {
        const [result] = normaliseResponse(
            { results: [{ id: BA1, status: 'SKIPPED', cooldownUntil: 'later' }] },
            [BA1]
        ).results;
        expect(result && 'cooldownUntil' in result).toBe(false);
    });

    it.each([
        ['null', null],
        ['a number', 42],
        ['text that is not JSON', 'Internal Server Error'],
        ['an object without results', { requestId: 'r' }],
        ['results that are not an array', { results: 'none' }],
        ['junk entries', { results: [null, 1, 'a0X000000000001EAA', [BA1]] }]
    ])('tolerates %s', (_, raw) => {
        const outcome = normaliseResponse(raw, [BA1, Z1]);
        expect(outcome.results.map((r) => [r.id, r.status])).toEqual([
            [BA1, 'FAILED'],
            [Z1, 'FAILED']
        ]);
    });

    it('uses message overrides', () => {
        const outcome = normaliseResponse(null, [BA1], {
            messages: { itemNoResult: 'Pas de résultat' }
        });
        expect(outcome.results[0]?.message).toBe('Pas de résultat');
    });

    it('always gives exactly one result per requested item, whatever the answer', () => {
        const requestedItem = fc.oneof(
            fc.constantFrom(BA1, BA2, BA3, Z1, Z2, 'a0X000000000001', Z1.toUpperCase()),
            fc.string()
        );
        const entry = fc.record(
            {
                id: fc.oneof(fc.constantFrom(BA1, BA2, Z1, Z2), fc.anything()),
                zuoraId: fc.oneof(fc.constantFrom(Z1, Z2), fc.anything()),
                status: fc.oneof(
                    fc.constantFrom('REQUESTED', 'FAILED', 'SKIPPED', 'NOT_SENT', 'x'),
                    fc.anything()
                ),
                message: fc.anything(),
                success: fc.anything()
            },
            { requiredKeys: [] }
        );
        const raw = fc.oneof(
            fc.anything(),
            fc.record(
                {
                    requestId: fc.anything(),
                    results: fc.oneof(fc.array(entry), fc.anything()),
                    limits: fc.anything()
                },
                { requiredKeys: [] }
            )
        );
        fc.assert(
            fc.property(raw, fc.array(requestedItem, { maxLength: 12 }), (answer, requested) => {
                const outcome = normaliseResponse(answer, requested);
                expect(outcome.results).toHaveLength(requested.length);
                outcome.results.forEach((result, index) => {
                    expect(['REQUESTED', 'FAILED', 'SKIPPED', 'NOT_SENT']).toContain(result.status);
                    expect(typeof result.message).toBe('string');
                    expect(result.message.length).toBeGreaterThan(0);
                    expect(result.id).toBe(
                        requested[index] === 'a0X000000000001' ? BA1 : requested[index]?.trim()
                    );
                });
                expect(Array.isArray(outcome.limits)).toBe(true);
            })
        );
    });
});

describe('normaliseLimits', () => {
    it('keeps well-formed readings and drops the rest', () => {
        expect(
            normaliseLimits([
                { name: 'Callouts', scope: 'transaction', used: 1, max: 100 },
                { Name: 'DailyApiRequests', Used: '1200', Max: '15000' },
                { name: 'HeapSize', used: 10, max: 100 },
                { name: 'Broken', used: 'many', max: 10 },
                { used: 1, max: 2 },
                null
            ])
        ).toEqual([
            { name: 'Callouts', scope: 'transaction', used: 1, max: 100 },
            { name: 'DailyApiRequests', scope: 'org', used: 1200, max: 15000 },
            { name: 'HeapSize', scope: 'transaction', used: 10, max: 100 }
        ]);
        expect(normaliseLimits('nope')).toEqual([]);
    });
});

describe('summarise', () => {
    it('counts results by status', () => {
        const results: ItemResult[] = [
            { id: '1', status: 'REQUESTED', message: '' },
            { id: '2', status: 'REQUESTED', message: '' },
            { id: '3', status: 'FAILED', message: '' },
            { id: '4', status: 'SKIPPED', message: '' },
            { id: '5', status: 'NOT_SENT', message: '' }
        ];
        expect(summarise(results)).toEqual({
            total: 5,
            requested: 2,
            failed: 1,
            skipped: 1,
            notSent: 1
        });
        expect(summarise([])).toEqual({
            total: 0,
            requested: 0,
            failed: 0,
            skipped: 0,
            notSent: 0
        });
    });
});
