/**
 * Governor limits and transaction rules as the emulated org enforces them, per transaction (one
 * REST request or one controller call) and per org per day. Where Salesforce throws, the
 * emulated transaction throws a PlatformException with the platform's type and message:
 * - a callout after uncommitted work (DML, an enqueued job) in the same transaction;
 * - the 101st callout of a transaction, or callouts past 120 s in all;
 * - its audit rows stay private to the transaction until it commits (other transactions in
 *   flight see only what was committed before they read).
 * The transaction's CpuTime and HeapSize are estimates from the work done, so that answers are
 * repeatable.
 */
import type { LimitEntry } from '../bridge/types';
import type { AuditLog, AuditRow, NewAuditRow } from './audit-log';

/** An exception the platform raises (System.CalloutException, System.LimitException, ...). */
export class PlatformException extends Error {
    constructor(
        readonly type: string,
        message: string
    ) {
        super(message);
        Object.setPrototypeOf(this, new.target.prototype);
        this.name = type;
    }
}

/** The platform's own words, as Apex reports them. */
export const PLATFORM_MESSAGES = Object.freeze({
    uncommittedWork:
        'You have uncommitted work pending. Please commit or rollback before calling out',
    tooManyCallouts: 'Too many callouts: 101',
    calloutTime: 'Exceeded maximum time allotted for callout (120000 ms)'
});

/** Total callout time a transaction may spend. */
export const MAX_CALLOUT_MS = 120000;

/** Synchronous Apex transaction limits. */
export const TRANSACTION_LIMITS = Object.freeze({
    Callouts: 100,
    SoqlQueries: 100,
    DmlStatements: 150,
    CpuTime: 10000,
    HeapSize: 6000000
});

/** Daily org limits of an Enterprise Edition org with a handful of licences. */
export const ORG_LIMITS = Object.freeze({
    DailyApiRequests: 15000,
    DailyAsyncApexExecutions: 250000
});

export type OrgLimitName = keyof typeof ORG_LIMITS;

/** The work of one transaction. */
export class Transaction {
    callouts = 0;
    soqlQueries = 0;
    dmlStatements = 0;
    /** Milliseconds spent in callouts so far. */
    calloutMs = 0;
    /** Records and rows handled, for the CpuTime and HeapSize estimates. */
    rowsHandled = 0;
    /** Audit rows this transaction has committed (inserted or updated). */
    auditRowsWritten = 0;
    /** DML or an enqueued job happened: Salesforce refuses any callout from now on. */
    pendingWork = false;
    private readonly uncommitted: NewAuditRow[] = [];
    private readonly pendingUpdates: { id: string; row: NewAuditRow }[] = [];

    /** Callouts the transaction may still make. */
    calloutsLeft(): number {
        return TRANSACTION_LIMITS.Callouts - this.callouts;
    }

    /**
     * Makes one callout taking `ms`, as the platform allows it: throws System.CalloutException
     * after uncommitted work or past 120 s of callouts, System.LimitException at the 101st.
     */
    callout(ms = 0): void {
        if (this.pendingWork) {
            throw new PlatformException(
                'System.CalloutException',
                PLATFORM_MESSAGES.uncommittedWork
            );
        }
        if (this.callouts >= TRANSACTION_LIMITS.Callouts) {
            throw new PlatformException('System.LimitException', PLATFORM_MESSAGES.tooManyCallouts);
        }
        if (this.calloutMs + ms > MAX_CALLOUT_MS) {
            throw new PlatformException('System.CalloutException', PLATFORM_MESSAGES.calloutTime);
        }
        this.callouts += 1;
        this.calloutMs += ms;
    }

    /**
     * Takes one callout for Zuora's package, which checks the limit itself: false when the
     * transaction has no callout left (Zuora then fails the item). The platform's other rules
     * (uncommitted work, callout time) throw as for any callout.
     */
    useCallout(ms = 0): boolean {
        if (this.callouts >= TRANSACTION_LIMITS.Callouts) {
            return false;
        }
        this.callout(ms);
        return true;
    }

