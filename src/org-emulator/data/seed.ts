/**
 * Sample data of the emulated org, and a generator of many billing accounts for benchmarks.
 * Ids are realistic 18-character Salesforce ids (checksums computed from the 15-character
 * form); Zuora ids are 32 hexadecimal characters.
 */
import { toId18 } from '../../bridge/ids';
import { ACCOUNT_KEY_PREFIX, DEFAULT_KEY_PREFIXES } from '../key-prefixes';
import { SeededRandom, hashSeed } from '../random';
import type { AccountSeed, BillingAccountSeed, ProductSeed } from './org-data';
import { sampleProfile } from './sample-profiles';
import type { SeedData } from './seed-data';

/** The 18-character form of an id literal (throws on a typo). */
function sfId(id: string): string {
    const id18 = toId18(id);
    if (id18 === null) {
        throw new RangeError(`"${id}" is not a valid Salesforce id`);
    }
    return id18;
}

/** A Zuora-style id (32 hexadecimal characters) derived from a name, stable across runs. */
export function zuoraIdFor(name: string): string {
    return `2c92c0f8${new SeededRandom(hashSeed(name)).hex(24)}`;
}

/** The sample Accounts, one per situation the record page must handle. */
export const SAMPLE_ACCOUNT_IDS = Object.freeze({
    noBillingAccounts: sfId('0015g00000NwTrD'),
    threeBillingAccounts: sfId('0015g00000AcMeC'),
    twelveBillingAccounts: sfId('0015g00000GlBxI'),
    coolingDown: sfId('0015g00000InTcH'),
    failingSync: sfId('0015g00000UmBrL'),
    missingZuoraId: sfId('0015g00000StRkL'),
    manyBillingAccounts: sfId('0015g00000CnHlD')
});

/** How many billing accounts the large sample Account has (more than one selection holds). */
export const SAMPLE_MANY_COUNT = 45;

/** A line per sample, for a switcher: which Account shows which situation (plain text). */
export const SAMPLE_ACCOUNTS: readonly { id: string; name: string; situation: string }[] =
    Object.freeze([
        {
            id: SAMPLE_ACCOUNT_IDS.noBillingAccounts,
            name: 'Northwind Traders',
            situation: 'no billing accounts'
        },
        {
            id: SAMPLE_ACCOUNT_IDS.threeBillingAccounts,
            name: 'Acme Corporation',
            situation: '3 billing accounts'
        },
        {
            id: SAMPLE_ACCOUNT_IDS.twelveBillingAccounts,
            name: 'Globex International',
            situation: '12 billing accounts, more than one sync holds'
        },
        {
            id: SAMPLE_ACCOUNT_IDS.coolingDown,
            name: 'Initech',
            situation: 'a billing account synced 10 minutes ago, cooling down'
        },
        {
            id: SAMPLE_ACCOUNT_IDS.failingSync,
            name: 'Umbrella Health',
            situation: 'a billing account whose sync Zuora refuses'
        },
        {
            id: SAMPLE_ACCOUNT_IDS.missingZuoraId,
            name: 'Stark Logistics',
            situation: 'a billing account without a Zuora id'
        },
        {
            id: SAMPLE_ACCOUNT_IDS.manyBillingAccounts,
            name: 'Contoso Holdings',
            situation: `${SAMPLE_MANY_COUNT} billing accounts, synced all at once in the background`
        }
    ]);

interface BillingSample {
    readonly id15: string;
    readonly name: string;
    readonly currency: string;
    readonly balance: number;
    readonly status?: string;
    readonly noZuoraId?: boolean;
}

