/**
 * Key prefixes of the emulated org. Custom objects get an org-specific prefix in a real org;
 * these are the ones the samples and the contract fixtures use.
 */
import type { SyncObjectType } from './types';

export type KeyPrefixes = { readonly [K in SyncObjectType]: string };

/** Zuora__CustomerAccount__c and zqu__ZProduct__c. */
export const DEFAULT_KEY_PREFIXES: KeyPrefixes = Object.freeze({
    BILLING_ACCOUNT: 'a0X',
    PRODUCT: 'a0Y'
});

export const ACCOUNT_KEY_PREFIX = '001';
export const USER_KEY_PREFIX = '005';
