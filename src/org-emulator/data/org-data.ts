/**
 * The org's records, in memory: Accounts, billing accounts (Zuora__CustomerAccount__c) and
 * products (zqu__ZProduct__c). Reads are "user mode": records marked not visible are never
 * returned, as sharing hides them from the running user, and field-level security applies: a
 * field the user may not read comes back null when selected, and a query that filters or sorts
 * on it throws System.QueryException, as a user-mode query does in Salesforce.
 */
import { toId18 } from '../../bridge/ids';
import { PlatformException } from '../limits';
import type {
    AccountRecord,
    BillingAccountRecord,
    ProductRecord,
    SyncObjectType,
    SyncRecord
} from '../types';

type Seeded<T> = T & { readonly visible?: boolean };

export type AccountSeed = Seeded<AccountRecord>;
export type BillingAccountSeed = Seeded<
    Pick<BillingAccountRecord, 'id' | 'name' | 'accountId' | 'zuoraId'> &
        Partial<BillingAccountRecord>
>;
export type ProductSeed = Seeded<ProductRecord>;

/** The fields On-Demand Sync reads, by role (Zuora__CustomerAccount__c field in brackets). */
export type FieldRole = 'name' | 'zuoraId' | 'accountId' | 'entityId';

/** Field labels as the Zuora package names them (the Apex selector reads them by describe). */
export const FIELD_LABELS: Readonly<Record<FieldRole, string>> = Object.freeze({
    name: 'Billing Account Name',
    zuoraId: 'Zuora Id',
    accountId: 'Account',
    entityId: 'Entity ID'
});

/** The object label of billing accounts. */
export const BILLING_ACCOUNT_LABEL = 'Billing Account';

/** Salesforce's words for a user-mode query on a field the user may not read. */
export const INACCESSIBLE_FIELD_MESSAGE =
    'Insufficient permissions: secure query included inaccessible field';

/** The records the service reads: by id, and by Zuora id. */
export interface RecordSelector {
    selectByIds(objectType: SyncObjectType, ids: readonly string[]): SyncRecord[];
    selectByZuoraIds(objectType: SyncObjectType, zuoraIds: readonly string[]): SyncRecord[];
    /** System mode: which of the Zuora ids have a record, visible or not (lower case). */
    existingZuoraIds(objectType: SyncObjectType, zuoraIds: readonly string[]): Set<string>;
    /** Field-level security of the running user. */
    isReadable(field: FieldRole): boolean;
}

function id18(value: unknown, what: string): string {
    const id = toId18(value);
    if (id === null) {
        throw new RangeError(`${what}: "${String(value)}" is not a valid Salesforce id`);
    }
    return id;
}

function optionalId18(value: string | null | undefined, what: string): string | null {
    return value === null || value === undefined || value === '' ? null : id18(value, what);
}

/** The record's id in its 18-character form; throws when the id or the name is missing. */
function checked(record: { id?: unknown; name?: unknown }, what: string): string {
    if (typeof record.name !== 'string') {
        throw new RangeError(`${what} ${String(record.id)}: a name is required`);
    }
    return id18(record.id, what);
}

function byName<T extends { id: string; name: string }>(a: T, b: T): number {
    return a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id);
}

export class OrgData implements RecordSelector {
    private readonly accountsById = new Map<string, AccountRecord>();
    private readonly billingById = new Map<string, BillingAccountRecord>();
    private readonly productsById = new Map<string, ProductRecord>();
    private readonly hidden = new Set<string>();
    private readonly unreadable = new Set<FieldRole>();

    /** Grants or removes the running user's read access to a field (field-level security). */
    setFieldReadable(field: FieldRole, readable: boolean): void {
        if (readable) {
            this.unreadable.delete(field);
        } else {
            this.unreadable.add(field);
        }
    }

    isReadable(field: FieldRole): boolean {
        return !this.unreadable.has(field);
    }

    /** A user-mode query filtering or sorting on these fields: throws as Salesforce does. */
    private assertQueryable(fields: readonly FieldRole[]): void {
        if (fields.some((field) => this.unreadable.has(field))) {
            throw new PlatformException('System.QueryException', INACCESSIBLE_FIELD_MESSAGE);
        }
    }

    /** A record as a user-mode SELECT returns it: unreadable fields null. */
    private selected(record: SyncRecord): SyncRecord {
        return {
            id: record.id,
            name: this.isReadable('name') ? record.name : null,
            zuoraId: this.isReadable('zuoraId') ? record.zuoraId : null,
            accountId: this.isReadable('accountId') ? record.accountId : null
        };
    }

    /** Adds (or replaces, by id) records; ids are stored in their 18-character form. */
    load(seed: {
        accounts?: readonly AccountSeed[];
        billingAccounts?: readonly BillingAccountSeed[];
        products?: readonly ProductSeed[];
    }): void {
        for (const { visible, ...account } of seed.accounts ?? []) {
            const id = checked(account, 'account');
            this.accountsById.set(id, Object.freeze({ ...account, id }));
            this.setVisible(id, visible ?? true);
        }
        for (const { visible, ...billing } of seed.billingAccounts ?? []) {
            const id = checked(billing, 'billing account');
            this.billingById.set(
                id,
                Object.freeze({
                    accountNumber: null,
                    status: null,
                    balance: null,
                    currency: null,
                    entityId: null,
                    lastModified: null,
                    ...billing,
                    id,
                    accountId: optionalId18(billing.accountId, 'billing account parent'),
                    zuoraId: billing.zuoraId || null
                })
            );
            this.setVisible(id, visible ?? true);
        }
        for (const { visible, ...product } of seed.products ?? []) {
            const id = checked(product, 'product');
            this.productsById.set(
                id,
                Object.freeze({ ...product, id, zuoraId: product.zuoraId || null })
            );
            this.setVisible(id, visible ?? true);
        }
    }

