// The Apex fixtures of these tests come from the contract fixtures (contract-fixtures/cases):
// every billing account and every result they share with a contract case must agree with it.
const fs = require('fs');
const path = require('path');

const CASES_DIR = path.resolve(__dirname, '../../../../../../contract-fixtures/cases');
const DATA_DIR = path.join(__dirname, 'data');

const cases = fs
    .readdirSync(CASES_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({ file, ...JSON.parse(fs.readFileSync(path.join(CASES_DIR, file), 'utf8')) }));

const records = new Map();
cases.forEach((contractCase) =>
    (contractCase.records || []).forEach((record) => records.set(record.id, record))
);
const expectedResults = cases.flatMap((contractCase) =>
    ((contractCase.expect && contractCase.expect.results) || []).map((result) => ({
        ...result,
        file: contractCase.file
    }))
);

function fixtures(prefix) {
    return fs
        .readdirSync(DATA_DIR)
        .filter((file) => file.startsWith(prefix) && file.endsWith('.json'))
        .map((file) => [file, JSON.parse(fs.readFileSync(path.join(DATA_DIR, file), 'utf8'))]);
}

function agrees(result, expected) {
    return (
        expected.id === result.id &&
        expected.status === result.status &&
        ['name', 'zuoraId', 'jobId', 'cooldownUntil'].every(
            (key) => !(key in expected) || expected[key] === result[key]
        ) &&
        (!expected.messageContains || result.message.includes(expected.messageContains))
    );
}

describe('test fixtures agree with the contract fixtures', () => {
    it('finds the contract cases', () => {
        expect(cases.length).toBeGreaterThan(0);
    });

    describe.each(fixtures('getSyncContext'))('%s', (file, context) => {
        it('has the fields getSyncContext returns', () => {
            expect(Object.keys(context).sort()).toEqual(
                [
                    'accountId',
                    'billingAccounts',
                    'hasPermission',
                    'limits',
                    'settings',
                    'zuoraConfigured'
                ].sort()
            );
        });

        it('lists contract records of its Account, as the contract knows them', () => {
            context.billingAccounts.forEach((account) => {
                const record = records.get(account.id);
                expect(record).toBeDefined();
                expect(account.name).toBe(record.name);
                expect(account.zuoraId).toBe(record.zuoraId);
                expect(record.accountId).toBe(context.accountId);
                expect(account.syncable).toBe(Boolean(record.zuoraId) && !account.cooldownUntil);
            });
        });

        it('takes cooldown ends from a contract case', () => {
            context.billingAccounts
                .filter((account) => account.cooldownUntil)
                .forEach((account) => {
                    const expected = expectedResults.find(
                        (result) =>
                            result.id === account.id &&
                            result.cooldownUntil === account.cooldownUntil
                    );
                    expect(expected).toBeDefined();
                });
        });
    });

    describe.each(fixtures('requestSync'))('%s', (file, response) => {
        it('has the shape requestSync returns', () => {
            expect(typeof response.requestId).toBe('string');
            expect(Array.isArray(response.results)).toBe(true);
            expect(Array.isArray(response.limits)).toBe(true);
        });

        it.each(response.results.map((result) => [result.id, result.status, result]))(
            '%s %s is a result of a contract case',
            (id, status, result) => {
                const sources = expectedResults.filter((expected) => agrees(result, expected));
                expect(sources.map((source) => source.file)).not.toEqual([]);
            }
        );
    });
});
