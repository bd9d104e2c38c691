/** The resume command names the connection the run really used, as auth.ts chose it. */
import { parseArgs } from '../args';
import { resumeCommand } from '../resume-command';

function optionsOf(argv: string[]) {
    const parsed = parseArgs(argv);
    if (parsed.kind !== 'run') throw new Error('expected a run');
    return parsed.options;
}

describe('resumeCommand', () => {
    it('names the target org when -o was given, even with a session in the environment', () => {
        const options = optionsOf(['-o', 'prod', 'a0X5g00000Ab1']);
        const env = {
            SF_INSTANCE_URL: 'https://example.my.salesforce.com',
            SF_ACCESS_TOKEN: 'secret-token'
        };
        const { command, token } = resumeCommand(options, env, 'run.jsonl');
        expect(command).toContain('-o prod');
        expect(command).not.toContain('--instance-url');
        expect(command).not.toContain('secret-token');
        expect(token).toBe(false);
    });

    it('names the instance URL of a session, never its token', () => {
        const options = optionsOf(['a0X5g00000Ab1']);
        const env = {
            SF_INSTANCE_URL: 'https://example.my.salesforce.com',
            SF_ACCESS_TOKEN: 'secret-token'
        };
        const { command, token } = resumeCommand(options, env, 'run.jsonl');
        expect(command).toContain('--instance-url https://example.my.salesforce.com');
        expect(command).not.toContain('secret-token');
        expect(token).toBe(true);
    });
});
