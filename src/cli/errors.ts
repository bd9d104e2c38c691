/**
 * Errors that end a run before or while it sends, each with the exit code it stands for.
 */
import { EXIT, type ExitCode } from './exit-codes';

/** One problem with one input value, reported with where it came from. */
export interface InputProblem {
    /** The warning code --json gives it; INVALID_ID when not set. */
    readonly code?: string;
    /** Where the value came from, e.g. "ids.csv line 4" or "argument 2". */
    readonly where: string;
    readonly value?: string;
    readonly message: string;
}

/** An error the user can fix; its message is shown as is. */
export class CliError extends Error {
    readonly exitCode: ExitCode;
    readonly code: string;
    readonly problems: readonly InputProblem[];

    constructor(
        code: string,
        message: string,
        exitCode: ExitCode,
        problems: readonly InputProblem[] = []
    ) {
        super(message);
        Object.setPrototypeOf(this, new.target.prototype);
        this.name = 'CliError';
        this.code = code;
        this.exitCode = exitCode;
        this.problems = problems;
    }
}

/** Wrong options or arguments (exit 2). */
export function usageError(message: string): CliError {
    return new CliError('USAGE', message, EXIT.USAGE);
}

/** Input that cannot be sent: bad ids, unreadable files (exit 2). Nothing is sent. */
export function inputError(message: string, problems: readonly InputProblem[] = []): CliError {
    return new CliError('INVALID_INPUT', message, EXIT.USAGE, problems);
}

/** No usable session, or the org cannot be reached (exit 3). */
export function authError(message: string, code = 'AUTHENTICATION'): CliError {
    return new CliError(code, message, EXIT.AUTH);
}
