// Lists the Apex sources of every package directory in sfdx-project.json.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './project.mjs';

export function packageDirectories() {
    const project = JSON.parse(readFileSync(join(projectRoot, 'sfdx-project.json'), 'utf8'));
    return project.packageDirectories.map((dir) => dir.path);
}

function walk(dir, out) {
    for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path, out);
        else if (/\.(cls|trigger)$/.test(name)) out.push(path);
    }
    return out;
}

export function apexFiles() {
    return packageDirectories()
        .flatMap((dir) => walk(join(projectRoot, dir), []))
        .sort();
}