    clear(): void {
        this.accountsById.clear();
        this.billingById.clear();
        this.productsById.clear();
        this.hidden.clear();
        this.unreadable.clear();
    }

    /** Hides a record from the running user (sharing), or shows it again. */
    setVisible(id: string, visible: boolean): void {
        const key = id18(id, 'record');
        if (visible) {
            this.hidden.delete(key);
        } else {
            this.hidden.add(key);
        }
    }

    isVisible(id: string): boolean {
        const key = toId18(id);
        return key !== null && !this.hidden.has(key);
    }

    /** Visible Accounts, by name. */
    accounts(): AccountRecord[] {
        return this.visible(this.accountsById).sort(byName);
    }

    /** A visible Account, or null. */
    account(id: string): AccountRecord | null {
        const key = toId18(id);
        const account = key === null ? undefined : this.accountsById.get(key);
        return account && !this.hidden.has(account.id) ? account : null;
    }

    /** Every visible billing account, by name. */
    billingAccounts(): BillingAccountRecord[] {
        return this.visible(this.billingById).sort(byName);
    }

    /** Every visible product, by name. */
    products(): ProductRecord[] {
        return this.visible(this.productsById).sort(byName);
    }

    /** The visible billing accounts of an Account, by name (WHERE Account, ORDER BY Name). */
    billingAccountsOf(accountId: string): BillingAccountRecord[] {
        this.assertQueryable(['accountId', 'name']);
        const key = toId18(accountId);
        if (key === null) {
            return [];
        }
        return this.visible(this.billingById)
            .filter((billing) => billing.accountId === key)
            .sort(byName);
    }

    selectByIds(objectType: SyncObjectType, ids: readonly string[]): SyncRecord[] {
        const records: SyncRecord[] = [];
        for (const id of new Set(ids.map((value) => toId18(value)))) {
            const record = id === null || this.hidden.has(id) ? null : this.findRecord(id);
            if (record !== null && this.objectTypeOf(record.id) === objectType) {
                records.push(this.selected(record));
            }
        }
        return records;
    }

    selectByZuoraIds(objectType: SyncObjectType, zuoraIds: readonly string[]): SyncRecord[] {
        this.assertQueryable(['zuoraId']);
        const wanted = new Set(zuoraIds.map((id) => id.toLowerCase()));
        return this.visible(this.mapOf(objectType))
            .filter((record) => record.zuoraId !== null && wanted.has(record.zuoraId.toLowerCase()))
            .map((record) => this.selected(this.findRecord(record.id) as SyncRecord));
    }

    existingZuoraIds(objectType: SyncObjectType, zuoraIds: readonly string[]): Set<string> {
        const wanted = new Set(zuoraIds.map((id) => id.toLowerCase()));
        const existing = new Set<string>();
        for (const record of this.mapOf(objectType).values()) {
            const key = record.zuoraId?.toLowerCase();
            if (key !== undefined && wanted.has(key)) {
                existing.add(key);
            }
        }
        return existing;
    }

    private mapOf(objectType: SyncObjectType): Map<string, BillingAccountRecord | ProductRecord> {
        return objectType === 'PRODUCT' ? this.productsById : this.billingById;
    }

    /** A billing account or product by id, visible or not (system mode), or null. */
    findRecord(id: string): SyncRecord | null {
        const key = toId18(id);
        if (key === null) {
            return null;
        }
        const billing = this.billingById.get(key);
        if (billing !== undefined) {
            return {
                id: key,
                name: billing.name,
                zuoraId: billing.zuoraId,
                accountId: billing.accountId
            };
        }
        const product = this.productsById.get(key);
        return product === undefined
            ? null
            : { id: key, name: product.name, zuoraId: product.zuoraId, accountId: null };
    }

    /** The Zuora entity of a billing account (null for products, or without multi-entity). */
    entityOf(id: string | null): string | null {
        const key = toId18(id);
        return key === null ? null : (this.billingById.get(key)?.entityId ?? null);
    }

    /** Billing accounts that fresh Zuora data has arrived for: sets their LastModifiedDate. */
    touch(match: { recordId: string | null; zuoraId: string | null }, at: Date): void {
        const zuora = match.zuoraId?.toLowerCase() ?? null;
        for (const [id, billing] of this.billingById) {
            if (
                id === match.recordId ||
                (zuora !== null && billing.zuoraId?.toLowerCase() === zuora)
            ) {
                this.billingById.set(
                    id,
                    Object.freeze({ ...billing, lastModified: at.toISOString() })
                );
            }
        }
    }

    private objectTypeOf(id: string): SyncObjectType | null {
        if (this.billingById.has(id)) {
            return 'BILLING_ACCOUNT';
        }
        return this.productsById.has(id) ? 'PRODUCT' : null;
    }

    private visible<T extends { id: string }>(map: Map<string, T>): T[] {
        return [...map.values()].filter((record) => !this.hidden.has(record.id));
    }
}
