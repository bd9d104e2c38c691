/**
 * What the Account record page shows of an Account: the highlights panel's fields (the compact
 * layout), the Details tab's fields and the Contacts related list, from the org's Account and,
 * for a sample Account, its profile (type, phone, website, owner, contacts).
 */
import type { AccountRecord } from '../../org-emulator/types';
import { sampleProfile } from '../../org-emulator/data/sample-profiles';
import type { PageField } from './highlights';
import type { PageContact } from './record-layout';

export interface AccountPageFields {
    readonly highlights: readonly PageField[];
    readonly details: readonly PageField[];
    readonly contacts: readonly PageContact[];
}

/** The owner of an Account without a profile: the user the playground runs as. */
export const PLAYGROUND_USER = 'Playground User';

export function accountPageFields(
    account: AccountRecord,
    billingAccounts: number
): AccountPageFields {
    const profile = sampleProfile(account.id);
    const value = (text: string | null | undefined): string => text ?? '';
    const highlights: PageField[] = [
        { label: 'Type', value: value(profile?.type) },
        { label: 'Phone', value: value(profile?.phone) },
        { label: 'Website', value: value(profile?.website) },
        { label: 'Industry', value: value(account.industry) },
        { label: 'Account Owner', value: profile?.owner ?? PLAYGROUND_USER }
    ];
    const details: PageField[] = [
        { label: 'Account Name', value: account.name },
        ...highlights,
        { label: 'Billing City', value: value(account.billingCity) },
        { label: 'Employees', value: profile ? profile.employees.toLocaleString('en-US') : '' },
        { label: 'Billing Accounts', value: String(billingAccounts) }
    ];
    return { highlights, details, contacts: profile?.contacts ?? [] };
}
