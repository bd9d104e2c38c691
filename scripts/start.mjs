// `npm start`: the local playground. Sets itself up (npm ci when node_modules is missing or
// stale), builds the bridge static resource and the playground when their sources changed, then
// serves the mock Account record page and the emulated org on http://127.0.0.1:$PORT (3000).
// Fault injection: see src/playground/environment.ts (PLAYGROUND_LATENCY_MS, ...).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { projectRoot } from './project.mjs';
import { ensureDependencies } from './setup.mjs';

function step(name, args) {
    const run = spawnSync(process.execPath, args, { cwd: projectRoot, stdio: 'inherit' });
    if (run.status !== 0) {
        console.error(`${name} failed; the playground cannot start.`);
        process.exit(run.status ?? 1);
    }
}

ensureDependencies();
step('Building the bridge static resource', ['scripts/build.mjs']);
step('Building the playground', ['src/playground/build.mjs', '--if-stale']);
// The server starts on load and stops on Ctrl+C.
createRequire(import.meta.url)(join(projectRoot, 'dist', 'playground', 'server.cjs'));
