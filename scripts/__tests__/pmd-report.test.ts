/**
 * The PMD check prints each failure in full and the advice as one count: runs the real
 * formatter module (an ES module, so through a child Node process).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const MODULE = join(__dirname, '..', 'pmd-report.mjs');

function pmdReportLines(
    violations: unknown[],
    options: { ruleCount: number; listAdvice?: boolean }
): string[] {
    const script = `import { pmdReportLines } from ${JSON.stringify(MODULE)};
const input = JSON.parse(process.argv[1]);
const lines = pmdReportLines(input.violations, { ...input.options, isFailing: (v) => v.severity <= 2 });
console.log(JSON.stringify(lines));`;
    const run = spawnSync(
        process.execPath,
        ['--input-type=module', '-e', script, JSON.stringify({ violations, options })],
        { encoding: 'utf8' }
    );
    if (run.status !== 0) throw new Error(run.stderr);
    return JSON.parse(run.stdout);
}

const finding = (severity: number, rule: string, line: number) => ({
    severity,
    rule,
    file: 'force-app/main/default/classes/A.cls',
    line,
    message: `${rule} at ${line}`
});

describe('PMD report lines', () => {
    const violations = [finding(1, 'Critical', 3), finding(3, 'Advice', 7), finding(4, 'Style', 9)];

    it('prints each failure in full and the advice as one count', () => {
        const lines: string[] = pmdReportLines(violations, { ruleCount: 50 });
        expect(lines).toEqual([
            'ERROR sev1 Critical force-app/main/default/classes/A.cls:3 Critical at 3',
            'PMD: 50 rule(s), 1 failing, 2 advice finding(s) (PMD_ADVICE=full lists them).'
        ]);
    });

    it('lists the advice when asked', () => {
        const lines: string[] = pmdReportLines(violations, {
            ruleCount: 50,
            listAdvice: true
        });
        expect(lines).toHaveLength(4);
        expect(lines[2]).toBe(
            'advice sev4 Style force-app/main/default/classes/A.cls:9 Style at 9'
        );
    });
});
