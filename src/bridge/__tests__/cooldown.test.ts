import {
    DEFAULT_COOLDOWN_MINUTES,
    cooldownState,
    cooldownUntil,
    describeCooldown,
    toDate
} from '../cooldown';

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

describe('describeCooldown', () => {
    it('says when the record can be synced again', () => {
        expect(describeCooldown(cooldownState(NOW, '2026-11-20T10:30:00.000Z'))).toBe(
            'Synced recently; you can sync it again in 30 minutes.'
        );
        expect(describeCooldown(cooldownState(NOW, '2026-11-20T10:00:30.000Z'))).toBe(
            'Synced recently; you can sync it again in 1 minute.'
        );
    });

    it('is empty when not cooling down and takes overrides', () => {
        expect(describeCooldown(cooldownState(NOW, null))).toBe('');
        expect(
            describeCooldown(cooldownState(NOW, '2026-11-20T10:05:00.000Z'), {
                cooldownMinutes: 'in {0} min'
            })
        ).toBe('in 5 min');
    });
});
