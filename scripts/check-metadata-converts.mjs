// Proves the metadata of every package directory is well formed: every
// -meta.xml file is well-formed XML in the metadata namespace, and the
// Salesforce CLI converts each package directory to the metadata API format,
// offline, with every Apex class of every nested folder in the result.
// (The conversion alone copies broken XML without a word.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { apexFiles, packageDirectories } from './apex-files.mjs';
import { projectRoot } from './project.mjs';
import { sfEnvironment, sfBinary } from './sf.mjs';

// Metadata outside the package directories: the scratch-org-only activation of the sample page.
const EXTRA_SOURCE_DIRS = ['config/scratch-org'];
const sourceDirs = [...packageDirectories(), ...EXTRA_SOURCE_DIRS];

const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

function filesEndingWith(dir, ending, out = []) {
    for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) filesEndingWith(path, ending, out);
        else if (name.endsWith(ending)) out.push(path);
    }
    return out;
}

const metadataFiles = (dir) => filesEndingWith(dir, '-meta.xml');

/** The Apex class names of the files under `dir` (any depth). */
const classNames = (files) =>
    files
        .filter((file) => file.endsWith('.cls'))
        .map((file) => basename(file, '.cls'))
        .sort();

/** Returns a problem description for one metadata file, or null. */
export function xmlProblem(text) {
    const verdict = XMLValidator.validate(text);
    if (verdict !== true) {
        return `line ${verdict.err.line}: ${verdict.err.msg}`;
    }
    if (!text.includes(`xmlns="${METADATA_NAMESPACE}"`)) {
        return `missing xmlns="${METADATA_NAMESPACE}"`;
    }
    return null;
}

let xmlFiles = 0;
const xmlProblems = [];
for (const dir of sourceDirs) {
    for (const file of metadataFiles(join(projectRoot, dir))) {
        xmlFiles += 1;
        const problem = xmlProblem(readFileSync(file, 'utf8'));
        if (problem) xmlProblems.push(`${relative(projectRoot, file)}: ${problem}`);
    }
}
if (xmlProblems.length > 0) {
    console.error(xmlProblems.join('\n'));
    console.error(`Metadata: ${xmlProblems.length} malformed file(s).`);
    process.exit(1);
}
console.log(`Metadata: ${xmlFiles} -meta.xml file(s) are well formed.`);

const outputRoot = mkdtempSync(join(tmpdir(), 'ods-convert-'));
let failed = 0;
try {
    for (const dir of sourceDirs) {
        const outputDir = join(outputRoot, dir);
        const run = spawnSync(
            sfBinary,
            [
                'project',
                'convert',
                'source',
                '--source-dir',
                dir,
                '--output-dir',
                outputDir,
                '--json'
            ],
            { cwd: projectRoot, env: sfEnvironment(), encoding: 'utf8' }
        );
        let result;
        try {
            result = JSON.parse(run.stdout);
        } catch {
            result = { status: 1, message: run.stderr || run.stdout };
        }
        if (run.status !== 0 || result.status !== 0) {
            failed += 1;
            console.error(`Metadata: ${dir} does not convert: ${result.message ?? run.stderr}`);
            continue;
        }
        // Every class of the package directory, whatever folder it sits in, is in the result.
        const source = classNames(
            apexFiles().filter((file) => file.startsWith(join(projectRoot, dir, '/')))
        );
        const converted = new Set(classNames(filesEndingWith(outputDir, '.cls')));
        const missing = source.filter((name) => !converted.has(name));
        if (missing.length > 0) {
            failed += 1;
            console.error(`Metadata: ${dir} converts without ${missing.join(', ')}.`);
        } else {
            console.log(
                `Metadata: ${dir} converts with its ${source.length} Apex class(es) (${result.result?.location ?? outputDir}).`
            );
        }
    }
} finally {
    rmSync(outputRoot, { recursive: true, force: true });
}
process.exit(failed > 0 ? 1 : 0);
