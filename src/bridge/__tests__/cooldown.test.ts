import { DEFAULT_COOLDOWN_MINUTES, cooldownState, cooldownUntil, toDate } from '../cooldown';

const NOW = '2026-11-20T10:00:00.000Z';

describe('toDate', () => {
    it('reads dates, ISO strings and epoch milliseconds', () => {
        expect(toDate(NOW)?.toISOString()).toBe(NOW);
        expect(toDate(new Date(NOW))?.toISOString()).toBe(NOW);
        expect(toDate(Date.parse(NOW))?.toISOString()).toBe(NOW);
    });

    it('gives null for anything else', () => {
        for (const value of [null, undefined, '', 'yesterday', Number.NaN, {}, new Date('x')]) {
            expect(toDate(value)).toBeNull();
        }
    });
});

describe('cooldownUntil', () => {
    it('adds the cooldown minutes, 30 by default', () => {
        expect(DEFAULT_COOLDOWN_MINUTES).toBe(30);
        expect(cooldownUntil(NOW).toISOString()).toBe('2026-11-20T10:30:00.000Z');
        expect(cooldownUntil(new Date(NOW), 90).toISOString()).toBe('2026-11-20T11:30:00.000Z');
        expect(cooldownUntil(NOW, 0).toISOString()).toBe(NOW);
    });

    it('rejects an invalid date or minutes', () => {
        expect(() => cooldownUntil('not a date', 30)).toThrow(RangeError);
        expect(() => cooldownUntil(NOW, -1)).toThrow(RangeError);
        expect(() => cooldownUntil(NOW, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    });
});

describe('cooldownState', () => {
    it('is cooling down before the end, with minutes rounded up', () => {
        const state = cooldownState(NOW, '2026-11-20T10:20:30.000Z');
        expect(state).toEqual({
            coolingDown: true,
            minutesLeft: 21,
            until: new Date('2026-11-20T10:20:30.000Z')
        });
    });

    it('is not cooling down at or after the end', () => {
        expect(cooldownState(NOW, NOW)).toEqual({
            coolingDown: false,
            minutesLeft: 0,
            until: new Date(NOW)
        });
        expect(cooldownState(NOW, '2026-11-20T09:00:00.000Z').coolingDown).toBe(false);
    });

    it('tolerates a missing or invalid end', () => {
        expect(cooldownState(NOW, null)).toEqual({
            coolingDown: false,
            minutesLeft: 0,
            until: null
        });
        expect(cooldownState(NOW, 'soon')).toEqual({
            coolingDown: false,
            minutesLeft: 0,
            until: null
        });
    });
});
