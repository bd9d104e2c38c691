/**
 * What the sample Accounts' record pages show besides their billing accounts: the standard
 * Account fields (type, industry, phone, website, city, owner, employees) and a few contacts,
 * different for each sample so that switching between them changes the whole page.
 */

export interface SampleContact {
    readonly name: string;
    readonly title: string;
    readonly email: string;
}

export interface SampleProfile {
    /** Account.Type, one of the standard picklist values. */
    readonly type: string;
    readonly industry: string;
    readonly phone: string;
    /** Account.Website, without the scheme. */
    readonly website: string;
    readonly billingCity: string;
    readonly owner: string;
    readonly employees: number;
    readonly contacts: readonly SampleContact[];
}

function contact(name: string, title: string, domain: string): SampleContact {
    const [first, last] = name.toLowerCase().split(' ');
    return { name, title, email: `${first}.${last}@${domain}` };
}

/** The profile of each sample Account, by its 15-character id. */
export const SAMPLE_PROFILES_BY_ID15: Readonly<Record<string, SampleProfile>> = Object.freeze({
    '0015g00000NwTrD': {
        type: 'Prospect',
        industry: 'Retail',
        phone: '(206) 555-0142',
        website: 'northwind.example.com',
        billingCity: 'Seattle',
        owner: 'Priya Raman',
        employees: 120,
        contacts: [contact('Laura Callahan', 'Buyer', 'northwind.example.com')]
    },
    '0015g00000AcMeC': {
        type: 'Customer - Direct',
        industry: 'Manufacturing',
        phone: '(415) 555-0100',
        website: 'acme.example.com',
        billingCity: 'San Francisco',
        owner: 'Jordan Lee',
        employees: 5400,
        contacts: [
            contact('Ellen Marsh', 'VP Procurement', 'acme.example.com'),
            contact('Grace Park', 'Finance Director', 'acme.example.com'),
            contact('Omar Haddad', 'Billing Manager', 'acme.example.com')
        ]
    },
    '0015g00000GlBxI': {
        type: 'Customer - Channel',
        industry: 'Energy',
        phone: '+49 30 5550 1234',
        website: 'globex.example.com',
        billingCity: 'Berlin',
        owner: 'Mia Schneider',
        employees: 12000,
        contacts: [
            contact('Henrik Weber', 'Chief Executive', 'globex.example.com'),
            contact('Lena Vogel', 'Head of Accounts Payable', 'globex.example.com')
        ]
    },
    '0015g00000InTcH': {
        type: 'Customer - Direct',
        industry: 'Technology',
        phone: '(512) 555-0187',
        website: 'initech.example.com',
        billingCity: 'Austin',
        owner: 'Sam Ortiz',
        employees: 860,
        contacts: [
            contact('Brian Walsh', 'Division VP', 'initech.example.com'),
            contact('Joanna Reyes', 'Controller', 'initech.example.com')
        ]
    },
    '0015g00000UmBrL': {
        type: 'Customer - Direct',
        industry: 'Healthcare',
        phone: '+44 20 7946 0321',
        website: 'umbrellahealth.example.com',
        billingCity: 'London',
        owner: 'Olivia Grant',
        employees: 2300,
        contacts: [
            contact('Alice Marlowe', 'Procurement Lead', 'umbrellahealth.example.com'),
            contact('Pieter Jansen', 'Finance Manager', 'umbrellahealth.example.com')
        ]
    },
    '0015g00000StRkL': {
        type: 'Technology Partner',
        industry: 'Transportation',
        phone: '(416) 555-0199',
        website: 'starklogistics.example.com',
        billingCity: 'Toronto',
        owner: 'Noah Tremblay',
        employees: 1450,
        contacts: [contact('Marie Gagnon', 'Operations Director', 'starklogistics.example.com')]
    },
    '0015g00000CnHlD': {
        type: 'Customer - Channel',
        industry: 'Financial Services',
        phone: '(212) 555-0176',
        website: 'contoso.example.com',
        billingCity: 'New York',
        owner: 'Ava Chen',
        employees: 25000,
        contacts: [
            contact('Daniel Brooks', 'CFO', 'contoso.example.com'),
            contact('Keiko Tanaka', 'Treasury Analyst', 'contoso.example.com'),
            contact('Rafael Souza', 'AP Specialist', 'contoso.example.com')
        ]
    }
});

/** The profile of a sample Account (15- or 18-character id), or null for any other id. */
export function sampleProfile(accountId: string): SampleProfile | null {
    return SAMPLE_PROFILES_BY_ID15[accountId.slice(0, 15)] ?? null;
}
