/**
 * The REST resource's own checks over real HTTP: the Account of a listing must exist and be
 * visible, and an unexpected error never answers with its own text.
 */
import { checksumOf } from '../../bridge/ids';
import { AdjustableClock } from '../clock';
import { SAMPLE_ACCOUNT_IDS, sampleSeed } from '../data/seed';
import { startEmulatedOrg, type RunningOrg } from '../http/server';
import { DEFAULT_LABELS } from '../labels';
import { billingAccountsPath, call } from './http-client';

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
