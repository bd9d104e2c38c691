import { DEFAULT_SEVERE_THRESHOLD, DEFAULT_WARNING_THRESHOLD, limitWarnings } from '../limits';
import type { LimitEntry } from '../types';

const api = (used: number, max = 15000): LimitEntry => ({
    name: 'DailyApiRequests',
    scope: 'org',
    used,
    max
});
const callouts = (used: number, max = 100): LimitEntry => ({
    name: 'Callouts',
    scope: 'transaction',
    used,
    max
});

describe('limitWarnings', () => {
    it('defaults to 80% for a warning and 95% for an error', () => {
        expect(DEFAULT_WARNING_THRESHOLD).toBe(80);
        expect(DEFAULT_SEVERE_THRESHOLD).toBe(95);
    });

    it('says nothing below the threshold', () => {
        expect(limitWarnings([api(11999), callouts(2)])).toEqual([]);
    });

    it('warns a rep about the daily API requests in plain words', () => {
        expect(limitWarnings([api(13800)])).toEqual([
            {
                code: 'LIMIT_NEAR',
                severity: 'warning',
                name: 'DailyApiRequests',
                scope: 'org',
                used: 13800,
                max: 15000,
                percent: 92,
                message:
                    "Your org has used 92% of today's API requests; syncs may fail until tomorrow."
            }
        ]);
    });

    it('turns into an error from the severe threshold', () => {
        const [warning] = limitWarnings([api(14250)]);
        expect(warning).toMatchObject({ code: 'LIMIT_CRITICAL', severity: 'error', percent: 95 });
    });

    it('rounds the percent down so 100% means the limit is reached', () => {
        expect(limitWarnings([api(14999)])[0]?.percent).toBe(99);
        expect(limitWarnings([api(15000)])[0]?.percent).toBe(100);
        expect(limitWarnings([api(16000)])[0]?.percent).toBe(106);
    });

    it('takes configurable thresholds', () => {
        expect(limitWarnings([api(9000)], { threshold: 50 })[0]?.severity).toBe('warning');
        expect(
            limitWarnings([api(9000)], { threshold: 50, severeThreshold: 60 })[0]?.severity
        ).toBe('error');
        expect(() => limitWarnings([], { threshold: Number.NaN })).toThrow(RangeError);
    });

    it("names other limits in a rep's words", () => {
        const warnings = limitWarnings([
            { name: 'DailyAsyncApexExecutions', scope: 'org', used: 240000, max: 250000 },
            { name: 'SoqlQueries', scope: 'transaction', used: 90, max: 100 },
            { name: 'DailyBulkApiBatches', scope: 'org', used: 90, max: 100 },
            { name: 'SomethingNew', scope: 'transaction', used: 90, max: 100 }
        ]);
        expect(warnings.map((w) => w.message)).toEqual([
            "Your org has used 96% of today's background jobs; syncs may be delayed until tomorrow.",
            "The last sync used 90% of Salesforce's limit on database queries for one request; sync fewer records at a time.",
            'Your org has used 90% of its daily DailyBulkApiBatches allowance; syncs may fail until tomorrow.',
            "The last sync used 90% of Salesforce's limit on SomethingNew for one request; sync fewer records at a time."
        ]);
    });

    it('uses message overrides', () => {
        const [warning] = limitWarnings([api(13800)], {
            messages: { limitDailyApiRequests: 'API {0}%' }
        });
        expect(warning?.message).toBe('API 92%');
    });

    it('ignores malformed readings and readings without a maximum', () => {
        const junk = [
            null,
            { name: 'X', scope: 'org', used: 5, max: 0 },
            { name: 'Y', scope: 'org', used: Number.NaN, max: 10 },
            'DailyApiRequests'
        ] as unknown as LimitEntry[];
        expect(limitWarnings(junk)).toEqual([]);
        expect(limitWarnings(null as unknown as LimitEntry[])).toEqual([]);
    });
});
