/**
 * The command that resumes a run, printed when items were not sent, ready to paste: the run's
 * connection (-o alias, or --instance-url URL; an access token is never printed: it is to be given
 * again in SF_ACCESS_TOKEN) and the options that shape the resumed run.
 */
import { DEFAULT_API_BUDGET, DEFAULT_CONCURRENCY, type CliOptions } from './args';

/** A value as one shell word: as is when plain, else in single quotes. */
function shellWord(value: string): string {
    return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}

function present(value: string | undefined): string | undefined {
    return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** The connection options to give again, and whether a token is needed besides them. */
function connection(
    options: CliOptions,
    env: NodeJS.ProcessEnv
): { readonly words: string[]; readonly token: boolean } {
    // As auth.ts decides: a target org wins over a session, a session over the CLI's default org.
    if (options.targetOrg !== undefined) {
        return { words: ['-o', options.targetOrg], token: false };
    }
    const direct = options.instanceUrl !== undefined || options.accessToken !== undefined;
    const envUrl = present(env.SF_INSTANCE_URL);
    if (direct || (envUrl !== undefined && present(env.SF_ACCESS_TOKEN) !== undefined)) {
        const url = options.instanceUrl ?? envUrl;
        return { words: url === undefined ? [] : ['--instance-url', url], token: true };
    }
    return { words: [], token: false };
}

/** "zuora-sync -o prod --type product --resume run.jsonl" and whether the token must be given. */
export function resumeCommand(
    options: CliOptions,
    env: NodeJS.ProcessEnv,
    file: string
): { readonly command: string; readonly token: boolean } {
    const session = connection(options, env);
    const words = [
        ...session.words,
        ...(options.objectType === 'PRODUCT' ? ['--type', 'product'] : []),
        ...(options.zuoraIds ? ['--zuora-ids'] : []),
        ...(options.concurrency === DEFAULT_CONCURRENCY
            ? []
            : ['--concurrency', String(options.concurrency)]),
        ...(options.apiBudget === DEFAULT_API_BUDGET
            ? []
            : ['--api-budget', String(options.apiBudget)]),
        ...(options.json ? ['--json'] : []),
        '--resume',
        file
    ];
    return { command: ['zuora-sync', ...words.map(shellWord)].join(' '), token: session.token };
}

/** The line that says how to send what was not sent. */
export function resumeHint(options: CliOptions, env: NodeJS.ProcessEnv, file: string): string {
    const { command, token } = resumeCommand(options, env, file);
    return token
        ? `Send the items not sent with (the access token again in SF_ACCESS_TOKEN, never on the command line): ${command}`
        : `Send the items not sent with: ${command}`;
}
