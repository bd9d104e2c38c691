/**
 * Every contract fixture case, through the TypeScript entry point it names (the service by
 * default): the same cases the Apex OnDemandSyncContractFixtures_Tests read from the static
 * resource.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTRY_POINTS } from '../../bridge/contract';
import { isSalesforceId, isZuoraId, toId18 } from '../../bridge/ids';
import {
    checkContractCase,
    runContractCase,
    type ContractFixtures
} from '../contract/contract-case';
import { isJobCase, runJobCase } from '../contract/job-case';

const RESOURCE = join(
    __dirname,
    '../../../force-app/main/default/staticresources/OnDemandSyncContractFixtures.json'
);
const fixtures = JSON.parse(readFileSync(RESOURCE, 'utf8')) as ContractFixtures;
const cases = fixtures.cases.map((testCase) => [testCase.file ?? testCase.name, testCase] as const);

describe('contract fixtures', () => {
    it('are version 1 and hold cases', () => {
        expect(fixtures.version).toBe(1);
        expect(fixtures.cases.length).toBeGreaterThanOrEqual(22);
    });

    it.each(cases)('%s', async (_file, testCase) => {
        if (isJobCase(testCase)) {
            expect(await runJobCase(testCase)).toEqual([]);
            return;
        }
        const outcome = await runContractCase(testCase);
        expect(checkContractCase(testCase, outcome)).toEqual([]);
    });

    it('use realistic ids: 18 characters with correct checksums, 32-hex Zuora ids', () => {
        for (const testCase of fixtures.cases) {
            for (const record of testCase.records) {
                expect(record.id).toHaveLength(18);
                expect(isSalesforceId(record.id)).toBe(true);
                expect(toId18(record.id)).toBe(record.id);
                if (record.zuoraId !== null) {
                    expect(isZuoraId(record.zuoraId)).toBe(true);
                }
                if (record.accountId !== null) {
                    expect(toId18(record.accountId)).toBe(record.accountId);
                    expect(record.accountId.startsWith('001')).toBe(true);
                }
            }
        }
    });

    it('cover every request-level error the service raises and every item status', () => {
        const errorCodes = new Set(
            fixtures.cases.map((testCase) => testCase.expect.error?.errorCode)
        );
        for (const code of [
            'INVALID_ID',
            'TOO_MANY_IDS',
            'EMPTY_REQUEST',
            'INVALID_OBJECT_TYPE',
            'INSUFFICIENT_ACCESS',
            'ZUORA_NOT_CONFIGURED',
            'PENDING_WORK',
            'CALLOUT_LIMIT'
        ]) {
            expect(errorCodes).toContain(code);
        }
        const statuses = new Set(
            fixtures.cases.flatMap((testCase) =>
                (testCase.expect.results ?? []).map((result) => result.status)
            )
        );
        expect([...statuses].sort()).toEqual(['CLAIMED', 'FAILED', 'REQUESTED', 'SKIPPED']);
    });

    it('cover every entry point of the contract', () => {
        const used = new Set(fixtures.cases.map((testCase) => testCase.entryPoint ?? 'service'));
        expect([...used].sort()).toEqual([...ENTRY_POINTS].sort());
    });

    it('a checker that finds differences in a listing', async () => {
        const listing = fixtures.cases.find((testCase) => testCase.expect.billingAccounts);
        expect(listing).toBeDefined();
        if (listing === undefined) return;
        const outcome = await runContractCase(listing);
        const flipped = (listing.expect.billingAccounts ?? []).map((row) => ({
            ...row,
            syncable: !row.syncable
        }));
        const broken = { ...listing, expect: { ...listing.expect, billingAccounts: flipped } };
        expect(checkContractCase(broken, outcome)).toHaveLength(1);
    });

    it('a checker that finds differences (a wrong expectation fails)', async () => {
        const [, happy] = cases[0];
        const outcome = await runContractCase(happy);
        const broken = {
            ...happy,
            expect: { ...happy.expect, auditRows: 99, gatewayCalls: 0 }
        };
        expect(checkContractCase(broken, outcome)).toEqual([
            'gateway calls: expected 0, got 1',
            'audit rows: expected 99, got 3'
        ]);
    });
});
