/** A small seeded pseudo-random generator (mulberry32): the same seed gives the same sequence. */
export class SeededRandom {
    private state: number;

    constructor(seed: number = 1) {
        this.state = Math.floor(seed) >>> 0;
    }

    /** A number in [0, 1). */
    next(): number {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }

    /** A whole number in [min, max]. */
    int(min: number, max: number): number {
        return min + Math.floor(this.next() * (max - min + 1));
    }

    /** `length` lower-case hexadecimal characters. */
    hex(length: number): string {
        let text = '';
        while (text.length < length) {
            text += Math.floor(this.next() * 16).toString(16);
        }
        return text;
    }

    pick<T>(items: readonly T[]): T {
        return items[Math.floor(this.next() * items.length)];
    }
}

/** A stable 32-bit number for a text (FNV-1a), to seed a generator from a name. */
export function hashSeed(text: string): number {
    let hash = 0x811c9dc5;
    for (let index = 0; index < text.length; index++) {
        hash ^= text.charCodeAt(index);
        hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash;
}
