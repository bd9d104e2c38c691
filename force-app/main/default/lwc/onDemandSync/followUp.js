// Follows up a sync request: Zuora writes the data minutes later, so the card checks again with
// a growing delay (5 s, 10 s, 20 s, 40 s, then every 60 s) for at most 10 minutes. Checks stop
// while the page is hidden and for good once stop() is called (the card disconnected).

export const FOLLOW_UP_WINDOW_MS = 10 * 60 * 1000;
export const FIRST_DELAY_MS = 5000;
export const MAX_DELAY_MS = 60000;

/** Delay before check number `attempt` (0-based). */
export function backoffDelay(attempt) {
    return Math.min(FIRST_DELAY_MS * 2 ** attempt, MAX_DELAY_MS);
}

export class FollowUp {
    /**
     * @param {object} options
     * @param {() => Promise<boolean>} options.check reads again; resolves true when nothing is left to wait for
     * @param {(outcome: 'done'|'timedOut') => void} options.onFinish called once, unless stopped first
     * @param {(paused: boolean) => void} [options.onPause] called when checks pause or resume
     * @param {number} [options.windowMs] how long to keep checking
     */
    constructor({ check, onFinish, onPause, windowMs = FOLLOW_UP_WINDOW_MS }) {
        this.check = check;
        this.onFinish = onFinish;
        this.onPause = onPause || (() => {});
        this.windowMs = windowMs;
        this.timer = null;
        this.checking = false;
        this.stopped = true;
        this.paused = false;
        this.attempt = 0;
        this.deadline = 0;
        this.handleVisibility = this.handleVisibility.bind(this);
    }

    get active() {
        return !this.stopped;
    }

    start() {
        this.stop();
        this.stopped = false;
        this.attempt = 0;
        this.deadline = Date.now() + this.windowMs;
        document.addEventListener('visibilitychange', this.handleVisibility);
        this.schedule();
    }

    stop() {
        this.stopped = true;
        this.clearTimer();
        document.removeEventListener('visibilitychange', this.handleVisibility);
    }

    schedule(delay) {
        if (this.stopped || this.checking) {
            return;
        }
        if (document.hidden) {
            this.setPaused(true);
            return;
        }
        const remaining = this.deadline - Date.now();
        // An explicit delay (back from a hidden page) always allows one more check.
        if (remaining <= 0 && delay === undefined) {
            this.finish('timedOut');
            return;
        }
        const wait = delay === undefined ? Math.min(backoffDelay(this.attempt), remaining) : delay;
        this.clearTimer();
        // Polling is the point here: a timer is the only way to wait for Zuora's data.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.timer = setTimeout(() => this.run(), wait);
    }

    async run() {
        this.timer = null;
        this.checking = true;
        this.attempt += 1;
        let done = false;
        try {
            done = await this.check();
        } catch {
            // A failed read is retried at the next step; the window still bounds the checks.
            done = false;
        }
        this.checking = false;
        if (this.stopped) {
            return;
        }
        if (done) {
            this.finish('done');
        } else {
            this.schedule();
        }
    }

    handleVisibility() {
        if (this.stopped) {
            return;
        }
        if (document.hidden) {
            this.clearTimer();
            this.setPaused(true);
        } else {
            this.setPaused(false);
            this.schedule(0);
        }
    }

    setPaused(paused) {
        if (this.paused !== paused) {
            this.paused = paused;
            this.onPause(paused);
        }
    }

    finish(outcome) {
        this.stop();
        this.onFinish(outcome);
    }

    clearTimer() {
        if (this.timer !== null) {
            clearTimeout(this.timer);
            this.timer = null;
        }
    }
}