const BILLING_SAMPLES: readonly [string, readonly BillingSample[]][] = [
    [
        SAMPLE_ACCOUNT_IDS.threeBillingAccounts,
        [
            { id15: 'a0X5g00000AcEu1', name: 'Acme EU', currency: 'EUR', balance: 120.5 },
            { id15: 'a0X5g00000AcUs2', name: 'Acme US', currency: 'USD', balance: 0 },
            { id15: 'a0X5g00000AcAp3', name: 'Acme APAC', currency: 'SGD', balance: 2310.75 }
        ]
    ],
    [
        SAMPLE_ACCOUNT_IDS.twelveBillingAccounts,
        [
            ['Berlin', 'EUR'],
            ['Paris', 'EUR'],
            ['Madrid', 'EUR'],
            ['Milan', 'EUR'],
            ['Vienna', 'EUR'],
            ['Zurich', 'CHF'],
            ['Oslo', 'NOK'],
            ['Dublin', 'EUR'],
            ['Lisbon', 'EUR'],
            ['Prague', 'CZK'],
            ['Warsaw', 'PLN'],
            ['London', 'GBP']
        ].map(([city, currency], index) => ({
            id15: `a0X5g00000GbX${String(index + 10)}`,
            name: `Globex ${city}`,
            currency,
            balance: Math.round(((index * 733) % 5000) * 100 + 99) / 100
        }))
    ],
    [
        SAMPLE_ACCOUNT_IDS.coolingDown,
        [
            { id15: 'a0X5g00000InAus', name: 'Initech Austin', currency: 'USD', balance: 845 },
            { id15: 'a0X5g00000InDal', name: 'Initech Dallas', currency: 'USD', balance: 0 }
        ]
    ],
    [
        SAMPLE_ACCOUNT_IDS.failingSync,
        [
            {
                id15: 'a0X5g00000UmBnl',
                name: 'Umbrella Health Benelux',
                currency: 'EUR',
                balance: 15000
            },
            { id15: 'a0X5g00000UmUkd', name: 'Umbrella Health UK', currency: 'GBP', balance: 312.4 }
        ]
    ],
    [
        SAMPLE_ACCOUNT_IDS.missingZuoraId,
        [
            {
                id15: 'a0X5g00000SlCan',
                name: 'Stark Logistics Canada',
                currency: 'CAD',
                balance: 0,
                status: 'Draft',
                noZuoraId: true
            },
            { id15: 'a0X5g00000SlUsa', name: 'Stark Logistics USA', currency: 'USD', balance: 98.1 }
        ]
    ]
];

/** The billing account of the cooling-down sample that was requested 10 minutes before the seed. */
export const SAMPLE_COOLING_DOWN_ID = sfId('a0X5g00000InAus');
/** The billing account of the failing sample that Zuora refuses. */
export const SAMPLE_FAILING_ID = sfId('a0X5g00000UmBnl');
/** The billing account of the sample without a Zuora id. */
export const SAMPLE_NO_ZUORA_ID = sfId('a0X5g00000SlCan');
/** The message Zuora answers the failing sample with. */
export const SAMPLE_FAILURE_MESSAGE =
    'The Zuora account has no CRM Account ID; only accounts linked to a Salesforce Account can be synced.';

const HOUR_MS = 3600000;

/**
 * The sample org: six Accounts (see SAMPLE_ACCOUNTS), their billing accounts, three products,
 * one request 10 minutes before `now`, and one billing account Zuora refuses.
 */
