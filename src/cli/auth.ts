/**
 * Which session a run uses:
 *   1. --instance-url / --access-token (each may come from SF_INSTANCE_URL / SF_ACCESS_TOKEN),
 *   2. else --target-org through the Salesforce CLI,
 *   3. else SF_INSTANCE_URL with SF_ACCESS_TOKEN,
 *   4. else the Salesforce CLI's default target-org.
 * The token is registered with the redactor as soon as it is known.
 */
import type { CliOptions } from './args';
import { authError, usageError } from './errors';
import type { Redactor } from './io';
import { sfOrgSession, type OrgSession, type SfLookupError } from './sf';

/** Looks an org up through the Salesforce CLI (replaceable in tests). */
export type OrgLookup = (
    targetOrg: string | undefined,
    env: NodeJS.ProcessEnv
) => Promise<OrgSession | SfLookupError>;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Checks an instance URL: https, or http on this machine only (a token must not travel in clear
 * text). Returns it without a trailing slash.
 */
export function checkInstanceUrl(value: string): string {
    let url: URL;
    try {
        url = new URL(value.trim());
    } catch {
        throw usageError(
            `--instance-url "${value}" is not a URL, e.g. https://mydomain.my.salesforce.com.`
        );
    }
    if (/\.lightning\.force\.com$/i.test(url.hostname)) {
        throw usageError(
            `--instance-url ${url.origin} is a Lightning Experience address: use the org's My Domain URL, e.g. https://mydomain.my.salesforce.com.`
        );
    }
    const local = LOOPBACK.has(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
        throw usageError(
            `--instance-url must start with https:// (http:// only for this machine), not "${url.protocol}".`
        );
    }
    return url.origin + url.pathname.replace(/\/+$/, '');
}

function blankToUndefined(value: string | undefined): string | undefined {
    return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * The session the options (or SF_INSTANCE_URL / SF_ACCESS_TOKEN) give directly, if any; undefined
 * with --target-org or without both values. Looks nothing up; throws CliError (exit 2) on a
 * usage error.
 */
function directSession(options: CliOptions, env: NodeJS.ProcessEnv): OrgSession | undefined {
    if (options.targetOrg !== undefined) {
        return undefined;
    }
    if (
        options.accessToken === undefined &&
        env.SF_ACCESS_TOKEN !== undefined &&
        env.SF_ACCESS_TOKEN.trim() === '' &&
        (options.instanceUrl ?? blankToUndefined(env.SF_INSTANCE_URL)) !== undefined
    ) {
        throw usageError('SF_ACCESS_TOKEN is set but empty: give the session token, or unset it.');
    }
    const instanceUrl = options.instanceUrl ?? blankToUndefined(env.SF_INSTANCE_URL);
    const accessToken = options.accessToken ?? blankToUndefined(env.SF_ACCESS_TOKEN);
    const explicit = options.instanceUrl !== undefined || options.accessToken !== undefined;
    if (explicit && (instanceUrl === undefined || accessToken === undefined)) {
        throw usageError(
            instanceUrl === undefined
                ? '--access-token needs --instance-url (or SF_INSTANCE_URL).'
                : '--instance-url needs --access-token (or SF_ACCESS_TOKEN).'
        );
    }
    return instanceUrl !== undefined && accessToken !== undefined
        ? { instanceUrl: checkInstanceUrl(instanceUrl), accessToken }
        : undefined;
}

/** Checks the session options without looking anything up (usage errors surface before any work). */
export function checkSessionOptions(options: CliOptions, env: NodeJS.ProcessEnv): void {
    directSession(options, env);
}

/** Resolves the session to use. Throws CliError: exit 2 for usage errors, exit 3 without a session. */
export async function resolveSession(
    options: CliOptions,
    env: NodeJS.ProcessEnv,
    redactor: Redactor,
    lookup: OrgLookup = sfOrgSession
): Promise<OrgSession> {
    redactor.add(options.accessToken);
    redactor.add(env.SF_ACCESS_TOKEN);
    const direct = directSession(options, env);
    if (direct !== undefined) {
        return direct;
    }
    const found = await lookup(options.targetOrg, env);
    if ('ok' in found) {
        throw authError(found.message);
    }
    redactor.add(found.accessToken);
    return { ...found, instanceUrl: found.instanceUrl.replace(/\/+$/, '') };
}
