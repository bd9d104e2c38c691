/**
 * Fault and latency injection for demos, from environment variables (tests set the same things
 * through the running playground's org, or the emulator's control endpoint /__emulator/faults):
 *
 *   PLAYGROUND_LATENCY_MS=800          every Apex and REST answer waits this long
 *   PLAYGROUND_ERROR_RATE=0.3          this share of requests is answered 503 (seeded, repeatable)
 *   PLAYGROUND_FAIL="<id>=<text>;..."  Zuora refuses that record with <text>; when <text> is an
 *                                      error code (e.g. UNABLE_TO_LOCK_ROW) the whole request
 *                                      naming the id fails with it
 *   PLAYGROUND_API_USAGE=96%           today's API requests already used (a share, or a count)
 *   PLAYGROUND_ZUORA_OUTAGE="<text>"   every call to Zuora fails with <text>
 *   PLAYGROUND_ZUORA_LATENCY_MS=1500   each Zuora callout takes this long
 *   PLAYGROUND_FAULTS='{...}'          any of the emulator's faults as JSON (merged first)
 *   PLAYGROUND_NO_PERMISSION=1         the user lacks the Zuora_On_Demand_Sync permission
 *   PLAYGROUND_REP=1                   the user is a rep: no View Limits permission (no limits panel)
 *   PLAYGROUND_ZUORA_NOT_CONFIGURED=1  the Zuora gateway class does not resolve (no adapter)
 *   PLAYGROUND_FAIL_RESOURCE=Name      the static resource Name cannot be loaded
 *   PLAYGROUND_RESOURCE_LATENCY_MS=500 static resources (the bridge) take this long
 *   PLAYGROUND_TIMEZONE=Europe/Berlin  the user's Salesforce time zone (default this machine's)
 *   PLAYGROUND_LOCALE=de-DE            the user's Salesforce locale (default en-US)
 */
import type { EmulatedOrg, Faults, RequestFailure } from '../org-emulator';
import { validateFaults, ZUORA_GATEWAY_CLASS } from '../org-emulator';

type Env = Readonly<Record<string, string | undefined>>;

export interface PlaygroundSetup {
    readonly faults: Faults;
    readonly apiUsage: { readonly percent?: number; readonly count?: number } | null;
    readonly hasPermission: boolean | null;
    /** The Zuora_On_Demand_Sync_View_Limits permission; null: the org's default (an admin). */
    readonly canViewLimits: boolean | null;
    readonly zuoraConfigured: boolean | null;
    readonly failingResources: readonly string[];
    readonly resourceLatencyMs: number;
    /** The user's Salesforce time zone and locale; undefined: the playground's defaults. */
    readonly timeZone?: string;
    readonly locale?: string;
}

function number(env: Env, name: string): number | undefined {
    const text = env[name];
    if (text === undefined || text.trim() === '') return undefined;
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) {
        throw new RangeError(`${name} must be a number of at least 0, not "${text}"`);
    }
    return value;
}

function flag(env: Env, name: string): boolean | null {
    const text = env[name];
    if (text === undefined || text.trim() === '') return null;
    return !/^(0|false|no|off)$/i.test(text.trim());
}

/** `<id>=<text>;<id>=<text>`: a text in capitals and underscores is an error code. */
export function parseFailures(text: string): Record<string, string | RequestFailure> {
    const failures: Record<string, string | RequestFailure> = {};
    for (const entry of text.split(';')) {
        if (entry.trim() === '') continue;
        const at = entry.indexOf('=');
        if (at < 1) throw new RangeError(`PLAYGROUND_FAIL: "${entry}" is not <id>=<message>`);
        const id = entry.slice(0, at).trim();
        const message = entry.slice(at + 1).trim();
        failures[id] = /^[A-Z][A-Z_]+$/.test(message) ? { errorCode: message } : message;
    }
    return failures;
}

/** `96%` or `14500`. */
export function parseApiUsage(text: string): { percent?: number; count?: number } {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
    if (!match)
        throw new RangeError(
            `PLAYGROUND_API_USAGE must be a count or a share like 96%, not "${text}"`
        );
    const value = Number(match[1]);
    if (match[2]) {
        if (value > 100) throw new RangeError('PLAYGROUND_API_USAGE: a share is at most 100%');
        return { percent: value };
    }
    return { count: Math.round(value) };
}

/** A user setting, checked by `canonical` (which throws on a value Intl does not know). */
function userSetting(
    env: Env,
    name: string,
    canonical: (value: string) => string | undefined
): string | undefined {
    const value = env[name]?.trim();
    if (!value) return undefined;
    try {
        return canonical(value);
    } catch {
        throw new RangeError(`${name}: "${value}" is not a time zone or locale Intl knows`);
    }
}

