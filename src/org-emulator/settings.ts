/**
 * The org's On_Demand_Sync_Setting__mdt `Default` record, as the emulated org keeps it. The
 * defaults are the values of the record shipped in force-app (a test proves it); values are
 * bounded as the Apex OnDemandSyncSettings bounds them, so the caps never exceed Zuora's limits.
 */
import { DEFAULT_COOLDOWN_MINUTES } from '../bridge/cooldown';
import { API_SESSION_CAP, UI_SESSION_CAP } from '../bridge/selection';

export interface SyncSettings {
    /** Cooldown_Minutes__c: 0..1440. */
    readonly cooldownMinutes: number;
    /** UI_Session_Cap__c: most records per sync from the record page, 1..8. */
    readonly uiSessionCap: number;
    /** API_Session_Cap__c: most records per service call, 1..10. */
    readonly apiSessionCap: number;
    /** Warning_Threshold_Percent__c: 1..100. */
    readonly warningThresholdPercent: number;
    /** Email_Notification__c: used when a request does not say. */
    readonly emailNotification: boolean;
    /** Gateway_Class__c: the gateway implementation, found by name; blank means the default. */
    readonly gatewayClass: string;
}

/** The class name of the Zuora gateway (zuora-adapter). */
export const ZUORA_GATEWAY_CLASS = 'ZuoraOnDemandSyncGateway';

export const MAX_COOLDOWN_MINUTES = 1440;

export const DEFAULT_SETTINGS: SyncSettings = Object.freeze({
    cooldownMinutes: DEFAULT_COOLDOWN_MINUTES,
    uiSessionCap: UI_SESSION_CAP,
    apiSessionCap: API_SESSION_CAP,
    warningThresholdPercent: 80,
    emailNotification: false,
    gatewayClass: ZUORA_GATEWAY_CLASS
});

function bounded(value: unknown, name: string, low: number, high: number): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new RangeError(`${name} must be a number`);
    }
    return Math.min(Math.max(Math.trunc(value), low), high);
}

/** The settings with `changes` applied and bounded; throws RangeError on a value of the wrong type. */
export function withSettings(
    base: SyncSettings,
    changes: Partial<SyncSettings> = {}
): SyncSettings {
    const next = { ...base, ...changes };
    if (typeof next.emailNotification !== 'boolean') {
        throw new RangeError('emailNotification must be true or false');
    }
    if (typeof next.gatewayClass !== 'string') {
        throw new RangeError('gatewayClass must be a class name');
    }
    return Object.freeze({
        cooldownMinutes: bounded(next.cooldownMinutes, 'cooldownMinutes', 0, MAX_COOLDOWN_MINUTES),
        uiSessionCap: bounded(next.uiSessionCap, 'uiSessionCap', 1, UI_SESSION_CAP),
        apiSessionCap: bounded(next.apiSessionCap, 'apiSessionCap', 1, API_SESSION_CAP),
        warningThresholdPercent: bounded(
            next.warningThresholdPercent,
            'warningThresholdPercent',
            1,
            100
        ),
        emailNotification: next.emailNotification,
        gatewayClass:
            next.gatewayClass.trim() === '' ? ZUORA_GATEWAY_CLASS : next.gatewayClass.trim()
    });
}
