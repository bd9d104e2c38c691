/**
 * Reusing the Salesforce CLI's stored authorisation, the supported way:
 *   1. `sf org display [--target-org X] --json` resolves an alias or username (or the default
 *      target-org) exactly as the Salesforce CLI does, refreshes the session when it has to, and
 *      gives the instance URL and the username. Its access token is redacted ("[REDACTED] Use
 *      'sf org auth show-access-token' to view"): it is never read.
 *   2. `sf org auth show-access-token --target-org <that username> --json` gives the token.
 * The answers are parsed, never shown; a value that does not look like a token (a redaction
 * notice, a mask, an empty string) is refused rather than sent to the org.
 */
import { spawn } from 'child_process';
import { existsSync } from 'fs';
import { dirname, join } from 'path';

/** The environment that keeps the Salesforce CLI offline and quiet (no telemetry, no update). */
const SF_QUIET_ENV = Object.freeze({
    SF_DISABLE_TELEMETRY: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    SF_DISABLE_AUTOUPDATE: 'true'
});

/** Overrides the `sf` executable (tests point it at a stub). */
const SF_BIN_ENV = 'ZUORA_SYNC_SF_BIN';

export interface OrgSession {
    readonly instanceUrl: string;
    readonly accessToken: string;
    readonly username?: string;
}

export interface SfLookupError {
    readonly ok: false;
    readonly message: string;
}

const SF_TIMEOUT_MS = 120000;

/** The project's own `sf` (node_modules/.bin, found upwards from this file), else `sf` on PATH. */
function findSfBinary(env: NodeJS.ProcessEnv, from: string = __dirname): string {
    const override = env[SF_BIN_ENV];
    if (override !== undefined && override.trim() !== '') {
        return override;
    }
    const name = process.platform === 'win32' ? 'sf.cmd' : 'sf';
    let directory = from;
    for (;;) {
        const candidate = join(directory, 'node_modules', '.bin', name);
        if (existsSync(candidate)) {
            return candidate;
        }
        const parent = dirname(directory);
        if (parent === directory) {
            return name;
        }
        directory = parent;
    }
}

/**
 * True when `value` can be an access token: a session id ("00D…!…") or an OAuth token, one word
 * of at least 16 token characters. A redaction notice ("[REDACTED] Use …"), a mask ("****") or
 * a blank value is not.
 */
export function isUsableAccessToken(value: unknown): value is string {
    return (
        typeof value === 'string' &&
        /^[A-Za-z0-9!._~+/=-]{16,}$/.test(value) &&
        !/redacted/i.test(value)
    );
}

function messageOf(parsed: unknown): string | undefined {
    if (parsed !== null && typeof parsed === 'object') {
        const message = (parsed as { message?: unknown }).message;
        if (typeof message === 'string' && message.trim() !== '') {
            return message.trim();
        }
    }
    return undefined;
}

/** What one `sf … --json` call gave: its parsed answer, or why there is none. */
type SfAnswer =
    { readonly ok: true; readonly code: number | null; readonly parsed: unknown } | SfLookupError;

