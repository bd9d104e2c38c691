/**
 * After Ctrl-C the command line prints the command that resumes the run, ready to paste: the
 * connection it used (-o alias, or --instance-url with the token to give again in
 * SF_ACCESS_TOKEN, never the token itself) and the options that shape the resumed run.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { bundledCli, startChild, waitFor } from './child';
import { FAST_ENV, orgPerTest, runCli, StopSwitch, syncRequests, TOKEN } from './harness';

/** The command of the "Send the items not sent with" line, as its words. */
function pastedCommand(stderr: string): string[] {
    const line = stderr.split('\n').find((text) => text.startsWith('Send the items not sent with'));
    expect(line).toBeDefined();
    const command = (line as string).slice((line as string).indexOf(': zuora-sync ') + 2);
    return command.split(' ');
}

describe('the resume command printed after an interruption', () => {
    const cli = bundledCli();
    const fixture = orgPerTest(60);

    it('SIGINT with --instance-url and --access-token: the command names the URL and the options, never the token, and resumes when pasted', async () => {
        fixture.running.org.injectFaults({ latencyMs: 150 });
        const out = join(fixture.dir.path, 'interrupted.jsonl');
        const idsFile = join(fixture.dir.path, 'ids.txt');
        writeFileSync(idsFile, `${fixture.ids.join('\n')}\n`);
        const run = startChild(
            cli.bundle,
            [
                '--instance-url',
                fixture.url,
                '--access-token',
                TOKEN,
                '--file',
                idsFile,
                '--out',
                out,
                '--concurrency',
                '1',
                '--api-budget',
                '95'
            ],
            { ...FAST_ENV }
        );
        await waitFor(() => syncRequests(fixture.running.org).length >= 1);
        run.child.kill('SIGINT');

        expect(await run.done).toBe(1);
        const lines = `${run.stdout()}\n${run.stderr()}`.split('\n');
        expect(lines.filter((line) => line.includes(TOKEN))).toEqual([]);
        expect(run.stderr()).toContain(
            'Send the items not sent with (the access token again in SF_ACCESS_TOKEN, never on the command line): ' +
                `zuora-sync --instance-url ${fixture.url} --concurrency 1 --api-budget 95 --resume ${out}\n`
        );

        fixture.running.org.injectFaults({ latencyMs: 0 });
        const [, ...args] = pastedCommand(run.stderr());
        const resumed = startChild(cli.bundle, args, { ...FAST_ENV, SF_ACCESS_TOKEN: TOKEN });
        expect(await resumed.done).toBe(0);
        expect(resumed.stdout()).toContain('0 not sent');
    }, 60_000);

    it('a run through -o names the alias, and keeps --zuora-ids and --json', async () => {
        const zuoraIds = fixture.ids.map(
            (id) => fixture.running.org.data.findRecord(id)?.zuoraId as string
        );
        const out = join(fixture.dir.path, 'alias.jsonl');
        const stop = new StopSwitch();
        fixture.running.org.injectFaults({ latencyMs: 50 });
        const stopAfterFirst = setInterval(() => {
            if (syncRequests(fixture.running.org).length >= 1) {
                stop.stop({ reason: 'interrupted', code: 'INTERRUPTED', message: 'Interrupted.' });
            }
        }, 5);

        const run = await runCli(
            [
                '-o',
                'prod',
                ...zuoraIds,
                '--zuora-ids',
                '--out',
                out,
                '--json',
                '--concurrency',
                '1'
            ],
            {
                env: { ...FAST_ENV },
                stop,
                lookupOrg: () => Promise.resolve({ instanceUrl: fixture.url, accessToken: TOKEN })
            }
        );
        clearInterval(stopAfterFirst);

        expect(run.code).toBe(1);
        expect(`${run.stdout}${run.stderr}`).not.toContain(TOKEN);
        expect(run.stderr).toContain(
            `Send the items not sent with: zuora-sync -o prod --zuora-ids --concurrency 1 --json --resume ${out}\n`
        );
    }, 60_000);
});
