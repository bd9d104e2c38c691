/** A moment as messages show it, e.g. "2026-11-20 10:20 UTC". */
export function formatTime(moment: Date): string {
    return `${moment.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
