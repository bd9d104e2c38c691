/**
 * Where the command writes: stdout for the result, stderr for progress and logs. Every text goes
 * through the redactor, so that a secret (the access token) never reaches a terminal, a pipe or
 * a log, even if it turns up where no one expected it (for example typed as an id).
 */

/** Something text can be written to (process.stdout, a test buffer). */
export interface TextSink {
    write(text: string): unknown;
}

export interface CliStreams {
    readonly stdout: TextSink;
    readonly stderr: TextSink;
    /** True when stderr is a terminal: progress is drawn only there. */
    readonly stderrIsTTY: boolean;
    /** Terminal width for the progress bar; 80 when unknown. */
    readonly columns?: number;
}

const MASK = '***';

/** Removes known secrets from text. Secrets shorter than 8 characters are not masked (too common). */
export class Redactor {
    private readonly secrets = new Set<string>();

    add(secret: string | undefined | null): void {
        if (typeof secret === 'string' && secret.trim().length >= 8) {
            this.secrets.add(secret.trim());
        }
    }

    redact(text: string): string {
        let result = text;
        for (const secret of this.secrets) {
            result = result.split(secret).join(MASK);
        }
        return result;
    }
}

/** The streams of one run, with redaction applied to everything written. */
export class Output {
    readonly redactor = new Redactor();
    private closed = false;
    private wroteOut = false;

    constructor(private readonly streams: CliStreams) {}

    /** Nothing more is written (the process is leaving; its last words are out). */
    close(): void {
        this.closed = true;
    }

    get stderrIsTTY(): boolean {
        return this.streams.stderrIsTTY;
    }

    get columns(): number {
        return this.streams.columns ?? 80;
    }

    /** True once the result (the summary or the --json document) is on stdout. */
    get printed(): boolean {
        return this.wroteOut;
    }

    out(text: string): void {
        if (!this.closed) {
            this.wroteOut = true;
            this.streams.stdout.write(this.redactor.redact(text));
        }
    }

    err(text: string): void {
        if (!this.closed) {
            this.streams.stderr.write(this.redactor.redact(text));
        }
    }
}
