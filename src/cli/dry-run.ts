/**
 * What a dry run can say beyond the batches: the items that will come back SKIPPED, from what the
 * --account listing tells of each billing account (no Zuora id yet, or in the cooldown window of
 * a recent request). Ids given directly are checked by the org only when they are sent.
 */
import type { ItemResult } from '../bridge';
import type { ListedBillingAccount } from './accounts';
import { keyOf } from './journal';
import type { CliWarning } from './warning';

const NOT_SENT = 'Dry run: not sent.';

/** The result of a dry-run item: NOT_SENT, and `expectedStatus` SKIPPED with why when known. */
export type DryRunResult = ItemResult & {
    readonly expectedStatus?: 'SKIPPED';
    readonly expectedReason?: string;
};

function expectedSkip(entry: ListedBillingAccount | undefined, now: Date): string | null {
    if (entry === undefined) {
        return null;
    }
    if (entry.zuoraId === null) {
        return 'it has no Zuora id yet';
    }
    const until = entry.cooldownUntil === null ? NaN : Date.parse(entry.cooldownUntil);
    return until > now.getTime()
        ? `a sync was requested within the cooldown window; it can be sent again after ${new Date(until).toISOString()}`
        : null;
}

/** One result per item of a dry run, in order. */
export function dryRunResults(
    items: readonly string[],
    listed: ReadonlyMap<string, ListedBillingAccount>,
    now: Date
): DryRunResult[] {
    return items.map((id): DryRunResult => {
        const entry = listed.get(keyOf(id));
        const skip = expectedSkip(entry, now);
        return {
            id,
            status: 'NOT_SENT',
            message: skip === null ? NOT_SENT : `${NOT_SENT} Would come back SKIPPED: ${skip}.`,
            ...(entry?.name === undefined ? {} : { name: entry.name }),
            ...(skip === null ? {} : { expectedStatus: 'SKIPPED' as const, expectedReason: skip }),
            ...(skip !== null && entry?.cooldownUntil ? { cooldownUntil: entry.cooldownUntil } : {})
        };
    });
}

/** The dry run's warning about the items that will come back SKIPPED, if any. */
export function expectedSkipsWarning(results: readonly DryRunResult[]): CliWarning[] {
    const skipped = results.filter((result) => result.expectedStatus === 'SKIPPED');
    if (skipped.length === 0) {
        return [];
    }
    const cooling = skipped.filter((result) => result.cooldownUntil !== undefined).length;
    return [
        {
            code: 'WOULD_BE_SKIPPED',
            message:
                `${skipped.length} of ${results.length} ${results.length === 1 ? 'item' : 'items'} would come back SKIPPED: ` +
                `${cooling} in the cooldown window, ${skipped.length - cooling} without a Zuora id.`
        }
    ];
}
