// Builds the playground into dist/playground:
//   app.js      the page's script: the real onDemandSync component (and any other component of
//               the project it uses), compiled with LWC and lightning-base-components, with the
//               platform imports answered for the browser (./build/platform-modules.mjs)
//   slds.css    the SLDS style sheet as Lightning Experience applies it (./build/slds-css.mjs)
//   server.cjs  the playground server (./main.ts) with the emulated org, bundled for Node
//   playground.cjs  the same as a library (./index.ts), for scripts such as the benchmark
//   build.json  what was built, when, and how big
// Usage: node src/playground/build.mjs [--if-stale]
//   --if-stale  build only when an input changed since the last build
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import * as esbuild from 'esbuild';
import { readLabels } from './build/labels.mjs';
import { readDesignDefaults } from './build/design-attributes.mjs';
import { salesforcePlatformModules } from './build/platform-modules.mjs';
import { iconSubset } from './build/icon-subset.mjs';
import { buildSldsCss } from './build/slds-css.mjs';
import { unusedBaseComponents } from './build/unused-base-components.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const projectRoot = join(here, '..', '..');
export const COMPONENT = 'onDemandSync';

export const defaultPaths = {
    lwcDir: join(projectRoot, 'force-app', 'main', 'default', 'lwc'),
    labelsFile: join(
        projectRoot,
        'force-app',
        'main',
        'default',
        'labels',
        'CustomLabels.labels-meta.xml'
    ),
    outDir: join(projectRoot, 'dist', 'playground')
};

function baseComponentsDir() {
    const require = createRequire(import.meta.url);
    return join(dirname(require.resolve('lightning-base-components/package.json')), 'src');
}

/** One alias module record per component folder: c/<folder> -> <folder>/<folder>.js */
function componentModules(lwcDir) {
    if (!existsSync(lwcDir)) return [];
    return readdirSync(lwcDir)
        .filter((name) => existsSync(join(lwcDir, name, `${name}.js`)))
        .map((name) => ({ name: `c/${name}`, path: join(lwcDir, name, `${name}.js`) }));
}

function designAttributes(defaults) {
    const id = '\0playground:design-attributes';
    return {
        name: 'playground-design-attributes',
        resolveId: (source) => (source === 'playground:design-attributes' ? id : null),
        load: (source) => (source === id ? `export default ${JSON.stringify(defaults)};\n` : null)
    };
}

async function buildApp({ lwcDir, labelsFile, outDir, minify }) {
    const modules = componentModules(lwcDir);
    if (!modules.some((m) => m.name === `c/${COMPONENT}`)) {
        throw new Error(`No ${COMPONENT} component in ${relative(projectRoot, lwcDir) || lwcDir}`);
    }
    const labels = readLabels(labelsFile);
    const defaults = readDesignDefaults(join(lwcDir, COMPONENT, `${COMPONENT}.js-meta.xml`));
    const bundle = await rollup({
        input: join(here, 'browser', 'main.js'),
        plugins: [
            salesforcePlatformModules({ labels, labelsFile }),
            unusedBaseComponents(),
            designAttributes(defaults),
            iconSubset({ dirs: [lwcDir, join(here, 'browser'), baseComponentsDir()] }),
            replace({
                preventAssignment: true,
                values: {
                    'import.meta.env.SSR': 'false',
                    'process.env.NODE_ENV': JSON.stringify('production')
                }
            }),
            lwc({
                rootDir: join(here, 'browser'),
                enableDynamicComponents: true,
                modules: [
                    ...modules,
                    { dir: join(here, 'browser', 'lwc') },
                    { npm: 'lightning-base-components' }
                ]
            }),
            nodeResolve()
        ],
        onwarn(warning, warn) {
            if (warning.code === 'UNRESOLVED_IMPORT') {
                throw new Error(
                    `${warning.exporter} (imported by ${warning.id}) is not available in the playground`
                );
            }
            // lightning-base-components' own templates draw compiler warnings; they are not ours.
            if (
                String(warning.id ?? warning.loc?.file ?? '').includes('lightning-base-components')
            ) {
                return;
            }
            warn(warning);
        }
    });
    const { output } = await bundle.generate({ format: 'iife', inlineDynamicImports: true });
    await bundle.close();
    let code = output[0].code;
    if (minify) {
        code = (await esbuild.transform(code, { minify: true, target: 'es2020' })).code;
    }
    writeFileSync(join(outDir, 'app.js'), code);
    return { bytes: Buffer.byteLength(code), components: modules.map((m) => m.name), labels };
}

