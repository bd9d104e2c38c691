/**
 * The background-job methods of OnDemandSyncController (the Account page), in TypeScript:
 * start the Account's job (or answer its running one, so a second click shows it) and read the
 * Account's running or last job, read again on every call so that progress survives a reload.
 */
import { requireVisibleAccount } from '../account-selector';
import { asOrgError } from '../errors';
import { Transaction } from '../limits';
import type { EmulatedOrg } from '../org';
import type { JobView } from './job-view';

/** OnDemandSyncController.startBackgroundSync (source UI). */
export function startBackgroundSync(org: EmulatedOrg, accountId: unknown): JobView {
    try {
        requireVisibleAccount(org.data, accountId, org.labels, new Transaction());
        return org.jobs.startForAccount(accountId, 'UI');
    } catch (thrown) {
        throw asOrgError(thrown, org.labels);
    }
}

/** OnDemandSyncController.getBackgroundJob: the Account's job, or null. */
export function getBackgroundJob(org: EmulatedOrg, accountId: unknown): JobView | null {
    try {
        const id = requireVisibleAccount(org.data, accountId, org.labels, new Transaction());
        return org.jobs.latestForAccount(id);
    } catch (thrown) {
        throw asOrgError(thrown, org.labels);
    }
}
