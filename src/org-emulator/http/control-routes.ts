/**
 * The control endpoint, for tests and the playground, answered only to loopback connections
 * (127.0.0.1 or ::1):
 *   GET    /__emulator/state   everything the org holds (limits, audit log, Zuora jobs, requests)
 *   POST   /__emulator/state   { reset?, seed?, hasPermission?, settings?, now?, advanceMinutes?,
 *                                clearRequests? }
 *   GET    /__emulator/faults  the faults in force
 *   PUT    /__emulator/faults  replace them (POST: merge into them); see Faults
 *   DELETE /__emulator/faults  clear them
 */
import { AdjustableClock } from '../clock';
import type { SeedData } from '../data/seed-data';
import { validateFaults } from '../faults';
import type { EmulatedOrg } from '../org';
import type { SyncSettings } from '../settings';
import type { Answer } from './rest-routes';

export const CONTROL_BASE = '/__emulator/';

function problem(status: number, errorCode: string, message: string): Answer {
    return { status, body: [{ errorCode, message }] };
}

function isObject(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Answers one control request (the caller has checked it arrived over loopback). */
export function answerControl(
    org: EmulatedOrg,
    method: string,
    path: string,
    body: unknown
): Answer {
    const name = path.slice(CONTROL_BASE.length).replace(/\/$/, '');
    try {
        if (name === 'state') {
            if (method === 'GET') {
                return { status: 200, body: org.state() };
            }
            if (method === 'POST') {
                changeState(org, body);
                return { status: 200, body: org.state() };
            }
        } else if (name === 'faults') {
            if (method === 'GET') {
                return { status: 200, body: org.faults.current() };
            }
            if (method === 'PUT' || method === 'POST') {
                const faults = validateFaults(body ?? {});
                org.injectFaults(
                    method === 'POST' ? { ...org.faults.current(), ...faults } : faults
                );
                return { status: 200, body: org.faults.current() };
            }
            if (method === 'DELETE') {
                org.clearFaults();
                return { status: 200, body: org.faults.current() };
            }
        } else {
            return problem(404, 'NOT_FOUND', `No control endpoint ${path}`);
        }
        return problem(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed on ${path}`);
    } catch (thrown) {
        const message = thrown instanceof Error ? thrown.message : String(thrown);
        return problem(400, 'INVALID_CONTROL_REQUEST', message);
    }
}

function changeState(org: EmulatedOrg, body: unknown): void {
    if (!isObject(body)) {
        throw new RangeError('the body must be a JSON object');
    }
    const known = [
        'reset',
        'seed',
        'hasPermission',
        'settings',
        'now',
        'advanceMinutes',
        'clearRequests'
    ];
    for (const key of Object.keys(body)) {
        if (!known.includes(key)) {
            throw new RangeError(`unknown key "${key}"; known: ${known.join(', ')}`);
        }
    }
    if (body.now !== undefined || body.advanceMinutes !== undefined) {
        if (!(org.clock instanceof AdjustableClock)) {
            throw new RangeError('this org was started with a clock that cannot be moved');
        }
        if (typeof body.now === 'string') {
            org.clock.set(body.now);
        }
        if (typeof body.advanceMinutes === 'number') {
            org.clock.advance(body.advanceMinutes * 60000);
        }
    }
    if (body.reset === true) {
        org.reset(isObject(body.seed) ? (body.seed as SeedData) : undefined);
    } else if (isObject(body.seed)) {
        org.seed(body.seed as SeedData);
    }
    if (typeof body.hasPermission === 'boolean') {
        org.setPermission(body.hasPermission);
    }
    if (isObject(body.settings)) {
        org.updateSettings(body.settings as Partial<SyncSettings>);
    }
    if (body.clearRequests === true) {
        org.requests.clear();
    }
}
