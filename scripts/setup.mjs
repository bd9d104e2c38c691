// Installs the project's npm dependencies when they are missing or older than
// the lockfile, so `npm test` and `npm start` work from a fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './project.mjs';

export function dependenciesAreCurrent() {
    const installed = join(projectRoot, 'node_modules', '.package-lock.json');
    const lockfile = join(projectRoot, 'package-lock.json');
    return existsSync(installed) && statSync(installed).mtimeMs >= statSync(lockfile).mtimeMs;
}

export function ensureDependencies() {
    if (dependenciesAreCurrent()) return;
    console.log('Installing npm dependencies (npm ci)...');
    const run = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
        cwd: projectRoot,
        stdio: 'inherit'
    });
    if (run.status !== 0) {
        console.error('npm ci failed; nothing else can run.');
        process.exit(run.status ?? 1);
    }
}
