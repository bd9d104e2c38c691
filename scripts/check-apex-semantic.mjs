// The semantic Apex check: apex-ls type-checks every class of every package directory against
// the Apex standard library and the standard SObject schema (types, methods, fields,
// assignments), and zuora-adapter against stubs of the documented Zuora 360 API
// (apex-stubs/zuora-360, read as the namespace Zuora and never deployed). It fails on any
// error, any warning, and any member that only tests use (make it @TestVisible private or
// remove it); @InvocableMethod entry points are used by Flow, not by Apex, and are not counted.
//
//   node scripts/check-apex-semantic.mjs [--root <project copy>]
//
// apex-ls reads real files only (it does not follow symbolic links), so the check copies the
// package directories and the stubs into a temporary workspace with its own sfdx-project.json.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { apexLsRuntime } from './apex-ls/runtime.mjs';
import { isMain, projectRoot } from './project.mjs';

const STUBS = { namespace: 'Zuora', path: join('apex-stubs', 'zuora-360') };
const STUBS_IN_WORKSPACE = 'zuora-360-stubs';

/** Copies what apex-ls reads into a fresh temporary workspace; returns its path. */
function prepareWorkspace(root) {
    const project = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8'));
    const workspace = mkdtempSync(join(tmpdir(), 'apex-semantic-'));
    for (const { path } of project.packageDirectories) {
        cpSync(join(root, path), join(workspace, path), { recursive: true });
    }
    cpSync(join(root, STUBS.path), join(workspace, STUBS_IN_WORKSPACE), { recursive: true });
    const checked = {
        packageDirectories: project.packageDirectories.map(({ path, default: isDefault }) => ({
            path,
            default: isDefault === true
        })),
        namespace: '',
        sourceApiVersion: project.sourceApiVersion,
        plugins: { dependencies: [{ namespace: STUBS.namespace, path: STUBS_IN_WORKSPACE }] }
    };
    writeFileSync(join(workspace, 'sfdx-project.json'), JSON.stringify(checked, null, 2));
    return workspace;
}

/** True when the method reported at `line` (1-based) carries @InvocableMethod. */
function isInvocableMethod(file, line) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (let index = line - 2; index >= 0 && index >= line - 12; index--) {
        const text = lines[index].trim();
        if (/^@InvocableMethod\b/i.test(text)) return true;
        if (text.endsWith(';') || text.endsWith('}')) return false;
    }
    return false;
}

/**
 * Runs apex-ls on a project (default: this one). Returns the problems as
 * { file, line, column, category, message } with file relative to the project.
 */
export async function checkApexSemantics(root = projectRoot) {
    const runtime = await apexLsRuntime();
    const workspace = prepareWorkspace(root);
    try {
        const run = spawnSync(
            runtime.java,
            [
                '-cp',
                runtime.classPath,
                'io.github.apexdevtools.apexls.CheckForIssues',
                '-f',
                'json',
                '-d',
                'unused',
                '-n',
                '-w',
                workspace
            ],
            { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
        );
        if (run.error) throw run.error;
        let report;
        try {
            report = JSON.parse(run.stdout);
        } catch {
            throw new Error(
                `apex-ls did not answer JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`
            );
        }
        const problems = [];
        for (const { path, messages } of report.files) {
            for (const message of messages) {
                const line = message.start.line;
                if (message.category === 'Unused' && isInvocableMethod(path, line)) continue;
                const copied = relative(workspace, path);
                problems.push({
                    file: copied.startsWith(STUBS_IN_WORKSPACE)
                        ? copied.replace(STUBS_IN_WORKSPACE, STUBS.path)
                        : copied,
                    line,
                    column: message.start.offset + 1,
                    category: message.category,
                    message: message.message
                });
            }
        }
        return { runtime, problems };
    } finally {
        rmSync(workspace, { recursive: true, force: true });
    }
}

if (isMain(import.meta.url)) {
    const rootFlag = process.argv.indexOf('--root');
    const root = rootFlag === -1 ? projectRoot : resolve(process.argv[rootFlag + 1]);
    const started = Date.now();
    const { runtime, problems } = await checkApexSemantics(root);
    const how = runtime.overlay
        ? 'Java 17 with the lowered-class overlay'
        : `Java ${runtime.major}`;
    for (const problem of problems) {
        console.log(
            `${problem.file}:${problem.line}:${problem.column} ${problem.category}: ${problem.message}`
        );
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`apex-ls 5.3.0 on ${how}: ${problems.length} problem(s) in ${seconds} s`);
    process.exit(problems.length > 0 ? 1 : 0);
}
