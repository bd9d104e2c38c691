/**
 * On_Demand_Sync_Log__c, in memory: one row per result of every service call, written after
 * the Zuora callout in one insert.
 */
import { toId18 } from '../bridge/ids';
import type { ServiceItemStatus, SyncObjectType, SyncSource } from './types';

/** A row's status: a result's, or PENDING for a background job's item not yet sent. */
export type AuditStatus = ServiceItemStatus | 'PENDING';

export interface AuditRow {
    /** Record id (key prefix a0Z). */
    readonly id: string;
    /** Auto number ODS-{000000}. */
    readonly name: string;
    readonly requestedBy: string;
    /** ISO time. */
    readonly requestedAt: string;
    readonly source: SyncSource;
    readonly objectType: SyncObjectType;
    readonly recordId: string | null;
    readonly recordName: string | null;
    readonly zuoraId: string | null;
    readonly accountId: string | null;
    readonly status: AuditStatus;
    readonly message: string | null;
    readonly jobId: string | null;
    readonly requestId: string;
    /** Raw JSON of Zuora's result, for diagnostics. */
    readonly rawResult: string | null;
    /** Sync_Job__c: the background job this row is an item of. */
    readonly syncJobId?: string | null;
}

export type NewAuditRow = Omit<AuditRow, 'id' | 'name'>;

/** Text field lengths of On_Demand_Sync_Log__c, applied as Salesforce truncates on insert. */
const MAX_LENGTH = { recordName: 255, message: 255, jobId: 255, rawResult: 32768 } as const;

function truncate(value: string | null, max: number): string | null {
    return value === null || value.length <= max ? value : value.slice(0, max);
}

/** Statuses that hold a record: a request starts a cooldown, a claim marks a sync in progress. */
const HOLDING_STATUSES: readonly AuditStatus[] = ['REQUESTED', 'CLAIMED'];

/** A row's match keys: its record id and its Zuora id in lower case. */
function keysOf(row: { recordId: string | null; zuoraId: string | null }): string[] {
    const keys: string[] = [];
    if (row.recordId !== null) keys.push(`id:${row.recordId}`);
    if (row.zuoraId !== null) keys.push(`zuora:${row.zuoraId.toLowerCase()}`);
    return keys;
}

/**
 * The REQUESTED and CLAIMED rows among `rows` requested after `since` and at or before `until`
 * for any of the record ids or Zuora ids (Zuora ids compared case-insensitively, as SOQL
 * compares text).
 */
export function requestedBetween<T extends NewAuditRow>(
    rows: readonly T[],
    window: { since: Date; until: Date },
    recordIds: readonly string[],
    zuoraIds: readonly string[]
): T[] {
    const wanted = new Set([
        ...recordIds.map((id) => `id:${id}`),
        ...zuoraIds.map((id) => `zuora:${id.toLowerCase()}`)
    ]);
    const after = window.since.getTime();
    const until = window.until.getTime();
    return rows.filter((row) => {
        const at = Date.parse(row.requestedAt);
        return (
            HOLDING_STATUSES.includes(row.status) &&
            at > after &&
            at <= until &&
            keysOf(row).some((key) => wanted.has(key))
        );
    });
}

export class AuditLog {
    /**
     * Whether the running user may read the log in user mode (the permission set grants it).
     * The billing-account listing leaves cooldowns out when not.
     */
    readable = true;

    private readonly entries: AuditRow[] = [];
    /** REQUESTED and CLAIMED rows by record id and Zuora id, so cooldown reads do not scan. */
    private readonly requestedByKey = new Map<string, AuditRow[]>();
    private readonly byId = new Map<string, number>();
    private sequence = 0;

    /** Inserts rows (one DML statement) and returns them as stored. */
    insert(rows: readonly NewAuditRow[]): AuditRow[] {
        const stored = rows.map((row) => {
            this.sequence += 1;
            const number = String(this.sequence).padStart(6, '0');
            return Object.freeze({
                ...row,
                recordName: truncate(row.recordName, MAX_LENGTH.recordName),
                message: truncate(row.message, MAX_LENGTH.message),
                jobId: truncate(row.jobId, MAX_LENGTH.jobId),
                rawResult: truncate(row.rawResult, MAX_LENGTH.rawResult),
                id: toId18(`a0Z8d0000${number}`) as string,
                name: `ODS-${number}`
            });
        });
        for (const row of stored) {
            this.byId.set(row.id, this.entries.length);
            this.entries.push(row);
            this.index(row);
        }
        return stored;
    }

    /** Updates a row in place (a claim that ends with its outcome); its id and name stay. */
    update(id: string, changes: NewAuditRow): AuditRow {
        const at = this.byId.get(id) ?? -1;
        if (at < 0) {
            throw new RangeError(`No audit row ${id}`);
        }
        const old = this.entries[at];
        for (const key of keysOf(old)) {
            const list = this.requestedByKey.get(key) ?? [];
            this.requestedByKey.set(
                key,
                list.filter((row) => row !== old)
            );
        }
        const updated = Object.freeze({
            ...changes,
            recordName: truncate(changes.recordName, MAX_LENGTH.recordName),
            message: truncate(changes.message, MAX_LENGTH.message),
            jobId: truncate(changes.jobId, MAX_LENGTH.jobId),
            rawResult: truncate(changes.rawResult, MAX_LENGTH.rawResult),
            id: old.id,
            name: old.name
        });
        this.entries[at] = updated;
        this.index(updated);
        return updated;
    }

    private index(row: AuditRow): void {
        if (!HOLDING_STATUSES.includes(row.status)) {
            return;
        }
        for (const key of keysOf(row)) {
            const list = this.requestedByKey.get(key) ?? [];
            list.push(row);
            this.requestedByKey.set(key, list);
        }
    }

    /** The row with this id, or null. */
    row(id: string): AuditRow | null {
        const at = this.byId.get(id);
        return at === undefined ? null : this.entries[at];
    }

    /** Every row, oldest first. */
    rows(): readonly AuditRow[] {
        return this.entries.slice();
    }

    /**
     * REQUESTED and CLAIMED rows requested after `since` and at or before `until` (a row dated
     * in the future is not a request the service made) for any of the record ids or Zuora ids.
     */
    recentRequested(
        window: { since: Date; until: Date },
        recordIds: readonly string[],
        zuoraIds: readonly string[]
    ): AuditRow[] {
        const candidates = new Set<AuditRow>();
        for (const key of [
            ...recordIds.map((id) => `id:${id}`),
            ...zuoraIds.map((id) => `zuora:${id.toLowerCase()}`)
        ]) {
            for (const row of this.requestedByKey.get(key) ?? []) candidates.add(row);
        }
        return requestedBetween([...candidates], window, recordIds, zuoraIds);
    }

    clear(): void {
        this.entries.length = 0;
        this.requestedByKey.clear();
        this.byId.clear();
        this.sequence = 0;
    }
}
