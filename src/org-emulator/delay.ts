/** Resolves after `ms` milliseconds (at once for 0 or less): the emulated org's injected latency. */
export const delay = (ms: number): Promise<void> =>
    ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