/** Reads the variables above; throws RangeError naming the variable that is wrong. */
export function setupFromEnvironment(env: Env): PlaygroundSetup {
    let faults: Faults = env.PLAYGROUND_FAULTS
        ? validateFaults(JSON.parse(env.PLAYGROUND_FAULTS))
        : {};
    const latencyMs = number(env, 'PLAYGROUND_LATENCY_MS');
    const errorRate = number(env, 'PLAYGROUND_ERROR_RATE');
    const zuoraLatencyMs = number(env, 'PLAYGROUND_ZUORA_LATENCY_MS');
    faults = {
        ...faults,
        ...(latencyMs === undefined ? {} : { latencyMs }),
        ...(errorRate === undefined ? {} : { errorRate }),
        ...(zuoraLatencyMs === undefined ? {} : { zuoraLatencyMs }),
        ...(env.PLAYGROUND_ZUORA_OUTAGE ? { zuoraOutage: env.PLAYGROUND_ZUORA_OUTAGE } : {}),
        ...(env.PLAYGROUND_FAIL
            ? { failures: { ...faults.failures, ...parseFailures(env.PLAYGROUND_FAIL) } }
            : {})
    };
    return {
        faults: validateFaults(faults),
        apiUsage: env.PLAYGROUND_API_USAGE ? parseApiUsage(env.PLAYGROUND_API_USAGE) : null,
        hasPermission: flag(env, 'PLAYGROUND_NO_PERMISSION') === true ? false : null,
        canViewLimits: flag(env, 'PLAYGROUND_REP') === true ? false : null,
        zuoraConfigured: flag(env, 'PLAYGROUND_ZUORA_NOT_CONFIGURED') === true ? false : null,
        failingResources: (env.PLAYGROUND_FAIL_RESOURCE ?? '')
            .split(',')
            .map((name) => name.trim())
            .filter(Boolean),
        resourceLatencyMs: number(env, 'PLAYGROUND_RESOURCE_LATENCY_MS') ?? 0,
        timeZone: userSetting(
            env,
            'PLAYGROUND_TIMEZONE',
            (value) =>
                new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone
        ),
        locale: userSetting(env, 'PLAYGROUND_LOCALE', (value) => Intl.getCanonicalLocales(value)[0])
    };
}

/** DailyApiRequests used for a share (0..100) of the org's allowance. */
export function apiRequestsForShare(org: EmulatedOrg, percent: number): number {
    const { max } = org.limits.get('DailyApiRequests');
    return Math.min(max, Math.round((max * percent) / 100));
}

/** Applies a setup to an org; the failing resources are the server's to apply. */
export function applySetup(org: EmulatedOrg, setup: PlaygroundSetup): void {
    const apiRequestsUsed =
        setup.apiUsage === null
            ? undefined
            : (setup.apiUsage.count ?? apiRequestsForShare(org, setup.apiUsage.percent ?? 0));
    org.injectFaults({
        ...setup.faults,
        ...(apiRequestsUsed === undefined ? {} : { apiRequestsUsed })
    });
    if (setup.hasPermission !== null) org.setPermission(setup.hasPermission);
    if (setup.canViewLimits !== null) org.setLimitsPermission(setup.canViewLimits);
    if (setup.zuoraConfigured === false) withoutZuoraAdapter(org);
}

/** As in an org without the zuora-adapter package: the gateway class does not resolve. */
export function withoutZuoraAdapter(org: EmulatedOrg): void {
    org.registerGateway(ZUORA_GATEWAY_CLASS, null);
}

/** One line per fault in force, for the start banner. */
export function describeSetup(setup: PlaygroundSetup): string[] {
    const lines: string[] = [];
    const { faults } = setup;
    if (faults.latencyMs) lines.push(`latency ${faults.latencyMs} ms on every answer`);
    if (faults.errorRate)
        lines.push(`${Math.round(faults.errorRate * 100)}% of requests answered 503`);
    if (faults.zuoraLatencyMs) lines.push(`Zuora callouts take ${faults.zuoraLatencyMs} ms`);
    if (faults.zuoraOutage) lines.push(`Zuora unreachable: ${faults.zuoraOutage}`);
    for (const [id, failure] of Object.entries(faults.failures ?? {})) {
        lines.push(`${id} fails: ${typeof failure === 'string' ? failure : failure.errorCode}`);
    }
    if (setup.apiUsage) {
        lines.push(
            `API requests used: ${setup.apiUsage.count ?? `${setup.apiUsage.percent}%`} of today's allowance`
        );
    }
    if (setup.hasPermission === false)
        lines.push('the user lacks the Zuora_On_Demand_Sync permission');
    if (setup.canViewLimits === false)
        lines.push(
            'the user is a rep: no Salesforce limits panel (Zuora_On_Demand_Sync_View_Limits)'
        );
    if (setup.zuoraConfigured === false)
        lines.push('Zuora is not configured (the gateway class does not resolve)');
    for (const name of setup.failingResources)
        lines.push(`static resource ${name} cannot be loaded`);
    return lines;
}
