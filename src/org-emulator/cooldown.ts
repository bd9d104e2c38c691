/**
 * The cooldown rule: a record with a REQUESTED audit row newer than `now - cooldown` (and not
 * dated after now) is not sent again; it may be retried when the latest such request's cooldown
 * ends. Rows are read as a transaction sees them: what was committed, plus its own rows.
 */
import { cooldownUntil } from '../bridge/cooldown';
import { requestedBetween, type AuditLog } from './audit-log';
import type { Transaction } from './limits';

/** The record or Zuora account whose cooldown is looked up. */
export interface CooldownKey {
    readonly recordId: string | null;
    readonly zuoraId: string | null;
}

/** Looks up cooldowns for many items with one read of the audit log. */
export class CooldownIndex {
    private readonly latestByRecord = new Map<string, number>();
    private readonly latestByZuora = new Map<string, number>();
    private didQuery = false;

    private constructor(private readonly minutes: number) {}

    /** Reads the recent REQUESTED rows for `keys`; with a cooldown of 0 nothing is read. */
    static read(
        log: AuditLog,
        keys: readonly CooldownKey[],
        now: Date,
        minutes: number,
        transaction?: Transaction
    ): CooldownIndex {
        const index = new CooldownIndex(minutes);
        if (minutes <= 0 || keys.length === 0) {
            return index;
        }
        index.didQuery = true;
        const window = { since: new Date(now.getTime() - minutes * 60000), until: now };
        const recordIds = keys.flatMap((key) => (key.recordId ? [key.recordId] : []));
        const zuoraIds = keys.flatMap((key) => (key.zuoraId ? [key.zuoraId] : []));
        const rows = [
            ...log.recentRequested(window, recordIds, zuoraIds),
            ...requestedBetween(transaction?.uncommittedAudit() ?? [], window, recordIds, zuoraIds)
        ];
        for (const row of rows) {
            index.register(row, new Date(row.requestedAt));
        }
        return index;
    }

    /** True when the index read the audit log (one SOQL query). */
    get queried(): boolean {
        return this.didQuery;
    }

    /** Records a request made now (while cooldowns apply): later lookups see it. */
    register(key: CooldownKey, now: Date): void {
        if (this.minutes <= 0) {
            return;
        }
        const at = now.getTime();
        if (key.recordId) {
            this.latestByRecord.set(
                key.recordId,
                Math.max(at, this.latestByRecord.get(key.recordId) ?? at)
            );
        }
        if (key.zuoraId) {
            const zuora = key.zuoraId.toLowerCase();
            this.latestByZuora.set(zuora, Math.max(at, this.latestByZuora.get(zuora) ?? at));
        }
    }

    /** When the item may be requested again, or null when it is not cooling down. */
    until(key: CooldownKey): Date | null {
        if (this.minutes <= 0) {
            return null;
        }
        const times = [
            key.recordId ? this.latestByRecord.get(key.recordId) : undefined,
            key.zuoraId ? this.latestByZuora.get(key.zuoraId.toLowerCase()) : undefined
        ].filter((time): time is number => time !== undefined);
        return times.length === 0 ? null : cooldownUntil(Math.max(...times), this.minutes);
    }

    /** When the item may be requested again, or null when it is not cooling down at `now`. */
    activeUntil(key: CooldownKey, now: Date): Date | null {
        const until = this.until(key);
        return until !== null && until.getTime() > now.getTime() ? until : null;
    }
}
