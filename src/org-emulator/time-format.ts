/** How messages show a moment. */
export type TimeFormatter = (moment: Date) => string;

/** The running user's Salesforce settings that messages use (User.TimeZoneSidKey, LocaleSidKey). */
export interface UserTimeSettings {
    readonly timeZone: string;
    readonly locale: string;
}

/** A moment as messages show it without a user's settings, e.g. "2026-11-20 10:20 UTC". */
export function formatTime(moment: Date): string {
    return `${moment.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * As Apex's Datetime.format() does for the running user: the short date and time of their locale
 * in their time zone (e.g. "12/3/2026, 10:20 AM"); without settings, formatTime's UTC text.
 */
export function timeFormatter(user?: UserTimeSettings): TimeFormatter {
    if (!user) return formatTime;
    const format = new Intl.DateTimeFormat(user.locale, {
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZone: user.timeZone
    });
    return (moment) => format.format(moment);
}
