/**
 * On_Demand_Sync_Log__c, in memory: one row per result of every service call, written after
 * the Zuora callout in one insert.
 */
import { toId18 } from '../bridge/ids';
import type { ServiceItemStatus, SyncObjectType, SyncSource } from './types';

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
    readonly status: ServiceItemStatus;
    readonly message: string | null;
    readonly jobId: string | null;
    readonly requestId: string;
    /** Raw JSON of Zuora's result, for diagnostics. */
    readonly rawResult: string | null;
}

export type NewAuditRow = Omit<AuditRow, 'id' | 'name'>;

/** Text field lengths of On_Demand_Sync_Log__c, applied as Salesforce truncates on insert. */
const MAX_LENGTH = { recordName: 255, message: 255, jobId: 255, rawResult: 32768 } as const;

function truncate(value: string | null, max: number): string | null {
    return value === null || value.length <= max ? value : value.slice(0, max);
}

export class AuditLog {
    private readonly entries: AuditRow[] = [];
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
        this.entries.push(...stored);
        return stored;
    }

    /** Every row, oldest first. */
    rows(): readonly AuditRow[] {
        return this.entries.slice();
    }

    /**
     * REQUESTED rows newer than `since` for any of the record ids or Zuora ids (Zuora ids
     * compared case-insensitively, as SOQL compares text).
     */
    recentRequested(
        since: Date,
        recordIds: readonly string[],
        zuoraIds: readonly string[]
    ): AuditRow[] {
        const records = new Set(recordIds);
        const zuora = new Set(zuoraIds.map((id) => id.toLowerCase()));
        const after = since.getTime();
        return this.entries.filter(
            (row) =>
                row.status === 'REQUESTED' &&
                Date.parse(row.requestedAt) > after &&
                ((row.recordId !== null && records.has(row.recordId)) ||
                    (row.zuoraId !== null && zuora.has(row.zuoraId.toLowerCase())))
        );
    }

    clear(): void {
        this.entries.length = 0;
        this.sequence = 0;
    }
}
