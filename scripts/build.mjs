// `npm run build`: writes every generated file of the project.
//   node scripts/build.mjs          build
//   node scripts/build.mjs --check  fail when a committed generated file is stale
import { spawnSync } from 'node:child_process';
import { projectRoot } from './project.mjs';

const STEPS = [
    ['the files generated from the contract', 'scripts/build-contract.mjs'],
    ['the bridge static resource', 'scripts/build-bridge.mjs'],
    ['the contract fixtures static resource', 'scripts/build-fixtures.mjs']
];

const check = process.argv.includes('--check');
let failed = 0;
for (const [name, script] of STEPS) {
    const run = spawnSync('node', [script, ...(check ? ['--check'] : [])], {
        cwd: projectRoot,
        stdio: 'inherit'
    });
    if (run.status !== 0) {
        failed += 1;
        console.error(`${check ? 'Check' : 'Build'} of ${name} failed.`);
    }
}
if (check && failed > 0) {
    console.error('Run `npm run build` and commit the result.');
}
process.exit(failed > 0 ? 1 : 0);
