// `npm run deploy -- --target-org ALIAS`: builds the bridge, deploys the core
// (force-app), deploys the Zuora adapter where Zuora 360 is installed, and
// assigns the permission set to the deploying user.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { projectRoot } from './project.mjs';
import { sfBinary, sfEnvironment } from './sf.mjs';

const ZUORA_NAMESPACE = 'Zuora';
const PERMISSION_SET = 'Zuora_On_Demand_Sync';
// Makes the sample FlexiPage the default Account record page; never part of force-app, so a
// production deploy does not replace anybody's Account page.
const SAMPLE_PAGE_ACTIVATION = 'config/scratch-org';

const { values } = parseArgs({
    options: {
        'target-org': { type: 'string', short: 'o' },
        'skip-adapter': { type: 'boolean', default: false },
        'activate-sample-page': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false }
    }
});

if (values.help) {
    console.log(
        'Usage: npm run deploy -- [--target-org ALIAS] [--skip-adapter] [--activate-sample-page]\n' +
            'Without --target-org the Salesforce CLI uses its default target org.\n' +
            '--activate-sample-page makes the sample Account page (with the component) the\n' +
            "org's default Account record page: for scratch and demo orgs only."
    );
    process.exit(0);
}

const sf = process.env.ZUORA_SYNC_SF_BIN || sfBinary;
const orgArgs = values['target-org'] ? ['--target-org', values['target-org']] : [];

function run(description, command, args, { capture = false, tolerate = null } = {}) {
    console.log(`\n> ${description}`);
    const result = spawnSync(command, args, {
        cwd: projectRoot,
        env: sfEnvironment(),
        encoding: 'utf8',
        stdio: capture || tolerate ? ['ignore', 'pipe', 'pipe'] : 'inherit'
    });
    if (tolerate) {
        process.stdout.write(result.stdout ?? '');
        process.stderr.write(result.stderr ?? '');
    }
    const tolerated = tolerate && tolerate.test(`${result.stdout}${result.stderr}`);
    if (result.status !== 0 && !tolerated) {
        console.error(`Failed: ${description}.`);
        process.exit(result.status ?? 1);
    }
    return result.stdout;
}

function zuoraIsInstalled() {
    const output = run(
        'Looking for Zuora 360 in the org',
        sf,
        ['package', 'installed', 'list', ...orgArgs, '--json'],
        { capture: true }
    );
    const packages = JSON.parse(output).result ?? [];
    return packages.some((p) => p.SubscriberPackageNamespace === ZUORA_NAMESPACE);
}

run('Building the bridge static resource', 'node', ['scripts/build.mjs']);
run('Deploying force-app', sf, [
    'project',
    'deploy',
    'start',
    '--source-dir',
    'force-app',
    ...orgArgs,
    '--wait',
    '30'
]);
if (values['activate-sample-page']) {
    run('Activating the sample Account record page', sf, [
        'project',
        'deploy',
        'start',
        '--source-dir',
        SAMPLE_PAGE_ACTIVATION,
        ...orgArgs,
        '--wait',
        '30'
    ]);
}
if (values['skip-adapter']) {
    console.log('\nSkipping zuora-adapter (--skip-adapter).');
} else if (zuoraIsInstalled()) {
    run('Deploying zuora-adapter', sf, [
        'project',
        'deploy',
        'start',
        '--source-dir',
        'zuora-adapter',
        ...orgArgs,
        '--wait',
        '30'
    ]);
} else {
    console.log(
        '\nZuora 360 is not installed in this org: zuora-adapter not deployed. ' +
            'The component works and reports that Zuora is not configured.'
    );
}
run(
    `Assigning the permission set ${PERMISSION_SET}`,
    sf,
    ['org', 'assign', 'permset', '--name', PERMISSION_SET, ...orgArgs],
    { tolerate: /duplicate/i }
);
console.log('\nDeployed.');
