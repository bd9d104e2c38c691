/**
 * Reusing the Salesforce CLI's stored authorisation: `sf org display --json` resolves an alias or
 * username (or the default target-org) exactly as the Salesforce CLI does, and refreshes the
 * access token when it has to. Its output holds the token: it is parsed, never shown.
 */
import { spawn } from 'child_process';
import { existsSync } from 'fs';
import { dirname, join } from 'path';

/** The environment that keeps the Salesforce CLI offline and quiet (no telemetry, no update). */
export const SF_QUIET_ENV = Object.freeze({
    SF_DISABLE_TELEMETRY: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    SF_DISABLE_AUTOUPDATE: 'true'
});

/** Overrides the `sf` executable (tests point it at a stub). */
export const SF_BIN_ENV = 'ZUORA_SYNC_SF_BIN';

export interface OrgSession {
    readonly instanceUrl: string;
    readonly accessToken: string;
    readonly username?: string;
}

export interface SfDisplayError {
    readonly ok: false;
    readonly message: string;
}

const SF_TIMEOUT_MS = 120000;

/** The project's own `sf` (node_modules/.bin, found upwards from this file), else `sf` on PATH. */
export function findSfBinary(env: NodeJS.ProcessEnv, from: string = __dirname): string {
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

function messageOf(parsed: unknown): string | undefined {
    if (parsed !== null && typeof parsed === 'object') {
        const message = (parsed as { message?: unknown }).message;
        if (typeof message === 'string' && message.trim() !== '') {
            return message.trim();
        }
    }
    return undefined;
}

/**
 * Runs `sf org display [--target-org X] --json` and reads result.instanceUrl and
 * result.accessToken. Resolves with the session, or with an error whose message never carries
 * the command's raw output.
 */
export function sfOrgDisplay(
    targetOrg: string | undefined,
    env: NodeJS.ProcessEnv
): Promise<OrgSession | SfDisplayError> {
    const binary = findSfBinary(env);
    const args = [
        'org',
        'display',
        ...(targetOrg === undefined ? [] : ['--target-org', targetOrg]),
        '--json'
    ];
    return new Promise((resolvePromise) => {
        let stdout = '';
        let settled = false;
        const child = spawn(binary, args, {
            env: { ...env, ...SF_QUIET_ENV },
            stdio: ['ignore', 'pipe', 'ignore'],
            shell: process.platform === 'win32'
        });
        // Own timer rather than spawn's `timeout`, which is not cleared when the spawn fails.
        const timer = setTimeout(() => child.kill(), SF_TIMEOUT_MS);
        const settle = (value: OrgSession | SfDisplayError): void => {
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
            let parsed: unknown;
            try {
                parsed = JSON.parse(stdout.slice(stdout.indexOf('{')));
            } catch {
                settle({
                    ok: false,
                    message: `The Salesforce CLI gave no readable answer (exit code ${String(code)}).`
                });
                return;
            }
            const result = (
                parsed as {
                    result?: { instanceUrl?: unknown; accessToken?: unknown; username?: unknown };
                }
            ).result;
            const status = (parsed as { status?: unknown }).status;
            if (
                code === 0 &&
                (status === undefined || status === 0) &&
                result !== undefined &&
                typeof result.instanceUrl === 'string' &&
                typeof result.accessToken === 'string' &&
                result.accessToken !== ''
            ) {
                settle({
                    instanceUrl: result.instanceUrl,
                    accessToken: result.accessToken,
                    ...(typeof result.username === 'string' ? { username: result.username } : {})
                });
                return;
            }
            const org = targetOrg === undefined ? 'the default target-org' : `"${targetOrg}"`;
            settle({
                ok: false,
                message: `The Salesforce CLI has no usable session for ${org}: ${
                    messageOf(parsed) ?? `exit code ${String(code)}`
                }`
            });
        });
    });
}
