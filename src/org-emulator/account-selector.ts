/**
 * OnDemandSyncAccountSelector, in TypeScript: the Account an entry point works for. The
 * controller and the REST resource first check that the value is an Account id (INVALID_ID),
 * then that the running user can see that Account with one user-mode query (NOT_FOUND: it does
 * not exist or is not visible, never an empty list).
 */
import { keyPrefixOf, toId18 } from '../bridge/ids';
import type { OrgData } from './data/org-data';
import { OrgError, serviceError } from './errors';
import { ACCOUNT_KEY_PREFIX } from './key-prefixes';
import { label, type Labels } from './labels';
import type { Transaction } from './limits';

/** The 18-character Account id of `value`, or INVALID_ID naming the value as given. */
export function requireAccountId(value: unknown, labels: Labels): string {
    const id = toId18(value);
    if (id === null || keyPrefixOf(id) !== ACCOUNT_KEY_PREFIX) {
        throw serviceError(
            'INVALID_ID',
            label(
                labels,
                'OnDemandSync_Error_InvalidAccountId',
                value === null || value === undefined ? '' : String(value)
            )
        );
    }
    return id;
}

/** The Account id of `value` when the user can see that Account; NOT_FOUND otherwise. */
export function requireVisibleAccount(
    data: Pick<OrgData, 'account'>,
    value: unknown,
    labels: Labels,
    transaction: Transaction
): string {
    const id = requireAccountId(value, labels);
    const account = data.account(id);
    transaction.query(account === null ? 0 : 1);
    if (account === null) {
        throw new OrgError('NOT_FOUND', label(labels, 'OnDemandSync_Error_AccountNotFound'), 404);
    }
    return id;
}
