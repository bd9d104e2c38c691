/**
 * zuora-sync --account for an Account that does not exist or that the user cannot see: the org's
 * listing answers 404 NOT_FOUND, and the command line exits 2 naming each such Account before it
 * sends anything, also when other --account values are fine.
 */
import { SAMPLE_ACCOUNT_IDS, type RunningOrg } from '../../org-emulator';
import { orgEnv, runCli, startOrg } from './harness';

/** A well-formed Account id that no record has. */
const UNKNOWN_ACCOUNT = '001000000000000AAA';

describe('zuora-sync --account of an Account the user cannot list', () => {
    let running: RunningOrg;
    let url: string;
    let accountId: string;

    beforeEach(async () => {
        ({ running, url, accountId } = await startOrg(12));
    }, 60_000);

    afterEach(async () => {
        await running.close();
    }, 60_000);

    const posts = (suffix: RegExp) =>
        running.org
            .receivedRequests()
            .filter((request) => request.method === 'POST' && suffix.test(request.path));

    it('an unknown Account exits 2 naming it; nothing is sent', async () => {
        const run = await runCli(['--account', UNKNOWN_ACCOUNT], { env: orgEnv(url) });

        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(
            new RegExp(
                `^Error: Account ${UNKNOWN_ACCOUNT} could not be read\\. Nothing was sent\\.`
            )
        );
        expect(run.stderr).toContain(
            `Account ${UNKNOWN_ACCOUNT} does not exist or this user cannot see it`
        );
        expect(run.stderr).not.toContain('No billing account to sync');
        expect(run.stdout).toBe('');
        expect(posts(/\/v1\/sync$/)).toHaveLength(0);
    }, 60_000);

    it('several --account values, one unknown and one hidden: exit 2 naming each, nothing sent', async () => {
        running.org.data.setVisible(SAMPLE_ACCOUNT_IDS.twelveBillingAccounts, false);
        const args = [
            '--account',
            accountId,
            '--account',
            UNKNOWN_ACCOUNT,
            '--account',
            SAMPLE_ACCOUNT_IDS.twelveBillingAccounts
        ];

        const human = await runCli(args, { env: orgEnv(url) });
        expect(human.code).toBe(2);
        expect(human.stderr).toContain(
            `2 Accounts ${UNKNOWN_ACCOUNT}, ${SAMPLE_ACCOUNT_IDS.twelveBillingAccounts} could not be read`
        );
        expect(human.stderr).not.toContain(`--account ${accountId}`);

        const json = await runCli([...args, '--json'], { env: orgEnv(url) });
        expect(json.code).toBe(2);
        const document = JSON.parse(json.stdout);
        expect(document.status).toBe(2);
        expect(document.result.results).toEqual([]);
        expect(
            document.warnings.filter((warning: { code: string }) => warning.code === 'NOT_FOUND')
        ).toEqual([
            {
                code: 'NOT_FOUND',
                message: expect.stringContaining(`Account ${UNKNOWN_ACCOUNT} does not exist`)
            },
            {
                code: 'NOT_FOUND',
                message: expect.stringContaining(
                    `Account ${SAMPLE_ACCOUNT_IDS.twelveBillingAccounts} does not exist`
                )
            }
        ]);
        expect(posts(/\/v1\/sync$/)).toHaveLength(0);
    }, 60_000);

    it('--background with several Accounts, one unknown: no job is started', async () => {
        const run = await runCli(
            ['--account', accountId, '--account', UNKNOWN_ACCOUNT, '--background'],
            { env: orgEnv(url) }
        );

        expect(run.code).toBe(2);
        expect(run.stderr).toContain(`Account ${UNKNOWN_ACCOUNT} could not be read`);
        expect(posts(/\/v1\/jobs$/)).toHaveLength(0);
    }, 60_000);
});
