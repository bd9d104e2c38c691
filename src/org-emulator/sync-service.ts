/**
 * OnDemandSyncService, in TypeScript: the same rules as the Apex service (the contract fixtures
 * prove both). Order of checks, first failure wins, nothing sent, no audit rows:
 * permission, object type, empty request, ids, count, gateway configuration, pending work in
 * the transaction (PENDING_WORK), callouts left (CALLOUT_LIMIT), readable Zuora id field. Then
 * one result per distinct item in request order (ids first, then Zuora ids), one gateway call
 * for every sendable item, and one audit row per result written after the callout, in the
 * request's transaction; the rows become visible to other transactions when it commits.
 */
import { randomUUID } from 'node:crypto';
import { keyPrefixOf, toId18, isZuoraId } from '../bridge/ids';
import { SYNC_OBJECT_TYPES, SYNC_SOURCES } from '../bridge/types';
import type { AuditLog, NewAuditRow } from './audit-log';
import type { Clock } from './clock';
import { CLAIM_MINUTES, claimEnds, CooldownIndex } from './cooldown';
import type { RecordSelector } from './data/org-data';
import { serviceError } from './errors';
import { requireReadable } from './field-access';
import type {
    GatewayResolver,
    GatewayResult,
    GatewaySession,
    OnDemandSyncGateway
} from './gateway/gateway';
import { DEFAULT_KEY_PREFIXES, type KeyPrefixes } from './key-prefixes';
import { label, resolveLabels, type Labels } from './labels';
import { OrgLimits, PlatformException, Transaction } from './limits';
import type { SyncSettings } from './settings';
import { formatTime, type TimeFormatter } from './time-format';
import type {
    ServiceItemStatus,
    SyncInput,
    SyncItemResult,
    SyncObjectType,
    SyncRecord,
    SyncResponse,
    SyncSource
} from './types';

export interface SyncServiceDeps {
    readonly clock: Clock;
    /** FeatureManagement.checkPermission('Zuora_On_Demand_Sync') for the running user. */
    readonly hasPermission: () => boolean;
    /** The Zuora_On_Demand_Sync_Unsynced_Accounts custom permission; default none. */
    readonly canSyncUnsyncedAccounts?: () => boolean;
    readonly settings: () => SyncSettings;
    readonly resolveGateway: GatewayResolver;
    readonly records: RecordSelector;
    readonly auditLog: AuditLog;
    readonly orgLimits?: OrgLimits;
    readonly keyPrefixes?: KeyPrefixes;
    readonly labels?: Labels;
    /** How messages show a moment (the running user's locale and zone); default UTC. */
    readonly formatTime?: TimeFormatter;
    /** The running user (Requested_By__c). */
    readonly userId?: string;
    /** A new unique id per call; default a random UUID. */
    readonly newRequestId?: () => string;
    /** Whether the Zuora package (its objects) is installed; default true. */
    readonly zuoraInstalled?: () => boolean;
}

/** One distinct requested item while the service works on it (or a background job's row). */
export interface WorkItem {
    readonly kind: 'record' | 'zuora';
    /** The id as answered: 18-character record id, or the Zuora id as given. */
    id: string;
    recordId: string | null;
    zuoraId: string | null;
    name: string | null;
    accountId: string | null;
    status?: ServiceItemStatus;
    message?: string;
    jobId?: string | null;
    cooldownUntil?: string | null;
    raw?: unknown;
    /** The audit row of this user's claim on the item, updated with its outcome. */
    claimRowId?: string;
}

/** The validated input. */
export interface ValidRequest {
    readonly objectType: SyncObjectType;
    readonly recordIds: string[];
    readonly zuoraIds: string[];
    readonly source: SyncSource;
    readonly emailNotification: boolean | null;
    readonly claimId: string | null;
    /** Set by the record page: the Account every record must belong to. */
    readonly owningAccountId: string | null;
}

