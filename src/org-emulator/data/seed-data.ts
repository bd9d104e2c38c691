/** What an emulated org can be seeded with. */
import type { ServiceItemStatus } from '../types';
import type { AccountSeed, BillingAccountSeed, ProductSeed } from './org-data';

/** A request made before the org started, as an audit row `minutesAgo` minutes before now. */
export interface RecentRequestSeed {
    readonly recordId?: string | null;
    readonly zuoraId?: string | null;
    readonly minutesAgo: number;
    /** Default REQUESTED. */
    readonly status?: ServiceItemStatus;
}

export interface SeedData {
    readonly accounts?: readonly AccountSeed[];
    readonly billingAccounts?: readonly BillingAccountSeed[];
    readonly products?: readonly ProductSeed[];
    readonly recentRequests?: readonly RecentRequestSeed[];
    /** Items Zuora refuses, by record id or Zuora id: the message Zuora answers with. */
    readonly zuoraRefusals?: Readonly<Record<string, string>>;
}
