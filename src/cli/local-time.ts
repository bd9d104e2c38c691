/**
 * Times for people: the human output shows every moment in the local time zone of the machine
 * (TZ), with its UTC offset, e.g. "2026-12-03 17:05 +01:00". --json and --out keep ISO 8601 UTC.
 */

const two = (value: number): string => String(value).padStart(2, '0');

/** "2026-12-03 17:05 +01:00" (seconds shown when not 0). */
export function localTime(moment: Date): string {
    const offset = -moment.getTimezoneOffset();
    const sign = offset < 0 ? '-' : '+';
    const date = `${moment.getFullYear()}-${two(moment.getMonth() + 1)}-${two(moment.getDate())}`;
    const seconds = moment.getSeconds() === 0 ? '' : `:${two(moment.getSeconds())}`;
    const time = `${two(moment.getHours())}:${two(moment.getMinutes())}${seconds}`;
    return `${date} ${time} ${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
}

/** A UTC moment in a text: ISO 8601 ("2026-12-03T16:05:00.000Z") or the org's "2026-12-03 16:05 UTC". */
const UTC_TIME = /(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d)(:\d\d(?:\.\d{1,3})?)?(?:Z| UTC)/g;

/** `text` with each UTC moment it holds in local time (localTime). */
export function localiseTimes(text: string): string {
    return text.replace(UTC_TIME, (whole, date: string, minutes: string, seconds?: string) => {
        const moment = new Date(`${date}T${minutes}${seconds ?? ':00'}Z`);
        return Number.isNaN(moment.getTime()) ? whole : localTime(moment);
    });
}