export function sampleSeed(now: Date = new Date()): SeedData {
    const accounts: AccountSeed[] = SAMPLE_ACCOUNTS.map(({ id, name }) => {
        const profile = sampleProfile(id);
        return { id, name, industry: profile?.industry, billingCity: profile?.billingCity };
    });
    let number = 100;
    const billingAccounts: BillingAccountSeed[] = BILLING_SAMPLES.flatMap(([accountId, samples]) =>
        samples.map((sample, index) => {
            number += 1;
            return {
                id: sfId(sample.id15),
                name: sample.name,
                accountId,
                accountNumber: `A${String(number).padStart(8, '0')}`,
                zuoraId: sample.noZuoraId ? null : zuoraIdFor(sample.name),
                status: sample.status ?? 'Active',
                balance: sample.balance,
                currency: sample.currency,
                entityId: null,
                lastModified: new Date(now.getTime() - (6 + index * 5) * HOUR_MS).toISOString()
            };
        })
    );
    billingAccounts.push(
        ...generateBillingAccounts(SAMPLE_MANY_COUNT, {
            accountId: SAMPLE_ACCOUNT_IDS.manyBillingAccounts,
            accountName: 'Contoso Holdings',
            lastModified: new Date(now.getTime() - 30 * HOUR_MS).toISOString()
        }).billingAccounts
    );
    const products: ProductSeed[] = [
        {
            id: sfId('a0Y5g00000PlTfM'),
            name: 'Platform Subscription',
            zuoraId: zuoraIdFor('Platform Subscription')
        },
        {
            id: sfId('a0Y5g00000PrSpT'),
            name: 'Premium Support',
            zuoraId: zuoraIdFor('Premium Support')
        },
        {
            id: sfId('a0Y5g00000OnBrD'),
            name: 'Onboarding Package',
            zuoraId: zuoraIdFor('Onboarding Package')
        }
    ];
    return {
        accounts,
        billingAccounts,
        products,
        recentRequests: [
            {
                recordId: SAMPLE_COOLING_DOWN_ID,
                zuoraId: zuoraIdFor('Initech Austin'),
                minutesAgo: 10
            }
        ],
        zuoraRefusals: { [SAMPLE_FAILING_ID]: SAMPLE_FAILURE_MESSAGE }
    };
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CITIES = [
    'Amsterdam',
    'Athens',
    'Austin',
    'Boston',
    'Chicago',
    'Denver',
    'Helsinki',
    'Lyon',
    'Munich',
    'Osaka',
    'Seattle',
    'Seoul',
    'Sydney',
    'Toronto',
    'Valencia',
    'Vancouver'
];
const CURRENCIES = ['EUR', 'USD', 'GBP', 'JPY', 'AUD', 'CAD'];

/** `value` in base 62, left-padded with zeros to `width` characters. */
function base62(value: number, width: number): string {
    let text = '';
    let rest = value;
    do {
        text = BASE62[rest % 62] + text;
        rest = Math.floor(rest / 62);
    } while (rest > 0);
    if (text.length > width) {
        throw new RangeError(`${value} does not fit in ${width} base-62 characters`);
    }
    return text.padStart(width, '0');
}

export interface GeneratedBillingAccounts {
    readonly account: AccountSeed;
    readonly billingAccounts: BillingAccountSeed[];
}

export interface GenerateOptions {
    /** The parent Account; default a generated "Contoso Holdings" Account. */
    readonly accountId?: string;
    readonly accountName?: string;
    /** Seed of the generated values (balances, currencies, Zuora ids). Default 1. */
    readonly seed?: number;
    /** First number used in the ids; use different ranges to generate several sets. Default 0. */
    readonly firstNumber?: number;
    /** Share (0..1) of accounts generated without a Zuora id. Default 0. */
    readonly withoutZuoraIdShare?: number;
    /** LastModifiedDate of the generated rows. Default 2026-01-01T00:00:00.000Z. */
    readonly lastModified?: string;
}

/** `count` billing accounts of one Account, with valid distinct ids, for benchmarks. */
export function generateBillingAccounts(
    count: number,
    options: GenerateOptions = {}
): GeneratedBillingAccounts {
    if (!Number.isInteger(count) || count < 0) {
        throw new RangeError('count must be a whole number of at least 0');
    }
    const random = new SeededRandom(options.seed ?? 1);
    const accountId = options.accountId
        ? sfId(options.accountId)
        : sfId(`${ACCOUNT_KEY_PREFIX}5g00000CnTsO`);
    const accountName = options.accountName ?? 'Contoso Holdings';
    const first = options.firstNumber ?? 0;
    const withoutZuora = options.withoutZuoraIdShare ?? 0;
    const billingAccounts: BillingAccountSeed[] = [];
    for (let index = 0; index < count; index++) {
        const number = first + index;
        const city = CITIES[number % CITIES.length];
        billingAccounts.push({
            id: sfId(`${DEFAULT_KEY_PREFIXES.BILLING_ACCOUNT}5g0${base62(number, 9)}`),
            name: `${accountName} ${city} ${String(number + 1).padStart(5, '0')}`,
            accountId,
            accountNumber: `A${String(number + 1).padStart(8, '0')}`,
            zuoraId: random.next() < withoutZuora ? null : `8ad0${random.hex(28)}`,
            status: 'Active',
            balance: random.int(0, 2500000) / 100,
            currency: random.pick(CURRENCIES),
            entityId: null,
            lastModified: options.lastModified ?? '2026-01-01T00:00:00.000Z'
        });
    }
    return { account: { id: accountId, name: accountName }, billingAccounts };
}
