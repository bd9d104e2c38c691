/**
 * The emulated org: a Salesforce org with Zuora 360 as far as On-Demand Sync sees it, as a
 * library. `startEmulatedOrg()` serves the Apex REST contract over HTTP; `createEmulatedOrg()`
 * gives the org in-process (service, controller, data, faults, audit log).
 */
export { startEmulatedOrg, type RunningOrg, type StartOptions } from './http/server';
export { createOrgRequestHandler, type OrgRequestHandler } from './http/handler';
export { APEX_REST_BASE } from './http/rest-routes';
export { CONTROL_BASE } from './http/control-routes';
export { createEmulatedOrg, EmulatedOrg, type EmulatedOrgOptions, type OrgState } from './org';
export { AdjustableClock, systemClock, type Clock } from './clock';
export { OnDemandSyncService, type SyncServiceDeps } from './sync-service';
export { OnDemandSyncController, type SyncContext } from './controller';
export {
    getBillingAccounts,
    parseSyncBody,
    postSync,
    type BillingAccountsResponse
} from './rest-resource';
export { listBillingAccounts, toRestBillingAccount } from './billing-account-view';
export {
    OrgError,
    toAuraError,
    type AuraError,
    type RestError,
    type ServiceErrorCode
} from './errors';
export { DEFAULT_SETTINGS, ZUORA_GATEWAY_CLASS, type SyncSettings } from './settings';
export { DEFAULT_LABELS, parseCustomLabels, resolveLabels, type Labels } from './labels';
export { ORG_LIMITS, TRANSACTION_LIMITS, OrgLimits, Transaction } from './limits';
export { AuditLog, type AuditRow } from './audit-log';
export {
    FaultInjector,
    SERVER_UNAVAILABLE_MESSAGE,
    validateFaults,
    type Faults,
    type RequestFailure
} from './faults';
export { RequestLog, type ReceivedRequest } from './request-log';
export { OrgData } from './data/org-data';
export type { SeedData, RecentRequestSeed } from './data/seed-data';
export {
    generateBillingAccounts,
    sampleSeed,
    zuoraIdFor,
    SAMPLE_ACCOUNTS,
    SAMPLE_ACCOUNT_IDS,
    SAMPLE_COOLING_DOWN_ID,
    SAMPLE_FAILING_ID,
    SAMPLE_FAILURE_MESSAGE,
    SAMPLE_NO_ZUORA_ID,
    type GenerateOptions
} from './data/seed';
export { DEFAULT_KEY_PREFIXES, ACCOUNT_KEY_PREFIX, type KeyPrefixes } from './key-prefixes';
export type {
    GatewayResult,
    GatewaySession,
    OnDemandSyncGateway,
    SessionItem
} from './gateway/gateway';
export { StubGateway, type StubGatewaySpec } from './gateway/stub-gateway';
export {
    SimulatedZuoraGateway,
    CALLOUT_LIMIT_MESSAGE,
    type SyncJob
} from './gateway/simulated-zuora-gateway';
export {
    checkContractCase,
    runContractCase,
    type ContractCase,
    type ContractFixtures,
    type ContractOutcome
} from './contract/contract-case';
export type * from './types';
export { BackgroundJobs, MAX_JOB_IDS, type JobNotification } from './jobs/background-jobs';
export { getBackgroundJob, startBackgroundSync } from './jobs/job-controller';
export type { JobStatus, JobView } from './jobs/job-view';
