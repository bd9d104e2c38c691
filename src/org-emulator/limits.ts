/**
 * Governor limits as the emulated org counts them: per transaction (one REST request or one
 * controller call) and per org per day. The transaction's CpuTime and HeapSize are estimates
 * from the work done, so that answers are repeatable.
 */
import type { LimitEntry } from '../bridge/types';

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
    /** Records and rows handled, for the CpuTime and HeapSize estimates. */
    rowsHandled = 0;

    /** Takes one callout; false when the transaction has none left (Zuora then fails the item). */
    useCallout(): boolean {
        if (this.callouts >= TRANSACTION_LIMITS.Callouts) {
            return false;
        }
        this.callouts += 1;
        return true;
    }

    /** Counts one SOQL query returning `rows` rows. */
    query(rows: number): void {
        this.soqlQueries += 1;
        this.rowsHandled += rows;
    }

    /** Counts one DML statement writing `rows` rows. */
    dml(rows: number): void {
        this.dmlStatements += 1;
        this.rowsHandled += rows;
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
