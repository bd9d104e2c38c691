/** Time, as a seam: the service, the cooldown and the simulated Zuora read it from a Clock. */
export interface Clock {
    now(): Date;
}

/** A clock tests and the playground can move: real time plus an offset, or a fixed moment. */
export class AdjustableClock implements Clock {
    private offsetMs = 0;
    private fixed: number | null;

    constructor(start?: Date | string | number) {
        this.fixed = start === undefined ? null : new Date(start).getTime();
        if (this.fixed !== null && !Number.isFinite(this.fixed)) {
            throw new RangeError('AdjustableClock: start is not a valid time');
        }
    }

    now(): Date {
        return new Date((this.fixed ?? Date.now()) + this.offsetMs);
    }

    /** Moves time forward (or back, with a negative value). */
    advance(ms: number): void {
        this.offsetMs += ms;
    }

    /** Stops the clock at `moment`. */
    set(moment: Date | string | number): void {
        const time = new Date(moment).getTime();
        if (!Number.isFinite(time)) {
            throw new RangeError('AdjustableClock: not a valid time');
        }
        this.fixed = time;
        this.offsetMs = 0;
    }

    /** True while the clock is stopped at a fixed moment. */
    get isFixed(): boolean {
        return this.fixed !== null;
    }
}

/** Real time. */
export const systemClock: Clock = { now: () => new Date() };
