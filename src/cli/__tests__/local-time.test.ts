/**
 * Times in the output, with a real process in a given time zone (TZ): people read local time with
 * its UTC offset, --json and --out keep ISO 8601 UTC (and the org's own words).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { SAMPLE_COOLING_DOWN_ID } from '../../org-emulator';
import { bundledCli, startChild } from './child';
import { orgEnv, orgPerTest, readLines } from './harness';

/** The org's "2026-12-03 16:05 UTC" in a message, as a moment. */
function utcMomentIn(message: string): Date {
    const match = /(\d{4}-\d\d-\d\d) (\d\d:\d\d) UTC/.exec(message);
    expect(match).not.toBeNull();
    return new Date(`${match?.[1]}T${match?.[2]}:00Z`);
}

/** `moment` as "YYYY-MM-DD HH:MM" at `offsetMinutes` east of UTC. */
function wallClock(moment: Date, offsetMinutes: number): string {
    return new Date(moment.getTime() + offsetMinutes * 60000)
        .toISOString()
        .slice(0, 16)
        .replace('T', ' ');
}

describe('times in the output', () => {
    const cli = bundledCli();
    const fixture = orgPerTest(3);

    it.each([
        ['Asia/Kolkata', 330, '+05:30'],
        ['America/Sao_Paulo', -180, '-03:00'],
        ['UTC', 0, '+00:00']
    ])(
        'TZ=%s: the human output shows local time with its offset; --json and --out stay UTC',
        async (zone, offset, suffix) => {
            // The sample billing account is in its cooldown window: the org answers SKIPPED, until when.
            const out = join(fixture.dir.path, `${zone.replace('/', '-')}.jsonl`);
            const json = startChild(cli.bundle, [SAMPLE_COOLING_DOWN_ID, '--json', '--out', out], {
                ...orgEnv(fixture.url),
                TZ: zone
            });
            expect(await json.done).toBe(1);
            const [result] = JSON.parse(json.stdout()).result.results;
            expect(result.status).toBe('SKIPPED');
            expect(result.cooldownUntil).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
            const until = utcMomentIn(result.message);
            expect(readLines(readFileSync(out, 'utf8'))[0]?.at).toMatch(/Z$/);

            const human = startChild(cli.bundle, [SAMPLE_COOLING_DOWN_ID], {
                ...orgEnv(fixture.url),
                TZ: zone
            });
            expect(await human.done).toBe(1);
            const row = human
                .stdout()
                .split('\n')
                .find((line) => line.startsWith(SAMPLE_COOLING_DOWN_ID));
            expect(row).toContain(`${wallClock(until, offset)} ${suffix}`);
            expect(row).not.toMatch(/ UTC|\dZ\b/);
        },
        60_000
    );
});
