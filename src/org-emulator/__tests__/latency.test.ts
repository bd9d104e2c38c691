/**
 * The injected latency counts from the request's arrival: the org's own work falls inside it,
 * and the answer leaves at arrival + latency (or when slower work is done). Fake timers stand in
 * for the clock, so the test proves the order of events, not the speed of this machine.
 */
import { FaultInjector } from '../faults';

describe('FaultInjector.answerAt', () => {
    beforeEach(() => {
        jest.useFakeTimers();
    });

    afterEach(() => {
        jest.useRealTimers();
    });

    /** Starts an answer whose work takes `workMs`; resolves `state.answered` when it leaves. */
    function start(
        faults: FaultInjector,
        workMs: number
    ): { answered: boolean; unavailable?: boolean } {
        const state: { answered: boolean; unavailable?: boolean } = { answered: false };
        const arrivedAt = performance.now();
        void faults
            .answerAt(arrivedAt, async (unavailable) => {
                state.unavailable = unavailable;
                await new Promise((resolve) => setTimeout(resolve, workMs));
                return 'answer';
            })
            .then(() => {
                state.answered = true;
            });
        return state;
    }

    it('holds an answer until arrival + latency when the work is shorter', async () => {
        const faults = new FaultInjector();
        faults.set({ latencyMs: 100 });
        const state = start(faults, 60);
        await jest.advanceTimersByTimeAsync(99);
        expect(state.answered).toBe(false);
        await jest.advanceTimersByTimeAsync(1);
        expect(state.answered).toBe(true);
    });

    it('answers as soon as work longer than the latency is done, adding nothing', async () => {
        const faults = new FaultInjector();
        faults.set({ latencyMs: 100 });
        const state = start(faults, 150);
        await jest.advanceTimersByTimeAsync(149);
        expect(state.answered).toBe(false);
        await jest.advanceTimersByTimeAsync(1);
        expect(state.answered).toBe(true);
    });

    it('answers without waiting when there is no latency', async () => {
        const faults = new FaultInjector();
        const state = start(faults, 0);
        await jest.advanceTimersByTimeAsync(0);
        expect(state.answered).toBe(true);
        expect(state.unavailable).toBe(false);
    });

    it('draws the 503 at arrival and still answers at arrival + latency', async () => {
        const faults = new FaultInjector();
        faults.set({ latencyMs: 50, errorRate: 1 });
        const state = start(faults, 0);
        expect(state.unavailable).toBe(true);
        await jest.advanceTimersByTimeAsync(49);
        expect(state.answered).toBe(false);
        await jest.advanceTimersByTimeAsync(1);
        expect(state.answered).toBe(true);
    });
});
