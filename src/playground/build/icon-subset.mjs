// lightning-base-components ships every SLDS icon as a compiled template (about 4 MB of script).
// An org serves them from a shared cache; the playground instead keeps only the icons whose names
// appear literally ('utility:sync', "standard:account", ...) in the given source folders, which
// cuts the page's script by more than half (about 6 MB to 2.5 MB). An icon whose name is only
// computed at run time must also appear literally somewhere in the component's sources to be
// drawn.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CATEGORIES = ['utility', 'standard', 'action', 'doctype', 'custom'];
const ICON_NAME = /(utility|standard|action|doctype|custom):([a-zA-Z0-9_]+)/g;
const TEMPLATES =
    /iconSvgTemplates(Utility|Standard|Action|Doctype|Custom)(Rtl)?[\\/]buildTemplates[\\/]templates\.js$/;

function sourceFiles(dir, out = []) {
    if (!existsSync(dir)) return out;
    for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (name.startsWith('iconSvgTemplates') || name === '__tests__') continue;
        if (statSync(path).isDirectory()) sourceFiles(path, out);
        else if (/\.(js|html)$/.test(name)) out.push(path);
    }
    return out;
}

/** Every icon name written literally in the .js and .html files below the given folders. */
export function iconsUsedIn(dirs) {
    const used = new Set();
    for (const dir of dirs) {
        for (const file of sourceFiles(dir)) {
            for (const [, category, name] of readFileSync(file, 'utf8').matchAll(ICON_NAME)) {
                used.add(`${category}_${name}`);
            }
        }
    }
    // lightning-toast computes `utility:${variant}`.
    for (const variant of ['info', 'success', 'warning', 'error']) used.add(`utility_${variant}`);
    return used;
}

/**
 * @param {{ dirs: string[] }} options folders whose sources name the icons to keep
 * @returns {import('rollup').Plugin}
 */
export function iconSubset({ dirs }) {
    let used;
    return {
        name: 'playground-icon-subset',
        buildStart() {
            used = iconsUsedIn(dirs);
        },
        load(id) {
            const match = TEMPLATES.exec(id);
            if (!match) return null;
            const category = match[1].toLowerCase();
            if (!CATEGORIES.includes(category)) return null;
            const lines = [];
            const names = [];
            for (const [, key, path] of readFileSync(id, 'utf8').matchAll(
                /import \{ default as (\w+) \} from '([^']+)';/g
            )) {
                if (!used.has(key)) continue;
                lines.push(`import { default as ${key} } from '${path}';`);
                names.push(key);
            }
            return `${lines.join('\n')}\nexport default { ${names.join(', ')} };\n`;
        }
    };
}
