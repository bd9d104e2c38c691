// Times shown in sentences ("you can sync it again at 10:25"), in the user's locale and time zone.
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';

const TIME = { hour: 'numeric', minute: '2-digit' };
const DAY = { year: 'numeric', month: 'short', day: 'numeric' };
const WEEK_MS = 6 * 24 * 3600 * 1000;

function formatter(options) {
    try {
        return new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: TIME_ZONE });
    } catch {
        // An unknown locale or time zone: the browser's own still reads well.
        return new Intl.DateTimeFormat(undefined, options);
    }
}

/**
 * The time of a moment, with its weekday when it is in the coming days, or its date when it is
 * further away or past and not on the same day as `now`.
 * @param {Date|string|number} value the moment
 * @param {number} now milliseconds since the epoch
 * @returns {string} '' when the value is no moment
 */
export function formatTime(value, now) {
    const date = value instanceof Date ? value : new Date(value);
    if (value === null || value === undefined || Number.isNaN(date.getTime())) {
        return '';
    }
    const sameDay = formatter(DAY).format(date) === formatter(DAY).format(new Date(now));
    if (sameDay) {
        return formatter(TIME).format(date);
    }
    // Within the coming week the weekday says which day ("Thu 6:15 AM"), and stays short.
    const soon = date.getTime() > now && date.getTime() - now < WEEK_MS;
    return formatter(soon ? { weekday: 'short', ...TIME } : { ...DAY, ...TIME }).format(date);
}
