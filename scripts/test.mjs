// `npm test`: everything that verifies the project, in one command.
// Sets itself up first (npm ci when node_modules is missing or stale), then
// runs each check in turn and fails when any of them fails.
import { spawnSync } from 'node:child_process';
import { projectRoot } from './project.mjs';
import { ensureDependencies } from './setup.mjs';

const CHECKS = [
    ['generated files are current', 'node', ['scripts/build.mjs', '--check']],
    ['types', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
    ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
    ['formatting (Apex included)', 'npx', ['prettier', '--check', '.']],
    ['Apex syntax', 'node', ['scripts/check-apex-syntax.mjs']],
    ['Apex semantics (apex-ls)', 'node', ['scripts/check-apex-semantic.mjs']],
    ['Apex static analysis (PMD)', 'node', ['scripts/check-apex-pmd.mjs']],
    ['metadata converts', 'node', ['scripts/check-metadata-converts.mjs']],
    ['jest (TypeScript and components)', 'npx', ['jest', ...jestArguments()]]
];

function jestArguments() {
    const extra = process.argv.slice(2);
    return process.env.CI ? ['--ci', ...extra] : extra;
}

ensureDependencies();

const outcomes = [];
for (const [name, command, args] of CHECKS) {
    console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
    const started = Date.now();
    const run = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit' });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const passed = run.status === 0;
    outcomes.push({ name, passed, seconds });
    console.log(`=== ${name}: ${passed ? 'passed' : 'FAILED'} in ${seconds} s`);
}

console.log('\nSummary');
for (const { name, passed, seconds } of outcomes) {
    console.log(`  ${passed ? 'ok  ' : 'FAIL'}  ${name} (${seconds} s)`);
}
const failed = outcomes.filter((o) => !o.passed).length;
console.log(`checks: ${outcomes.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
