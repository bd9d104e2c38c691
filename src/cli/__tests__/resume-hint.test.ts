/**
 * After Ctrl-C the command line prints the command that resumes the run, ready to paste: the
 * connection it used (-o alias, or --instance-url with the token to give again in
 * SF_ACCESS_TOKEN, never the token itself) and the options that shape the resumed run.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import type { RunningOrg } from '../../org-emulator';
import { buildCliInto, startChild, waitFor } from './child';
import { FAST_ENV, runCli, startOrg, StopSwitch, syncRequests, tempDir, TOKEN } from './harness';

/** The command of the "Send the items not sent with" line, as its words. */
function pastedCommand(stderr: string): string[] {
    const line = stderr.split('\n').find((text) => text.startsWith('Send the items not sent with'));
    expect(line).toBeDefined();
    const command = (line as string).slice((line as string).indexOf(': zuora-sync ') + 2);
    return command.split(' ');
}

describe('the resume command printed after an interruption', () => {
    let dir: ReturnType<typeof tempDir>;
    let bundle: string;
    let running: RunningOrg;
    let url: string;
    let ids: string[];

    beforeAll(() => {
        dir = tempDir();
        bundle = join(dir.path, 'zuora-sync.js');
        buildCliInto(bundle);
    }, 60_000);

    afterAll(() => dir.remove());

    beforeEach(async () => {
        ({ running, url, ids } = await startOrg(60));
    }, 60_000);

    afterEach(async () => {
        await running.close();
    }, 60_000);

    it('SIGINT with --instance-url and --access-token: the command names the URL and the options, never the token, and resumes when pasted', async () => {
        running.org.injectFaults({ latencyMs: 150 });
        const out = join(dir.path, 'interrupted.jsonl');
        const idsFile = join(dir.path, 'ids.txt');
        writeFileSync(idsFile, `${ids.join('\n')}\n`);
        const run = startChild(
            bundle,
            [
                '--instance-url',
                url,
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
        await waitFor(() => syncRequests(running.org).length >= 1);
        run.child.kill('SIGINT');

        expect(await run.done).toBe(1);
        const lines = `${run.stdout()}\n${run.stderr()}`.split('\n');
        expect(lines.filter((line) => line.includes(TOKEN))).toEqual([]);
        expect(run.stderr()).toContain(
            'Send the items not sent with (the access token again in SF_ACCESS_TOKEN, never on the command line): ' +
                `zuora-sync --instance-url ${url} --concurrency 1 --api-budget 95 --resume ${out}\n`
        );

        running.org.injectFaults({ latencyMs: 0 });
        const [, ...args] = pastedCommand(run.stderr());
        const resumed = startChild(bundle, args, { ...FAST_ENV, SF_ACCESS_TOKEN: TOKEN });
        expect(await resumed.done).toBe(0);
        expect(resumed.stdout()).toContain('0 not sent');
    }, 60_000);

    it('a run through -o names the alias, and keeps --zuora-ids and --json', async () => {
        const zuoraIds = ids.map((id) => running.org.data.findRecord(id)?.zuoraId as string);
        const out = join(dir.path, 'alias.jsonl');
        const stop = new StopSwitch();
        running.org.injectFaults({ latencyMs: 50 });
        const stopAfterFirst = setInterval(() => {
            if (syncRequests(running.org).length >= 1) {
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
                lookupOrg: () => Promise.resolve({ instanceUrl: url, accessToken: TOKEN })
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
