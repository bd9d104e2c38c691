/**
 * The cooldown rule: a record with a REQUESTED audit row newer than `now - cooldown` (and not
 * dated after now) is not sent again; it may be retried when the latest such request's cooldown
 * ends. Rows are read as a transaction sees them: what was committed, plus its own rows.
 * A CLAIMED row younger than CLAIM_MINUTES is a live claim: the request that made it (in an
 * earlier, committed transaction) may be calling Zuora now, so others skip the record.
 */
import { cooldownUntil } from '../bridge/cooldown';
import { requestedBetween, type AuditLog, type AuditRow } from './audit-log';
import type { Transaction } from './limits';

/** The record or Zuora account whose cooldown is looked up. */
export interface CooldownKey {
    readonly recordId: string | null;
    readonly zuoraId: string | null;
}

/** How long a claim holds a record before it lapses (OnDemandSyncCooldown.CLAIM_MINUTES). */
export const CLAIM_MINUTES = 10;

/** A live claim on a record. */
export interface LiveClaim {
    readonly rowId: string;
    readonly requestId: string;
    readonly requestedBy: string;
    readonly claimedAt: number;
}

/** Looks up cooldowns and claims for many items with one read of the audit log. */
export class CooldownIndex {
    private readonly latestByRecord = new Map<string, number>();
    private readonly latestByZuora = new Map<string, number>();
    private readonly claims = new Map<string, LiveClaim>();
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
        if (keys.length === 0) {
            return index;
        }
        index.didQuery = true;
        const reach = Math.max(minutes, CLAIM_MINUTES);
        const window = { since: new Date(now.getTime() - reach * 60000), until: now };
        const cooldownStart = now.getTime() - minutes * 60000;
        const claimStart = now.getTime() - CLAIM_MINUTES * 60000;
        const recordIds = keys.flatMap((key) => (key.recordId ? [key.recordId] : []));
        const zuoraIds = keys.flatMap((key) => (key.zuoraId ? [key.zuoraId] : []));
        const rows = [
            ...log.recentRequested(window, recordIds, zuoraIds),
            ...requestedBetween(transaction?.uncommittedAudit() ?? [], window, recordIds, zuoraIds)
        ];
        for (const row of rows) {
            const at = Date.parse(row.requestedAt);
            if (row.status === 'CLAIMED') {
                if (at > claimStart && 'id' in row) {
                    index.rememberClaim(row as AuditRow, at);
                }
            } else if (at > cooldownStart) {
                index.register(row, new Date(row.requestedAt));
            }
        }
        return index;
    }

    private rememberClaim(row: AuditRow, at: number): void {
        const claim = {
            rowId: row.id,
            requestId: row.requestId,
            requestedBy: row.requestedBy,
            claimedAt: at
        };
        for (const key of claimKeys(row)) {
            const known = this.claims.get(key);
            if (known === undefined || at > known.claimedAt) {
                this.claims.set(key, claim);
            }
        }
    }

    /** The newest live claim on the item, or null. */
    claimOf(key: CooldownKey): LiveClaim | null {
        const found = claimKeys(key)
            .map((claimKey) => this.claims.get(claimKey))
            .filter((claim): claim is LiveClaim => claim !== undefined);
        return found.length === 0
            ? null
            : found.reduce((newest, claim) =>
                  claim.claimedAt > newest.claimedAt ? claim : newest
              );
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

function claimKeys(key: CooldownKey): string[] {
    const keys: string[] = [];
    if (key.recordId) keys.push(`id:${key.recordId}`);
    if (key.zuoraId) keys.push(`zuora:${key.zuoraId.toLowerCase()}`);
    return keys;
}

/** When a claim lapses. */
export function claimEnds(claim: LiveClaim): Date {
    return new Date(claim.claimedAt + CLAIM_MINUTES * 60000);
}
