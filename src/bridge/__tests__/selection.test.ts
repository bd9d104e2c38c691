import { API_SESSION_CAP, UI_SESSION_CAP, checkSelection, planSessions } from '../selection';

const id = (n: number): string => 'a0X' + String(n).padStart(12, '0');

describe('caps', () => {
    it('follow Zuora: 8 from the record page, 10 through Apex', () => {
        expect(UI_SESSION_CAP).toBe(8);
        expect(API_SESSION_CAP).toBe(10);
    });
});

describe('checkSelection', () => {
    it('refuses an empty selection', () => {
        expect(checkSelection([], 8)).toEqual({
            ok: false,
            reason: 'EMPTY',
            count: 0,
            max: 8,
            message: 'Select at least one record to sync.'
        });
        expect(checkSelection(['', '  '], 8).reason).toBe('EMPTY');
    });

    it('accepts up to the cap', () => {
        const ids = Array.from({ length: 8 }, (_, i) => id(i + 1));
        expect(checkSelection(ids, 8)).toEqual({
            ok: true,
            count: 8,
            max: 8,
            message: '8 of at most 8 selected.'
        });
    });

    it('refuses more than the cap with a message naming both numbers', () => {
        const ids = Array.from({ length: 9 }, (_, i) => id(i + 1));
        const check = checkSelection(ids, 8);
        expect(check.ok).toBe(false);
        expect(check.reason).toBe('TOO_MANY');
        expect(check.message).toContain('9');
        expect(check.message).toContain('8');
    });

    it('counts one record once whether given as 15 or 18 characters', () => {
        expect(checkSelection(['a0X000000000001', 'a0X000000000001EAA'], 1).ok).toBe(true);
    });

    it('defaults to the record page cap and takes message overrides', () => {
        const ids = Array.from({ length: 9 }, (_, i) => id(i + 1));
        expect(checkSelection(ids).max).toBe(UI_SESSION_CAP);
        expect(checkSelection(ids, 8, { selectionTooMany: '{0}/{1}' }).message).toBe('9/8');
    });

    it('rejects a cap that is not a whole number of at least 1', () => {
        expect(() => checkSelection([id(1)], 0)).toThrow(RangeError);
        expect(() => checkSelection([id(1)], 2.5)).toThrow(RangeError);
    });
});

describe('planSessions', () => {
    it('splits into chunks of at most the cap, keeping order', () => {
        const items = Array.from({ length: 23 }, (_, i) => i);
        const sessions = planSessions(items);
        expect(sessions.map((s) => s.length)).toEqual([10, 10, 3]);
        expect(sessions.flat()).toEqual(items);
    });

    it('takes another cap and an empty list', () => {
        expect(planSessions(['a', 'b', 'c'], 2)).toEqual([['a', 'b'], ['c']]);
        expect(planSessions([], 8)).toEqual([]);
    });

    it('rejects an invalid cap', () => {
        expect(() => planSessions([1], 0)).toThrow(RangeError);
        expect(() => planSessions([1], Number.NaN)).toThrow(RangeError);
    });
});
