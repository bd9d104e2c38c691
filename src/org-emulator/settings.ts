/**
 * The org's On_Demand_Sync_Setting__mdt `Default` record, as the emulated org keeps it. The
 * defaults are the values of the record shipped in force-app (a test proves it); values are
 * bounded as the Apex OnDemandSyncSettings bounds them, so the caps never exceed Zuora's limits.
 */
import { SETTING_BOUNDS } from '../bridge/contract';

export interface SyncSettings {
    /** Cooldown_Minutes__c: 0..1440 (bounds and defaults: contract/contract.json). */
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

export const DEFAULT_SETTINGS: SyncSettings = Object.freeze({
    cooldownMinutes: SETTING_BOUNDS.cooldownMinutes.default,
    uiSessionCap: SETTING_BOUNDS.uiSessionCap.default,
    apiSessionCap: SETTING_BOUNDS.apiSessionCap.default,
    warningThresholdPercent: SETTING_BOUNDS.warningThresholdPercent.default,
    emailNotification: false,
    gatewayClass: ZUORA_GATEWAY_CLASS
});

type BoundedSetting = keyof typeof SETTING_BOUNDS;

function bounded(value: unknown, name: BoundedSetting): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new RangeError(`${name} must be a number`);
    }
    const { min, max } = SETTING_BOUNDS[name];
    return Math.min(Math.max(Math.trunc(value), min), max);
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
        cooldownMinutes: bounded(next.cooldownMinutes, 'cooldownMinutes'),
        uiSessionCap: bounded(next.uiSessionCap, 'uiSessionCap'),
        apiSessionCap: bounded(next.apiSessionCap, 'apiSessionCap'),
        warningThresholdPercent: bounded(next.warningThresholdPercent, 'warningThresholdPercent'),
        emailNotification: next.emailNotification,
        gatewayClass:
            next.gatewayClass.trim() === '' ? ZUORA_GATEWAY_CLASS : next.gatewayClass.trim()
    });
}
