/**
 * The REST resource's own checks over real HTTP: the Account of a listing must exist and be
 * visible, ids are counted before any is normalised, a bad percent-encoding is an input error,
 * and an unexpected error never answers with its own text.
 */
import { checksumOf } from '../../bridge/ids';
import { AdjustableClock } from '../clock';
import { SAMPLE_ACCOUNT_IDS, sampleSeed } from '../data/seed';
import { startEmulatedOrg, type RunningOrg } from '../http/server';
import { DEFAULT_LABELS } from '../labels';
import { billingAccountsPath, call, SYNC_PATH } from './http-client';

const NOW = '2026-11-20T10:00:00.000Z';
const MISSING_ACCOUNT_ID = `0015g00000NoSuc${checksumOf('0015g00000NoSuc')}`;

let running: RunningOrg;

beforeAll(async () => {
    const clock = new AdjustableClock(NOW);
    running = await startEmulatedOrg({ port: 0, clock, seed: sampleSeed(clock.now()) });
});

afterAll(async () => {
    await running.close();
});

beforeEach(() => {
    running.org.reset();
});

const billingIdsOf = (accountId: string): string[] =>
    running.org.data.billingAccountsOf(accountId).map((billing) => billing.id);

function expectNothingSent(): void {
    expect(running.org.zuora.jobs()).toEqual([]);
    expect(running.org.auditRows().filter((row) => row.requestId !== 'seed')).toEqual([]);
}

describe('GET .../accounts/{accountId}/billing-accounts', () => {
    it.each([
        ['that the user cannot see', SAMPLE_ACCOUNT_IDS.threeBillingAccounts, true],
        ['that does not exist', MISSING_ACCOUNT_ID, false]
    ])('answers an Account %s 404 NOT_FOUND, never an empty list', async (_what, id, hide) => {
        if (hide) {
            running.org.data.setVisible(id, false);
        }
        const answer = await call(running.url, 'GET', billingAccountsPath(id));
        expect(answer.status).toBe(404);
        expect(answer.contentType).toMatch(/^application\/json/);
        expect(answer.body).toEqual([
            {
                errorCode: 'NOT_FOUND',
                message: DEFAULT_LABELS.OnDemandSync_Error_AccountNotFound
            }
        ]);
    });

    it('still lists an Account without billing accounts as an empty list', async () => {
        const answer = await call(
            running.url,
            'GET',
            billingAccountsPath(SAMPLE_ACCOUNT_IDS.noBillingAccounts)
        );
        expect(answer.status).toBe(200);
        expect(answer.body.billingAccounts).toEqual([]);
    });

    it('answers a bad percent-encoding 400 INVALID_ID naming the segment', async () => {
        const answer = await call(running.url, 'GET', billingAccountsPath('%E0%A4%A'));
        expect(answer.status).toBe(400);
        expect(answer.body).toEqual([
            {
                errorCode: 'INVALID_ID',
                message: DEFAULT_LABELS.OnDemandSync_Error_InvalidAccountId.replace(
                    '{0}',
                    '%E0%A4%A'
                )
            }
        ]);
    });

    it('decodes a percent-encoded Account id', async () => {
        const id = SAMPLE_ACCOUNT_IDS.threeBillingAccounts;
        const answer = await call(running.url, 'GET', billingAccountsPath(`%30${id.slice(1)}`));
        expect(answer.status).toBe(200);
        expect(answer.body.accountId).toBe(id);
    });

    it('answers an unexpected error 500 with a reference, the details only in the debug log', async () => {
        const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
        const failing = jest.spyOn(running.org.data, 'account').mockImplementation(() => {
            throw new RangeError('Invalid time value in row 0018d00000AbCdEAAV');
        });
        try {
            const answer = await call(
                running.url,
                'GET',
                billingAccountsPath(SAMPLE_ACCOUNT_IDS.threeBillingAccounts)
            );
            expect(answer.status).toBe(500);
            const [error] = answer.body;
            expect(error.errorCode).toBe('UNKNOWN_EXCEPTION');
            const reference = /([0-9A-F]{10})$/.exec(error.message)?.[1] ?? '';
            expect(error.message).toBe(
                DEFAULT_LABELS.OnDemandSync_Error_Unexpected.replace('{0}', reference)
            );
            expect(JSON.stringify(answer.body)).not.toContain('Invalid time value');
            expect(logged.mock.calls.map(([line]) => String(line))).toEqual([
                expect.stringContaining(`On-Demand Sync error ${reference}: RangeError: Invalid`)
            ]);
        } finally {
            failing.mockRestore();
            logged.mockRestore();
        }
    });
});

describe('POST .../sync counts the ids before normalising them', () => {
    it('answers 10,000 ids 400 TOO_MANY_IDS, even when the first is malformed', async () => {
        const ids = Array.from({ length: 10000 }, (_, n) => `id-${n}`);
        const answer = await call(running.url, 'POST', SYNC_PATH, { ids });
        expect(answer.status).toBe(400);
        expect(answer.body).toEqual([
            {
                errorCode: 'TOO_MANY_IDS',
                message: DEFAULT_LABELS.OnDemandSync_Error_TooManyIds.replace('{0}', '10').replace(
                    '{1}',
                    '10000'
                )
            }
        ]);
        expectNothingSent();
    });

    it('counts ids and Zuora ids together', async () => {
        const ids = billingIdsOf(SAMPLE_ACCOUNT_IDS.twelveBillingAccounts).slice(0, 6);
        const zuoraIds = Array.from({ length: 5 }, (_, n) => `8ad09be48a1f4c2e018a2b3c4d5e6f7${n}`);
        const answer = await call(running.url, 'POST', SYNC_PATH, { ids, zuoraIds });
        expect(answer.status).toBe(400);
        expect(answer.body[0]).toMatchObject({
            errorCode: 'TOO_MANY_IDS',
            message: expect.stringContaining('has 11')
        });
        expectNothingSent();
    });

    it('counts the 15- and 18-character forms of a record, and a Zuora id in any case, once', async () => {
        const ids = billingIdsOf(SAMPLE_ACCOUNT_IDS.twelveBillingAccounts).slice(0, 10);
        const given = ids.flatMap((id) => [id, ` ${id.slice(0, 15)} `]);
        const zuoraId = '8ad09be48a1f4c2e018a2b3c4d5e6f70';
        const eleven = await call(running.url, 'POST', SYNC_PATH, {
            ids: given,
            zuoraIds: [zuoraId, zuoraId.toUpperCase()]
        });
        expect(eleven.status).toBe(400);
        expect(eleven.body[0].message).toContain('has 11');
        const ten = await call(running.url, 'POST', SYNC_PATH, { ids: given.slice(1) });
        expect(ten.status).toBe(200);
        expect(ten.body.results.map((result: { id: string }) => result.id)).toEqual(ids);
    });
});
