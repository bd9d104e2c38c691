// Times in sentences and notes: in the user's locale and time zone, as short as stays clear.
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'Europe/Berlin' }), { virtual: true });
jest.mock('@salesforce/i18n/locale', () => ({ default: 'en-US' }), { virtual: true });

const { formatTime } = require('../time');

const NOW = Date.parse('2026-12-03T10:00:00.000Z'); // Thursday, 11:00 in Berlin

describe('formatTime', () => {
    it('shows only the time on the same day, in the user time zone', () => {
        expect(formatTime('2026-12-03T10:30:00.000Z', NOW)).toMatch(/^11:30\sAM$/);
    });

    it('adds the weekday for a time in the coming days', () => {
        expect(formatTime('2026-12-03T23:30:00.000Z', NOW)).toMatch(/^Fri,? 12:30\sAM$/);
    });

    it('adds the date for a past day or a time further away', () => {
        expect(formatTime('2026-12-01T10:30:00.000Z', NOW)).toMatch(/^Dec 1, 2026, 11:30\sAM$/);
        expect(formatTime('2026-12-20T10:30:00.000Z', NOW)).toMatch(/^Dec 20, 2026, 11:30\sAM$/);
    });

    it('gives nothing for no moment', () => {
        expect(formatTime(null, NOW)).toBe('');
        expect(formatTime('not a date', NOW)).toBe('');
    });
});
