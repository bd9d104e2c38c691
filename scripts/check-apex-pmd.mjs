// Runs PMD's Recommended Apex rules (through Salesforce Code Analyzer's core
// library) over every package directory and fails on any violation of
// severity 1 (Critical) or 2 (High), and on the security and test rules this
// project holds itself to whatever their default severity. Failures are printed
// in full; other findings are advice, printed as one count (PMD_ADVICE=full
// lists them).
//
// Rules turned off, and why:
// - none at severities 1 and 2.
import { CodeAnalyzer, CodeAnalyzerConfig } from '@salesforce/code-analyzer-core';
import * as pmdEngine from '@salesforce/code-analyzer-pmd-engine';
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageDirectories } from './apex-files.mjs';
import { pmdReportLines } from './pmd-report.mjs';
import { projectRoot } from './project.mjs';

const FAILING_SEVERITIES = new Set([1, 2]);
const ALWAYS_FAILING_RULES = new Set([
    'ApexSharingViolations',
    'ApexCRUDViolation',
    'ApexSOQLInjection',
    'ApexUnitTestClassShouldHaveAsserts',
    'ApexUnitTestShouldNotUseSeeAllDataTrue'
]);
const isFailing = (v) => FAILING_SEVERITIES.has(v.severity) || ALWAYS_FAILING_RULES.has(v.rule);

const logFolder = join(projectRoot, '.tmp', 'code-analyzer');
mkdirSync(logFolder, { recursive: true });
const config = CodeAnalyzerConfig.fromObject(
    {
        log_folder: logFolder,
        engines: { pmd: { file_extensions: { apex: ['.cls', '.trigger'] } } }
    },
    projectRoot
);
const analyzer = new CodeAnalyzer(config);
await analyzer.addEnginePlugin(pmdEngine.createEnginePlugin());
const workspace = await analyzer.createWorkspace(
    packageDirectories().map((dir) => join(projectRoot, dir))
);
const rules = await analyzer.selectRules(['pmd:Recommended:Apex'], {
    workspace
});
const results = await analyzer.run(rules, { workspace });

const violations = results.getViolations().map((violation) => {
    const location = violation.getPrimaryLocation();
    return {
        severity: violation.getRule().getSeverityLevel(),
        rule: violation.getRule().getName(),
        file: relative(projectRoot, location.getFile() ?? ''),
        line: location.getStartLine(),
        message: violation.getMessage().trim()
    };
});
violations.sort(
    (a, b) => a.severity - b.severity || a.file.localeCompare(b.file) || a.line - b.line
);
const failing = violations.filter(isFailing);
for (const line of pmdReportLines(violations, {
    isFailing,
    ruleCount: rules.getCount(),
    listAdvice: process.env.PMD_ADVICE === 'full'
})) {
    console.log(line);
}
if (rules.getCount() === 0) {
    console.error('PMD selected no rules: the check would prove nothing.');
    process.exit(1);
}
process.exit(failing.length > 0 ? 1 : 0);
