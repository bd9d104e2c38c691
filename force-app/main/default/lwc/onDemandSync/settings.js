// Reading admin settings (design attributes, org settings): whole numbers within a range.

/** A whole number within [min, max]; `fallback` when the value is no number. */
export function clampWhole(value, min, max, fallback) {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isFinite(number)) {
        return fallback;
    }
    return Math.min(max, Math.max(min, Math.floor(number)));
}