/** Who a request is for, as an entry point knows it (not part of the request's JSON). */
export interface RequestScope {
    /** The Account the record page shows: every record id must be one of its billing accounts. */
    readonly owningAccountId?: string;
    /** The most distinct ids (a background job's cap); default the session cap of the source. */
    readonly maxIds?: number;
}

function isBlank(value: unknown): boolean {
    return (
        value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
    );
}

function describeValue(value: unknown): string {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

/** An id as given, without surrounding spaces (non-text values as JSON). */
function trimmed(value: unknown): string {
    return describeValue(value ?? '').trim();
}

export class OnDemandSyncService {
    private readonly labels: Labels;
    private readonly formatTime: TimeFormatter;
    private readonly keyPrefixes: KeyPrefixes;

    constructor(private readonly deps: SyncServiceDeps) {
        this.labels = deps.labels ?? resolveLabels();
        this.formatTime = deps.formatTime ?? formatTime;
        this.keyPrefixes = deps.keyPrefixes ?? DEFAULT_KEY_PREFIXES;
    }

    /**
     * Requests an on-demand sync. Throws OrgError for a request-level error; per-item problems
     * (not found, no Zuora id, cooldown, another request's claim, Zuora's refusal or failure)
     * are results. With `claimId`, the items that claim holds for this user are sent and its
     * rows end with their outcome.
     */
    async requestSync(
        input: SyncInput,
        transaction: Transaction = new Transaction(),
        scope: RequestScope = {}
    ): Promise<SyncResponse> {
        return this.process(input, transaction, false, scope);
    }

    /**
     * Claims records for a sync the same user sends later with the answer's requestId as
     * claimId (OnDemandSyncService.claim): each claimable item answers CLAIMED and is held for
     * CLAIM_MINUTES, so any other request for it answers SKIPPED until the claim is sent or
     * lapses. No callout. Nothing awaits between reading and writing here, so two claims are
     * made one after the other, as FOR UPDATE on the records serialises them in Salesforce.
     */
    async claim(
        input: SyncInput,
        transaction: Transaction = new Transaction()
    ): Promise<SyncResponse> {
        return this.process(input, transaction, true);
    }

    /**
     * Checks a background job's request as a sync would, with at most `cap` distinct ids, and
     * reads its items (OnDemandSyncPlanner.screen): an item a sync would answer without a
     * callout (not found, hidden, no Zuora id) carries its status. No callout, no write.
     */
    screen(
        input: SyncInput,
        transaction: Transaction,
        cap: number
    ): { request: ValidRequest; items: WorkItem[] } {
        const settings = this.deps.settings();
        const request = this.validate(input, settings, { maxIds: cap });
        if (this.deps.resolveGateway(settings.gatewayClass) === null) {
            throw serviceError(
                'ZUORA_NOT_CONFIGURED',
                label(this.labels, 'OnDemandSync_Error_ZuoraNotConfigured')
            );
        }
        return { request, items: this.readItems(request, transaction) };
    }

    /**
     * Sends one session of items already screened and claimed (a background execution's rows)
     * through the configured gateway, in `transaction`; sets each item's status and message.
     * Zuora is never asked to email: the job's owner is notified when it ends.
     */
    async sendSession(
        objectType: SyncObjectType,
        items: WorkItem[],
        transaction: Transaction
    ): Promise<void> {
        const settings = this.deps.settings();
        const gateway = this.deps.resolveGateway(settings.gatewayClass);
        if (gateway === null) {
            throw serviceError(
                'ZUORA_NOT_CONFIGURED',
                label(this.labels, 'OnDemandSync_Error_ZuoraNotConfigured')
            );
        }
        const request: ValidRequest = {
            objectType,
            recordIds: [],
            zuoraIds: [],
            source: 'API',
            emailNotification: false,
            claimId: null,
            owningAccountId: null
        };
        await this.send(gateway, request, items, settings, {
            now: this.deps.clock.now(),
            transaction
        });
    }

    private async process(
        input: SyncInput,
        transaction: Transaction,
        claimOnly: boolean,
        scope: RequestScope = {}
    ): Promise<SyncResponse> {
        const settings = this.deps.settings();
        const request = this.validate(input, settings, scope);
        const gateway = this.deps.resolveGateway(settings.gatewayClass);
        // Without the Zuora package no record could be found: say what is missing instead.
        if (gateway === null || !(this.deps.zuoraInstalled?.() ?? true)) {
            throw serviceError(
                'ZUORA_NOT_CONFIGURED',
                label(this.labels, 'OnDemandSync_Error_ZuoraNotConfigured')
            );
        }
        if (!claimOnly) {
            this.requireTransactionAllows(request, transaction);
        }
        const now = this.deps.clock.now();
        const requestId = (this.deps.newRequestId ?? randomUUID)();

        const items = this.readItems(request, transaction);
        this.applyCooldowns(items, now, settings, transaction, {
            claimOnly,
            claimId: request.claimId
        });
        const sendable = items.filter((item) => item.status === undefined);
        if (sendable.length > 0) {
            await this.send(gateway, request, sendable, settings, { now, transaction });
        }

        const results = items.map((item) => this.toResult(item));
        this.audit(request, items, results, requestId, now, transaction);
        // The entry point returns right after the service: its transaction commits here.
        transaction.commit(this.deps.auditLog);
        return {
            requestId,
            results,
            limits: [...transaction.snapshot(), ...(this.deps.orgLimits?.snapshot() ?? [])]
        };
    }

    private validate(input: SyncInput, settings: SyncSettings, scope: RequestScope): ValidRequest {
        if (!this.deps.hasPermission()) {
            throw serviceError(
                'INSUFFICIENT_ACCESS',
                label(this.labels, 'OnDemandSync_Error_InsufficientAccess')
            );
        }
        // Exactly BILLING_ACCOUNT or PRODUCT (as the Apex service reads it); blank is the default.
        const objectTypeText = isBlank(input.objectType) ? 'BILLING_ACCOUNT' : input.objectType;
        const objectType = SYNC_OBJECT_TYPES.find((type) => type === objectTypeText);
        if (objectType === undefined) {
            throw serviceError(
                'INVALID_OBJECT_TYPE',
                label(
                    this.labels,
                    'OnDemandSync_Error_InvalidObjectType',
                    describeValue(input.objectType)
                )
            );
        }
        const ids = input.ids ?? [];
        const zuoraIds = input.zuoraIds ?? [];
        if (ids.length === 0 && zuoraIds.length === 0) {
            throw serviceError(
                'EMPTY_REQUEST',
                label(this.labels, 'OnDemandSync_Error_EmptyRequest')
            );
        }

        const prefix = this.keyPrefixes[objectType];
        const recordIds: string[] = [];
        for (const value of ids) {
            const given = trimmed(value);
            const id18 = toId18(given);
            if (id18 === null || keyPrefixOf(id18) !== prefix) {
                throw serviceError(
                    'INVALID_ID',
                    label(this.labels, 'OnDemandSync_Error_InvalidId', given)
                );
            }
            if (!recordIds.includes(id18)) {
                recordIds.push(id18);
            }
        }
        const distinctZuoraIds: string[] = [];
        const seenZuora = new Set<string>();
        for (const value of zuoraIds) {
            const given = trimmed(value);
            if (!isZuoraId(given)) {
                throw serviceError(
                    'INVALID_ID',
                    label(this.labels, 'OnDemandSync_Error_InvalidZuoraId', given)
                );
            }
            if (!seenZuora.has(given.toLowerCase())) {
                seenZuora.add(given.toLowerCase());
                distinctZuoraIds.push(given);
            }
        }

        const sourceText = isBlank(input.source)
            ? 'API'
            : String(input.source).trim().toUpperCase();
        // An unknown source is recorded as API: the picklist only holds the four sources.
        const source = SYNC_SOURCES.find((known) => known === sourceText) ?? 'API';
        // The record page's cap is its own (UI_Session_Cap__c); every other door has the API's,
        // but a background job's, which takes many sessions.
        const cap =
            scope.maxIds ?? (source === 'UI' ? settings.uiSessionCap : settings.apiSessionCap);
        const count = recordIds.length + distinctZuoraIds.length;
        if (count > cap) {
            throw serviceError(
                'TOO_MANY_IDS',
                label(this.labels, 'OnDemandSync_Error_TooManyIds', cap, count)
            );
        }
        return {
            objectType,
            recordIds,
            zuoraIds: distinctZuoraIds,
            source,
            owningAccountId: scope.owningAccountId ?? null,
            emailNotification:
                typeof input.emailNotification === 'boolean' ? input.emailNotification : null,
            claimId: isBlank(input.claimId) ? null : String(input.claimId).trim()
        };
    }

    /**
     * Refuses what Salesforce would not let call out: a transaction with uncommitted work, or
     * fewer callouts left than the request has items (each may cost one).
     */
    private requireTransactionAllows(request: ValidRequest, transaction: Transaction): void {
        if (transaction.pendingWork) {
            throw serviceError(
                'PENDING_WORK',
                label(this.labels, 'OnDemandSync_Error_PendingWork')
            );
        }
        const needed = request.recordIds.length + request.zuoraIds.length;
        if (needed > transaction.calloutsLeft()) {
            throw serviceError(
                'CALLOUT_LIMIT',
                label(
                    this.labels,
                    'OnDemandSync_Error_CalloutLimit',
                    needed,
                    transaction.calloutsLeft()
                )
            );
        }
    }

    /** Reads the records (user mode) and builds one work item per distinct id, in request order. */
    private readItems(request: ValidRequest, transaction: Transaction): WorkItem[] {
        // A sync cannot do without the Zuora id: refuse clearly rather than skip every record.
        requireReadable(this.deps.records, this.labels, ['zuoraId']);
        const items: WorkItem[] = [];
        if (request.recordIds.length > 0) {
            const found = this.deps.records.selectByIds(request.objectType, request.recordIds);
            transaction.query(found.length);
            const byId = new Map(found.map((record) => [record.id, record]));
            this.requireOwnedRecords(request, byId);
            for (const recordId of request.recordIds) {
                const record = byId.get(recordId);
                const item: WorkItem = {
                    kind: 'record',
                    id: recordId,
                    recordId,
                    zuoraId: record?.zuoraId ?? null,
                    name: record?.name ?? null,
                    accountId: record?.accountId ?? null
                };
                if (record === undefined) {
                    item.status = 'FAILED';
                    item.message = label(this.labels, 'OnDemandSync_Item_NotFound');
                } else if (isBlank(record.zuoraId)) {
                    item.zuoraId = null;
                    item.status = 'SKIPPED';
                    item.message = label(this.labels, 'OnDemandSync_Item_NoZuoraId');
                }
                items.push(item);
            }
        }
        if (request.zuoraIds.length > 0) {
            const found = this.deps.records.selectByZuoraIds(request.objectType, request.zuoraIds);
            transaction.query(found.length);
            const byZuoraId = new Map<string, SyncRecord>();
            for (const record of found) {
                const key = (record.zuoraId ?? '').toLowerCase();
                if (!byZuoraId.has(key)) {
                    byZuoraId.set(key, record);
                }
            }
            const unseen = request.zuoraIds.filter((id) => !byZuoraId.has(id.toLowerCase()));
            const existing =
                unseen.length === 0
                    ? new Set<string>()
                    : this.deps.records.existingZuoraIds(request.objectType, unseen);
            if (unseen.length > 0) {
                transaction.query(existing.size);
            }
            const mayAddAccounts = this.deps.canSyncUnsyncedAccounts?.() ?? false;
            for (const zuoraId of request.zuoraIds) {
                const record = byZuoraId.get(zuoraId.toLowerCase());
                const item: WorkItem = {
                    kind: 'zuora',
                    id: record?.id ?? zuoraId,
                    recordId: record?.id ?? null,
                    zuoraId,
                    name: record?.name ?? null,
                    accountId: record?.accountId ?? null
                };
                if (record === undefined && existing.has(zuoraId.toLowerCase())) {
                    item.status = 'FAILED';
                    item.message = label(this.labels, 'OnDemandSync_Item_NotVisible');
                } else if (record === undefined && !mayAddAccounts) {
                    item.status = 'FAILED';
                    item.message = label(this.labels, 'OnDemandSync_Item_UnsyncedNotPermitted');
                }
                items.push(item);
            }
        }
        return items;
    }

    /**
     * With an owning Account (the record page), every record id must be a visible billing
     * account of that Account, checked on the records the request reads anyway: one foreign,
     * hidden or missing record refuses the whole request before anything is sent.
     */
    private requireOwnedRecords(
        request: ValidRequest,
        byId: ReadonlyMap<string, SyncRecord>
    ): void {
        const owner = request.owningAccountId;
        if (owner !== null && request.recordIds.some((id) => byId.get(id)?.accountId !== owner)) {
            throw serviceError(
                'INSUFFICIENT_ACCESS',
                label(this.labels, 'OnDemandSync_Error_NotThisAccount')
            );
        }
    }

    /**
     * Skips the items inside their cooldown. An item about to be sent starts its cooldown at
     * once, so a later item of the same request naming the same record (by id and by Zuora id)
     * is skipped too.
     */
    private applyCooldowns(
        items: WorkItem[],
        now: Date,
        settings: SyncSettings,
        transaction: Transaction,
        mode: { claimOnly: boolean; claimId: string | null }
    ): void {
        const candidates = items.filter((item) => item.status === undefined);
        const index = CooldownIndex.read(
            this.deps.auditLog,
            candidates,
            now,
            settings.cooldownMinutes,
            transaction
        );
        if (index.queried) {
            transaction.query(candidates.length);
        }
        for (const item of candidates) {
            const until = index.activeUntil(item, now);
            if (until !== null) {
                item.status = 'SKIPPED';
                item.cooldownUntil = until.toISOString();
                item.message = label(
                    this.labels,
                    'OnDemandSync_Item_CoolingDown',
                    this.formatTime(until)
                );
                continue;
            }
            const claim = index.claimOf(item);
            const own =
                claim !== null &&
                mode.claimId !== null &&
                claim.requestId === mode.claimId &&
                claim.requestedBy === (this.deps.userId ?? '');
            if (claim !== null && !own) {
                const ends = claimEnds(claim);
                item.status = 'SKIPPED';
                item.cooldownUntil = ends.toISOString();
                item.message = label(
                    this.labels,
                    'OnDemandSync_Item_InProgress',
                    this.formatTime(ends)
                );
                continue;
            }
            index.register(item, now);
            if (mode.claimOnly) {
                const until = new Date(now.getTime() + CLAIM_MINUTES * 60000);
                item.status = 'CLAIMED';
                item.cooldownUntil = until.toISOString();
                item.message = label(
                    this.labels,
                    'OnDemandSync_Item_Claimed',
                    this.formatTime(until)
                );
            } else if (claim !== null) {
                item.claimRowId = claim.rowId;
            }
        }
    }

    private async send(
        gateway: OnDemandSyncGateway,
        request: ValidRequest,
        sendable: WorkItem[],
        settings: SyncSettings,
        context: { now: Date; transaction: Transaction }
    ): Promise<void> {
        const records = sendable.filter((item) => item.kind === 'record');
        const zuora = sendable.filter((item) => item.kind === 'zuora');
        const session: GatewaySession = {
            objectType: request.objectType,
            recordIds: records.map((item) => item.recordId as string),
            zuoraIds: zuora.map((item) => item.zuoraId as string),
            emailNotification: request.emailNotification ?? settings.emailNotification,
            items: [
                ...records.map((item) => ({ recordId: item.recordId, zuoraId: item.zuoraId })),
                ...zuora.map((item) => ({ recordId: null, zuoraId: item.zuoraId }))
            ]
        };
        let results: readonly GatewayResult[];
        try {
            results = await gateway.send(session, context);
        } catch (error) {
            // Apex cannot catch a LimitException: the whole transaction fails.
            if (error instanceof PlatformException && error.type === 'System.LimitException') {
                throw error;
            }
            const reason = error instanceof Error ? error.message : String(error);
            for (const item of sendable) {
                item.status = 'FAILED';
                item.message = label(this.labels, 'OnDemandSync_Item_ZuoraError', reason);
            }
            return;
        }
        const unused = new Set(results);
        const byPosition = results.length === sendable.length && !results.some(hasId);
        for (const [position, item] of sendable.entries()) {
            const result = byPosition ? results[position] : matchResult(item, [...unused]);
            if (result === undefined) {
                item.status = 'FAILED';
                item.message = label(this.labels, 'OnDemandSync_Item_NoResult');
                continue;
            }
            unused.delete(result);
            item.raw = result.raw ?? result;
            if (result.success) {
                item.status = 'REQUESTED';
                item.message = label(this.labels, 'OnDemandSync_Item_Requested');
                item.jobId = result.jobId;
            } else {
                item.status = 'FAILED';
                item.message = isBlank(result.message)
                    ? label(this.labels, 'OnDemandSync_Item_ZuoraRefused')
                    : (result.message as string);
            }
        }
    }

    private toResult(item: WorkItem): SyncItemResult {
        return {
            id: item.id,
            zuoraId: item.zuoraId,
            name: item.name,
            status: item.status ?? 'FAILED',
            message: item.message ?? null,
            jobId: item.jobId ?? null,
            cooldownUntil: item.cooldownUntil ?? null
        };
    }

    private audit(
        request: ValidRequest,
        items: readonly WorkItem[],
        results: readonly SyncItemResult[],
        requestId: string,
        now: Date,
        transaction: Transaction
    ): void {
        const requestedAt = now.toISOString();
        const rows: (NewAuditRow & { claimRowId?: string })[] = items.map((item, index) => ({
            requestedBy: this.deps.userId ?? '',
            requestedAt,
            source: request.source,
            objectType: request.objectType,
            recordId: item.recordId,
            recordName: item.name,
            zuoraId: item.zuoraId,
            accountId: item.accountId,
            status: results[index].status,
            message: results[index].message,
            jobId: results[index].jobId,
            requestId,
            rawResult: item.raw === undefined ? null : JSON.stringify(item.raw),
            claimRowId: item.claimRowId
        }));
        // A claimed item that was sent updates its claim's row: the claim ends with the outcome.
        const updates = rows.flatMap(({ claimRowId, ...row }) =>
            claimRowId === undefined ? [] : [{ id: claimRowId, row }]
        );
        const inserts = rows
            .filter((row) => row.claimRowId === undefined)
            .map(({ claimRowId: _unused, ...row }) => row);
        if (inserts.length > 0) {
            transaction.insertAudit(inserts);
        }
        if (updates.length > 0) {
            transaction.updateAudit(updates);
        }
    }
}

/**
 * Whether Zuora's result names its item. When no result of a session does and Zuora answered
 * one result per sent item, results are matched by position (the assumption the Apex
 * dispatcher writes down).
 */
function hasId(result: GatewayResult): boolean {
    return result.recordId !== null || result.zuoraId !== null;
}

/** Matches a gateway result to an item: by 18-character record id first, then by Zuora id. */
function matchResult(item: WorkItem, results: readonly GatewayResult[]): GatewayResult | undefined {
    if (item.recordId !== null) {
        const byRecord = results.find(
            (result) => result.recordId !== null && toId18(result.recordId) === item.recordId
        );
        if (byRecord !== undefined) {
            return byRecord;
        }
    }
    const zuoraId = item.zuoraId?.toLowerCase();
    return zuoraId === undefined
        ? undefined
        : results.find(
              (result) => result.zuoraId !== null && result.zuoraId.toLowerCase() === zuoraId
          );
}
