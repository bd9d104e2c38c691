/** A command line warning, as `--json` prints it (its own module, so that any part may name it). */
export interface CliWarning {
    readonly code: string;
    readonly message: string;
}
