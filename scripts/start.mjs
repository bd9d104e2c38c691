// `npm start`: the local playground. Sets itself up (npm ci when node_modules is missing or
// stale), builds the bridge static resource and the playground when their sources changed, then
// serves the mock Account record page and the emulated org on http://127.0.0.1:$PORT (3000).
// Each step says what it does and how long it took, so a first run is not silent for a minute.
// Fault injection: see src/playground/environment.ts (PLAYGROUND_LATENCY_MS, ...).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './project.mjs';
import { ensureDependencies, runScriptStep, startStep } from './setup.mjs';

/** Builds the playground when an input changed, one progress line pair per step. */
export async function buildPlaygroundIfStale() {
    // Imported only now: the build's own dependencies exist once ensureDependencies has run.
    const build = await import(pathToFileURL(join(projectRoot, 'src/playground/build.mjs')).href);
    if (build.isPlaygroundCurrent()) {
        console.log('Building the playground: up to date.');
        return;
    }
    const info = await build.buildPlayground({
        onStep: (step) => startStep(`Building the playground (${step})`)
    });
    console.log(`Playground built: app.js ${(info.appBytes / 1024).toFixed(0)} KiB.`);
}

/** Everything `npm start` does before the server starts. */
export async function preparePlayground() {
    ensureDependencies();
    runScriptStep('Building the bridge', ['scripts/build.mjs']);
    await buildPlaygroundIfStale();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    await preparePlayground();
    console.log('Starting the playground...');
    // The server starts on load and stops on Ctrl+C.
    createRequire(import.meta.url)(join(projectRoot, 'dist', 'playground', 'server.cjs'));
}