    /** An enqueued job (System.enqueueJob): pending work, like DML. */
    enqueue(): void {
        this.pendingWork = true;
    }

    /** Inserts audit rows in this transaction (one DML statement); others see them on commit. */
    insertAudit(rows: readonly NewAuditRow[]): void {
        this.dml(rows.length);
        this.uncommitted.push(...rows);
    }

    /** Updates an audit row in this transaction (one DML statement per call). */
    updateAudit(updates: readonly { id: string; row: NewAuditRow }[]): void {
        this.dml(updates.length);
        this.pendingUpdates.push(...updates);
    }

    /** The audit row updates this transaction has not committed. */
    uncommittedUpdates(): readonly { id: string; row: NewAuditRow }[] {
        return this.pendingUpdates;
    }

    /** The audit rows this transaction inserted and has not committed. */
    uncommittedAudit(): readonly NewAuditRow[] {
        return this.uncommitted;
    }

    /** Commits this transaction's audit rows to the org; returns them as stored. */
    commit(log: AuditLog): AuditRow[] {
        const stored = log.insert(this.uncommitted);
        for (const { id, row } of this.pendingUpdates) {
            stored.push(log.update(id, row));
        }
        this.auditRowsWritten += stored.length;
        this.uncommitted.length = 0;
        this.pendingUpdates.length = 0;
        return stored;
    }

    /** Counts one SOQL query returning `rows` rows. */
    query(rows: number): void {
        this.soqlQueries += 1;
        this.rowsHandled += rows;
    }

    /** Counts one DML statement writing `rows` rows: from now on the transaction has pending work. */
    dml(rows: number): void {
        this.dmlStatements += 1;
        this.rowsHandled += rows;
        this.pendingWork = true;
    }

    /** The transaction's readings. */
    snapshot(): LimitEntry[] {
        const used = {
            Callouts: this.callouts,
            SoqlQueries: this.soqlQueries,
            DmlStatements: this.dmlStatements,
            CpuTime: 12 + 3 * this.rowsHandled + 25 * this.callouts,
            HeapSize: 40000 + 2500 * this.rowsHandled
        };
        return (Object.keys(TRANSACTION_LIMITS) as (keyof typeof TRANSACTION_LIMITS)[]).map(
            (name) => ({
                name,
                scope: 'transaction',
                used: used[name],
                max: TRANSACTION_LIMITS[name]
            })
        );
    }
}

/** The org's daily counters. */
export class OrgLimits {
    private readonly used: Record<OrgLimitName, number>;
    private readonly max: Record<OrgLimitName, number>;

    constructor(
        used: Partial<Record<OrgLimitName, number>> = {},
        max: Partial<Record<OrgLimitName, number>> = {}
    ) {
        this.max = { ...ORG_LIMITS, ...max };
        this.used = { DailyApiRequests: 0, DailyAsyncApexExecutions: 0 };
        for (const name of Object.keys(used) as OrgLimitName[]) {
            this.set(name, used[name] ?? 0);
        }
    }

    /** Counts one API request; false (nothing counted) when the daily allowance is spent. */
    countApiRequest(): boolean {
        if (this.used.DailyApiRequests >= this.max.DailyApiRequests) {
            return false;
        }
        this.used.DailyApiRequests += 1;
        return true;
    }

    /** Adds `count` to a counter (Zuora's writes, async jobs); may exceed the maximum. */
    add(name: OrgLimitName, count: number): void {
        this.used[name] += count;
    }

    /** Sets a counter, e.g. to put the org near its daily API limit. */
    set(name: OrgLimitName, used: number): void {
        if (!Number.isInteger(used) || used < 0) {
            throw new RangeError(`${name}: used must be a whole number of at least 0`);
        }
        this.used[name] = used;
    }

    get(name: OrgLimitName): { used: number; max: number } {
        return { used: this.used[name], max: this.max[name] };
    }

    snapshot(): LimitEntry[] {
        return (Object.keys(ORG_LIMITS) as OrgLimitName[]).map((name) => ({
            name,
            scope: 'org',
            used: this.used[name],
            max: this.max[name]
        }));
    }
}
