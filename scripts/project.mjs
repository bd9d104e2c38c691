// Where the project is, whether a script module is the one Node was asked to run, and how
// generated files are written or checked.
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** True when the module with this import.meta.url is the script Node is running. */
export function isMain(moduleUrl) {
    if (!process.argv[1]) return false;
    const running = realpathSync(resolve(process.argv[1]));
    return realpathSync(fileURLToPath(moduleUrl)) === running;
}

/**
 * Compares generated files ({ relative path: content }) with those under `root`. Returns the
 * paths that are missing or differ; writes them too, unless `check` is set.
 */
export function syncGeneratedFiles(root, files, { check = false } = {}) {
    const stale = Object.entries(files).filter(([file, content]) => {
        const path = join(root, file);
        return !existsSync(path) || readFileSync(path, 'utf8') !== content;
    });
    if (!check) {
        for (const [file, content] of stale) {
            mkdirSync(dirname(join(root, file)), { recursive: true });
            writeFileSync(join(root, file), content);
        }
    }
    return stale.map(([file]) => file);
}
