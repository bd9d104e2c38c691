/**
 * A very long file of ids (a million lines) is read, validated and planned without overflowing
 * the call stack (no spreading of long lists into push()), in memory proportional to the ids.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { toId18 } from '../../bridge';
import { runCli, tempDir } from './harness';

const COUNT = 1_000_000;

/** The n-th generated billing account id (prefix a0X, 18 characters). */
function idOf(n: number): string {
    return toId18(`a0X5g${n.toString(36).padStart(10, '0')}`) as string;
}

describe('a file of a million ids', () => {
    it('is validated and planned in batches of 10 (a dry run)', async () => {
        const dir = tempDir();
        try {
            const file = join(dir.path, 'ids.txt');
            const lines: string[] = new Array<string>(COUNT);
            for (let n = 0; n < COUNT; n++) {
                lines[n] = idOf(n);
            }
            writeFileSync(file, `Id\n${lines.join('\n')}\n`);
            const heapBefore = process.memoryUsage().heapUsed;

            const run = await runCli(['--file', file, '--dry-run'], { env: {} });

            expect(run.stderr).toBe('');
            expect(run.code).toBe(0);
            expect(run.stdout).toMatch(
                /Dry run: 1000000 items in 100000 batches of at most 10; nothing was sent\.\n$/
            );
            // Proportional to the ids: well under a kilobyte per id held after the run.
            const heapAfter = process.memoryUsage().heapUsed;
            expect((heapAfter - heapBefore) / COUNT).toBeLessThan(1024);
        } finally {
            dir.remove();
        }
    }, 120_000);
});
