import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(__dirname, '..', '..');
const sf = join(root, 'node_modules', '.bin', 'sf');
const env = {
    ...process.env,
    SF_DISABLE_TELEMETRY: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    SF_DISABLE_AUTOUPDATE: 'true'
};

type Step = { run?: string; uses?: string; if?: string };
type Workflow = { jobs: Record<string, { steps: Step[] }> };

const workflow = parse(
    readFileSync(join(root, '.github', 'workflows', 'ci.yml'), 'utf8')
) as Workflow;

/** Every `npx sf ...` command line of the workflow, continuation lines joined. */
function sfCommands(): string[] {
    return Object.values(workflow.jobs)
        .flatMap((job) => job.steps)
        .flatMap((step) => (step.run ?? '').replace(/\\\n/g, ' ').split('\n'))
        .map((line) => line.trim())
        .filter((line) => line.startsWith('npx sf '))
        .map((line) => line.slice('npx sf '.length));
}

/** Splits "org create scratch --alias x -w 3" into the command and its flags. */
function splitCommand(line: string): { command: string[]; flags: string[] } {
    const words = line.split(/\s+/);
    const firstFlag = words.findIndex((word) => word.startsWith('-'));
    const command = firstFlag === -1 ? words : words.slice(0, firstFlag);
    const flags = words.filter((word) => /^--?[a-z]/.test(word)).map((w) => w.split('=')[0]);
    return { command, flags };
}

describe('the scratch-org workflow', () => {
    it('creates, deploys, assigns, tests and always deletes the scratch org', () => {
        const lines = sfCommands();
        const order = [
            'org login sfdx-url',
            'org create scratch',
            'project deploy start --source-dir force-app',
            'project deploy start --source-dir zuora-adapter',
            'org assign permset --name Zuora_On_Demand_Sync',
            'apex run test',
            'org delete scratch'
        ].map((prefix) => lines.findIndex((line) => line.startsWith(prefix)));
        expect(order.every((index) => index >= 0)).toBe(true);
        expect([...order].sort((a, b) => a - b)).toEqual(order);

        const steps = workflow.jobs['scratch-org'].steps;
        const deleteStep = steps.find((step) => step.run?.includes('org delete scratch'));
        expect(deleteStep?.if).toMatch(/always\(\)/);
        const adapterStep = steps.find((step) => step.run?.includes('zuora-adapter'));
        expect(adapterStep?.if).toMatch(/ZUORA_360_PACKAGE_VERSION_ID/);
    });

    it.each(sfCommands().map((line) => [line]))(
        'uses only commands and flags the Salesforce CLI accepts: sf %s',
        (line) => {
            const { command, flags } = splitCommand(line);
            const help = execFileSync(sf, [...command, '--help'], {
                env,
                encoding: 'utf8',
                stdio: ['ignore', 'pipe', 'ignore']
            });
            for (const flag of flags) {
                expect(help).toMatch(new RegExp(`(^|[\\s,])${flag}(?=[=\\s,])`, 'm'));
            }
        },
        30_000
    );
});