async function buildServer({ outDir }) {
    const common = {
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        packages: 'external',
        logLevel: 'warning'
    };
    await esbuild.build({
        ...common,
        entryPoints: [join(here, 'main.ts')],
        outfile: join(outDir, 'server.cjs')
    });
    await esbuild.build({
        ...common,
        entryPoints: [join(here, 'index.ts')],
        outfile: join(outDir, 'playground.cjs')
    });
}

/**
 * @param {{ lwcDir?: string, labelsFile?: string, outDir?: string, minify?: boolean,
 *           server?: boolean, onStep?: (step: string) => (() => void) }} [options]
 *   onStep: called as each step starts with its description; the function it returns is called
 *   when that step is done (for progress lines).
 */
export async function buildPlayground(options = {}) {
    const { lwcDir, labelsFile, outDir } = { ...defaultPaths, ...options };
    const minify = options.minify ?? true;
    const started = Date.now();
    const onStep = options.onStep ?? (() => () => {});
    const steps = options.server === false ? 1 : 2;
    mkdirSync(outDir, { recursive: true });
    let done = onStep(`step 1/${steps}: the page's script with the component, and SLDS`);
    const app = await buildApp({ lwcDir, labelsFile, outDir, minify });
    writeFileSync(join(outDir, 'slds.css'), buildSldsCss());
    done();
    if (options.server !== false) {
        done = onStep(`step 2/${steps}: the server with the emulated org`);
        await buildServer({ outDir });
        done();
    }
    const info = {
        builtAt: new Date(started).toISOString(),
        appBytes: app.bytes,
        components: app.components,
        labels: Object.keys(app.labels).length,
        millis: Date.now() - started
    };
    writeFileSync(join(outDir, 'build.json'), `${JSON.stringify(info, null, 4)}\n`);
    return info;
}

/** Newest modification time of a file or of any file below a folder (tests excluded). */
export function newestChange(path) {
    if (!existsSync(path)) return 0;
    const stat = statSync(path);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return readdirSync(path)
        .filter((name) => name !== '__tests__')
        .reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

/** What the build reads: a change to any of these makes the build stale. */
const INPUTS = [
    'force-app/main/default/lwc',
    'force-app/main/default/labels',
    'src/playground',
    'src/org-emulator',
    'src/bridge',
    'package-lock.json'
];

/** True when dist/playground was built after the last change to any input. */
export function isPlaygroundCurrent(outDir = defaultPaths.outDir) {
    const built = join(outDir, 'build.json');
    if (!existsSync(built) || !existsSync(join(outDir, 'app.js'))) return false;
    const builtAt = statSync(built).mtimeMs;
    return INPUTS.every((input) => newestChange(join(projectRoot, input)) <= builtAt);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    if (process.argv.includes('--if-stale') && isPlaygroundCurrent()) {
        console.log('Playground build is current.');
        process.exit(0);
    }
    buildPlayground()
        .then((info) => {
            const kib = (info.appBytes / 1024).toFixed(0);
            console.log(
                `Playground built in ${(info.millis / 1000).toFixed(1)} s: app.js ${kib} KiB, ` +
                    `${info.components.length} component(s), ${info.labels} label(s).`
            );
        })
        .catch((error) => {
            console.error(`Playground build failed: ${error.message}`);
            process.exit(1);
        });
}
