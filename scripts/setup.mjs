// Installs the project's npm dependencies when they are missing or differ from
// the lockfile, so `npm test` and `npm start` work from a fresh clone; and the
// progress lines of set-up steps ("Building the bridge... done in 3.2 s").
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './project.mjs';

/**
 * True when node_modules holds what package-lock.json lists: npm's record of the installed tree
 * (node_modules/.package-lock.json) has every required package at its locked version. Compared
 * by content, not by file times, since a checkout gives the lockfile a new time.
 */
export function dependenciesAreCurrent() {
    const installedFile = join(projectRoot, 'node_modules', '.package-lock.json');
    if (!existsSync(installedFile)) return false;
    const locked = JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8'));
    const installed = JSON.parse(readFileSync(installedFile, 'utf8')).packages ?? {};
    return Object.entries(locked.packages ?? {}).every(
        ([path, entry]) =>
            path === '' ||
            entry.optional ||
            entry.version === undefined ||
            installed[path]?.version === entry.version
    );
}

/**
 * Prints "<label>..." and returns the function that prints "<label>: done in N s", so a long
 * first run says what it is doing and how long each step took.
 */
export function startStep(label) {
    const started = Date.now();
    console.log(`${label}...`);
    return () => console.log(`${label}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Runs `work` (synchronous) as a step with progress lines; returns what it returns. */
export function timedStep(label, work) {
    const done = startStep(label);
    const result = work();
    done();
    return result;
}

/**
 * A Node script of the project as a step: its output is shown only when it fails, with the
 * step's name; then the process exits with the script's status.
 */
export function runScriptStep(label, args) {
    return timedStep(label, () => {
        const run = spawnSync(process.execPath, args, { cwd: projectRoot, encoding: 'utf8' });
        if (run.status !== 0) {
            process.stdout.write(run.stdout ?? '');
            process.stderr.write(run.stderr ?? '');
            console.error(`${label} failed; the playground cannot start.`);
            process.exit(run.status ?? 1);
        }
    });
}

export function ensureDependencies() {
    if (dependenciesAreCurrent()) return;
    timedStep('Installing dependencies (npm ci, first run only; about a minute)', () => {
        const run = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
            cwd: projectRoot,
            stdio: 'inherit'
        });
        if (run.status !== 0) {
            console.error('npm ci failed; nothing else can run.');
            process.exit(run.status ?? 1);
        }
    });
}
