/**
 * The short seeded soak: the real command line against the emulated org with random faults,
 * latency and kills, resumed until complete. Any id lost, synced twice in Zuora or left
 * non-final, and any token leak fails it (`npm run soak` runs the long version).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

interface SoakReport {
    runs: number;
    lost: number;
    syncedTwice: number;
    nonFinal: number;
    leaks: number;
    problems: unknown[];
}

function soak(
    args: string[]
): Promise<{ code: number | null; report: SoakReport; stderr: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['scripts/soak.mjs', ...args, '--json'], {
            cwd: root,
            stdio: ['ignore', 'pipe', 'pipe']
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) => {
            try {
                resolve({ code, report: JSON.parse(stdout) as SoakReport, stderr });
            } catch {
                reject(new Error(`The soak printed no report (exit ${String(code)}): ${stderr}`));
            }
        });
    });
}

describe('the seeded soak', () => {
    it('loses nothing, syncs nothing twice, leaves nothing non-final and leaks no token', async () => {
        const { code, report } = await soak(['--runs', '8', '--ids', '50', '--seed', '20261203']);

        expect(report.runs).toBe(8);
        expect(report.problems).toEqual([]);
        expect({
            lost: report.lost,
            syncedTwice: report.syncedTwice,
            nonFinal: report.nonFinal,
            leaks: report.leaks
        }).toEqual({ lost: 0, syncedTwice: 0, nonFinal: 0, leaks: 0 });
        expect(code).toBe(0);
    }, 120_000);
});
