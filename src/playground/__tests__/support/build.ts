/**
 * Makes sure the playground the tests load is built from the current sources: `npm run build`
 * first when the bridge static resource is missing, then `node src/playground/build.mjs
 * --if-stale` (it rebuilds only when an input changed).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const PROJECT_ROOT = join(__dirname, '..', '..', '..', '..');

function run(args: string[], what: string): void {
    const result = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, encoding: 'utf8' });
    if (result.status !== 0) {
        throw new Error(`${what} failed:\n${result.stdout}\n${result.stderr}`);
    }
}

export function ensurePlaygroundBuilt(): void {
    const bridge = join(
        PROJECT_ROOT,
        'force-app/main/default/staticresources/OnDemandSyncBridge.js'
    );
    if (!existsSync(bridge)) run(['scripts/build.mjs'], 'npm run build');
    run(['src/playground/build.mjs', '--if-stale'], 'The playground build');
}
