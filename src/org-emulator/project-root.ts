/** Finds the project's root folder (the one holding sfdx-project.json), from this module up. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function projectRoot(start: string = __dirname): string {
    let dir = start;
    while (!existsSync(join(dir, 'sfdx-project.json'))) {
        const parent = dirname(dir);
        if (parent === dir) {
            throw new Error(`No sfdx-project.json above ${start}`);
        }
        dir = parent;
    }
    return dir;
}