/** Runs `sf <args>` quietly; resolves with its parsed JSON answer. Never shows its output. */
function runSf(args: readonly string[], env: NodeJS.ProcessEnv): Promise<SfAnswer> {
    const binary = findSfBinary(env);
    const firstFlag = args.findIndex((arg) => arg.startsWith('-'));
    const command = `sf ${(firstFlag < 0 ? args : args.slice(0, firstFlag)).join(' ')}`;
    return new Promise((resolvePromise) => {
        let stdout = '';
        let settled = false;
        const child = spawn(binary, [...args], {
            env: { ...env, ...SF_QUIET_ENV },
            stdio: ['ignore', 'pipe', 'ignore'],
            shell: process.platform === 'win32'
        });
        // Own timer rather than spawn's `timeout`, which is not cleared when the spawn fails.
        const timer = setTimeout(() => child.kill(), SF_TIMEOUT_MS);
        const settle = (value: SfAnswer): void => {
            clearTimeout(timer);
            if (!settled) {
                settled = true;
                resolvePromise(value);
            }
        };
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk: string) => {
            stdout += chunk;
        });
        child.on('error', (error: NodeJS.ErrnoException) => {
            settle({
                ok: false,
                message:
                    error.code === 'ENOENT'
                        ? `The Salesforce CLI (${binary}) was not found. Install @salesforce/cli, or use --instance-url with --access-token.`
                        : `The Salesforce CLI could not be started: ${error.message}`
            });
        });
        child.on('close', (code) => {
            try {
                settle({ ok: true, code, parsed: JSON.parse(stdout.slice(stdout.indexOf('{'))) });
            } catch {
                settle({
                    ok: false,
                    message: `The Salesforce CLI gave no readable answer to \`${command}\` (exit code ${String(code)}).`
                });
            }
        });
    });
}

/** The `result` of a successful answer, or null. */
function resultOf(answer: SfAnswer & { ok: true }): { [key: string]: unknown } | null {
    const { parsed, code } = answer;
    if (parsed === null || typeof parsed !== 'object') {
        return null;
    }
    const status = (parsed as { status?: unknown }).status;
    const result = (parsed as { result?: unknown }).result;
    return code === 0 &&
        (status === undefined || status === 0) &&
        result !== null &&
        typeof result === 'object'
        ? (result as { [key: string]: unknown })
        : null;
}

/** `--target-org <org>`, or nothing for the Salesforce CLI's default target-org. */
function targetOrgFlag(org: string | undefined): string[] {
    return org === undefined ? [] : ['--target-org', org];
}

/**
 * Finds the session of an org authorised with the Salesforce CLI (`targetOrg`: an alias or a
 * username; undefined: the CLI's default target-org). Resolves with the session, or with an
 * error whose message never carries the commands' raw output.
 */
export async function sfOrgSession(
    targetOrg: string | undefined,
    env: NodeJS.ProcessEnv
): Promise<OrgSession | SfLookupError> {
    const org = targetOrg === undefined ? 'the default target-org' : `"${targetOrg}"`;
    const noSession = (parsed: unknown, code: number | null): SfLookupError => ({
        ok: false,
        message: `The Salesforce CLI has no usable session for ${org}: ${
            messageOf(parsed) ?? `exit code ${String(code)}`
        }`
    });

    const display = await runSf(['org', 'display', ...targetOrgFlag(targetOrg), '--json'], env);
    if (!display.ok) {
        return display;
    }
    const described = resultOf(display);
    if (described === null || typeof described.instanceUrl !== 'string') {
        return noSession(display.parsed, display.code);
    }
    const username = typeof described.username === 'string' ? described.username : undefined;

    // The username `org display` resolved, so that both commands speak of the same org.
    const tokenOrg = username ?? targetOrg;
    const shown = await runSf(
        ['org', 'auth', 'show-access-token', ...targetOrgFlag(tokenOrg), '--json'],
        env
    );
    if (!shown.ok) {
        return {
            ok: false,
            message: `${shown.message} zuora-sync reads the token with \`sf org auth show-access-token\`: update the Salesforce CLI, or use --instance-url with --access-token.`
        };
    }
    const token = resultOf(shown);
    if (token === null) {
        return noSession(shown.parsed, shown.code);
    }
    if (!isUsableAccessToken(token.accessToken)) {
        return {
            ok: false,
            message: `The Salesforce CLI did not give an access token for ${org} (\`sf org auth show-access-token\` answered a value that is not a token, e.g. a redacted one). Log in again with npx sf org login web, or use --instance-url with --access-token.`
        };
    }
    return {
        instanceUrl: described.instanceUrl,
        accessToken: token.accessToken,
        ...(username === undefined ? {} : { username })
    };
}
