// Where the project is, and whether a script module is the one Node was asked to run.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** True when the module with this import.meta.url is the script Node is running. */
export function isMain(moduleUrl) {
    if (!process.argv[1]) return false;
    const running = realpathSync(resolve(process.argv[1]));
    return realpathSync(fileURLToPath(moduleUrl)) === running;
}
