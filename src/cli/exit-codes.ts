/**
 * Exit codes of zuora-sync (contract v1). Scripts rely on them: change them only on purpose.
 */
export const EXIT = Object.freeze({
    /** Every item REQUESTED, or a clean dry run. */
    OK: 0,
    /** Some item FAILED, SKIPPED or NOT_SENT. */
    INCOMPLETE: 1,
    /** Usage or input error; nothing was sent. */
    USAGE: 2,
    /** Authentication or connection failure. */
    AUTH: 3
});

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
