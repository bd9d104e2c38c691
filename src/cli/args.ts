/**
 * The command line's options (contract v1), parsed with commander and checked into one
 * CliOptions value. Parsing never touches the network or the file system.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { SyncObjectType } from '../bridge';
import { usageError } from './errors';

export const DEFAULT_CONCURRENCY = 4;
const MAX_CONCURRENCY = 10;
export const DEFAULT_API_BUDGET = 90;

export interface CliOptions {
    /** Ids given as arguments, in order (commas inside an argument separate ids too). */
    readonly ids: readonly string[];
    readonly targetOrg?: string;
    readonly instanceUrl?: string;
    readonly accessToken?: string;
    readonly accounts: readonly string[];
    readonly files: readonly string[];
    readonly objectType: SyncObjectType;
    /** True when --type was given (with --resume, it must match the run). */
    readonly typeGiven: boolean;
    readonly zuoraIds: boolean;
    readonly concurrency: number;
    readonly out?: string;
    readonly resume?: string;
    /** Percent of the org's DailyApiRequests at which no new batch is sent. */
    readonly apiBudget: number;
    readonly dryRun: boolean;
    readonly json: boolean;
    /** Hand the ids (or each --account) to background jobs in the org. */
    readonly background: boolean;
    /** With --background or --job: follow the jobs until they end. */
    readonly wait: boolean;
    /** Show (with --wait: follow) this background job. */
    readonly job?: string;
}

/** What parsing asks for: a run, or text to print (help, version) and exit 0. */
export type ParsedCommand =
    | { readonly kind: 'run'; readonly options: CliOptions }
    | { readonly kind: 'print'; readonly text: string };

const TYPES: { readonly [name: string]: SyncObjectType } = {
    'billing-account': 'BILLING_ACCOUNT',
    product: 'PRODUCT'
};

function collect(value: string, previous: string[] | undefined): string[] {
    return [...(previous ?? []), value];
}

function parseConcurrency(value: string): number {
    const number = Number(value);
    if (!/^\d+$/.test(value.trim()) || number < 1 || number > MAX_CONCURRENCY) {
        throw new InvalidArgumentError(`use a whole number from 1 to ${MAX_CONCURRENCY}.`);
    }
    return number;
}

function parseBudget(value: string): number {
    const text = value.trim().replace(/%$/, '');
    const number = Number(text);
    if (text === '' || !Number.isFinite(number) || number <= 0 || number > 100) {
        throw new InvalidArgumentError('use a percentage above 0 and at most 100, e.g. 90.');
    }
    return number;
}

function parseType(value: string): SyncObjectType {
    const type = TYPES[value.trim().toLowerCase()];
    if (type === undefined) {
        throw new InvalidArgumentError('use billing-account or product.');
    }
    return type;
}

function buildProgram(version: string): Command {
    return new Command()
        .name('zuora-sync')
        .usage('[ids...] [options]')
        .description(
            'Ask Zuora to re-sync billing accounts (or products) now, in sessions of at most 10, ' +
                "through the org's Zuora On-Demand Sync REST resource."
        )
        .version(version, '-v, --version')
        .argument('[ids...]', 'Salesforce ids (15 or 18 characters), or Zuora ids with --zuora-ids')
        .option(
            '-o, --target-org <alias|username>',
            'an org authenticated with the Salesforce CLI (default: its target-org)'
        )
        .option(
            '--instance-url <url>',
            'with --access-token (or SF_INSTANCE_URL / SF_ACCESS_TOKEN): use this session directly'
        )
        .option(
            '--access-token <token>',
            'a session id or OAuth access token; prefer SF_ACCESS_TOKEN, which stays out of the process list'
        )
        .option(
            '--account <accountId>',
            'sync every billing account of this Account (repeatable)',
            collect
        )
        .option('--file <path>', 'ids, one per line, or a CSV with an Id column', collect)
        .addOption(
            new Option('--type <billing-account|product>', 'what the ids name')
                .default('BILLING_ACCOUNT', 'billing-account')
                .argParser(parseType)
        )
        .option('--zuora-ids', 'the ids given are 32-character Zuora ids')
        .addOption(
            new Option('--concurrency <n>', 'requests in flight, 1..10')
                .default(DEFAULT_CONCURRENCY)
                .argParser(parseConcurrency)
        )
        .option('--out <file.jsonl>', 'append one JSON line per item as its result arrives')
        .option(
            '--resume <file.jsonl>',
            "send only the items of this file's run that have no line or are NOT_SENT"
        )
        .addOption(
            new Option(
                '--api-budget <percent>',
                "stop sending when the org's DailyApiRequests reach this share"
            )
                .default(DEFAULT_API_BUDGET)
                .argParser(parseBudget)
        )
        .option('--dry-run', 'validate and show the batches; send nothing')
        .option('--json', 'one JSON document on stdout; progress and logs on stderr')
        .option(
            '--background',
            'hand the ids (or --account) to a background job in the org; print its id'
        )
        .option('--wait', 'with --background or --job: follow the job until it ends')
        .option('--job <jobId>', 'show (with --wait: follow) a background job')
        .addHelpText(
            'after',
            [
                '',
                'Exit codes: 0 every item REQUESTED (or a clean dry run); 1 some item FAILED, SKIPPED or',
                'NOT_SENT; 2 usage or input error, nothing sent; 3 authentication or connection failure.',
                '',
                '--out keeps the run (its items, in order) in <file>.run.json next to the file, for --resume.',
                '',
                'Examples:',
                '  zuora-sync -o prod a0X5e000001AbCdEAK a0X5e000001AbCeEAK',
                '  zuora-sync -o prod --file billing-accounts.csv --out run.jsonl',
                '  zuora-sync -o prod --resume run.jsonl',
                '  zuora-sync -o prod --account 0015e00000AbCdEAAV --dry-run',
                '  zuora-sync -o prod --file 10000-ids.csv --background --wait'
            ].join('\n')
        );
}

interface RawOptions {
    targetOrg?: string;
    instanceUrl?: string;
    accessToken?: string;
    account?: string[];
    file?: string[];
    type: SyncObjectType;
    zuoraIds?: boolean;
    concurrency: number;
    out?: string;
    resume?: string;
    apiBudget: number;
    dryRun?: boolean;
    json?: boolean;
    background?: boolean;
    wait?: boolean;
    job?: string;
}

/** The options that take a value, and the short flags (a value equal to one is refused). */
const VALUE_OPTIONS: ReadonlySet<string> = new Set([
    '-o',
    '--target-org',
    '--instance-url',
    '--access-token',
    '--account',
    '--file',
    '--type',
    '--concurrency',
    '--out',
    '--resume',
    '--api-budget',
    '--job'
]);
const SHORT_FLAGS: ReadonlySet<string> = new Set(['-o', '-v', '-h']);

/**
 * Refuses what commander would take as a value although it is none: a blank value
 * (`--access-token=`, `--out ""`), or another option (`--access-token --json`).
 */
function checkOptionValues(argv: readonly string[]): void {
    const end = argv.indexOf('--');
    const options = end < 0 ? argv : argv.slice(0, end);
    options.forEach((arg, index) => {
        const equals = arg.indexOf('=');
        const name = arg.startsWith('--') && equals > 0 ? arg.slice(0, equals) : arg;
        if (!VALUE_OPTIONS.has(name)) {
            return;
        }
        const value = name === arg ? options[index + 1] : arg.slice(equals + 1);
        if (value === undefined) {
            return; // commander says the value is missing
        }
        if (value.trim() === '') {
            throw usageError(`${name} needs a value; it was given an empty one.`);
        }
        if (name === arg && (value.startsWith('--') || SHORT_FLAGS.has(value))) {
            throw usageError(`${name} needs a value, not the option ${value}.`);
        }
        if (name === '--access-token' && /\s/.test(value.trim())) {
            throw usageError('--access-token holds spaces or line breaks: it is not a token.');
        }
    });
}

function splitIds(args: readonly string[]): string[] {
    return args.flatMap((arg) => arg.split(',')).filter((id) => id.trim() !== '');
}

function checkCombinations(options: CliOptions): void {
    if (
        options.targetOrg !== undefined &&
        (options.instanceUrl ?? options.accessToken) !== undefined
    ) {
        throw usageError(
            'Use either --target-org or --instance-url with --access-token, not both.'
        );
    }
    if (options.accounts.length > 0 && options.objectType !== 'BILLING_ACCOUNT') {
        throw usageError(
            '--account lists billing accounts: it cannot be used with --type product.'
        );
    }
    if (options.accounts.length > 0 && options.zuoraIds) {
        throw usageError(
            '--account lists billing accounts by their Salesforce ids: it cannot be used with --zuora-ids.'
        );
    }
    checkBackgroundCombinations(options);
    if (
        options.job === undefined &&
        options.resume === undefined &&
        options.ids.length === 0 &&
        options.files.length === 0 &&
        options.accounts.length === 0
    ) {
        throw usageError('Nothing to sync: give ids, --file, --account or --resume.');
    }
}

/** --background and --job: counts of jobs in the org, not items one by one. */
function checkBackgroundCombinations(options: CliOptions): void {
    const background = options.background || options.job !== undefined;
    if (options.wait && !background) {
        throw usageError('--wait follows a background job: use it with --background or --job.');
    }
    if (options.background && options.job !== undefined) {
        throw usageError('Use either --background (start jobs) or --job (show one), not both.');
    }
    if (
        options.job !== undefined &&
        (options.ids.length > 0 || options.files.length > 0 || options.accounts.length > 0)
    ) {
        throw usageError('--job shows a job that exists: it takes no ids, --file or --account.');
    }
    if (options.job !== undefined && options.dryRun) {
        throw usageError('--dry-run shows what would be sent: it cannot be used with --job.');
    }
    if (background && (options.out !== undefined || options.resume !== undefined)) {
        throw usageError(
            "--out and --resume record items one by one; a background job reports counts, and each item's outcome is in the org's On-Demand Sync log."
        );
    }
}

/**
 * Parses the arguments after the command name. Throws CliError (exit 2) on a usage error;
 * help and version come back as text to print.
 */
export function parseArgs(argv: readonly string[], version = '0.0.0'): ParsedCommand {
    let printed = '';
    const program = buildProgram(version)
        .exitOverride()
        .configureOutput({
            writeOut: (text) => {
                printed += text;
            },
            writeErr: (text) => {
                printed += text;
            },
            outputError: () => undefined
        });
    checkOptionValues(argv);
    try {
        program.parse([...argv], { from: 'user' });
    } catch (error) {
        if (error instanceof CommanderError) {
            if (
                error.code === 'commander.helpDisplayed' ||
                error.code === 'commander.version' ||
                error.code === 'commander.help'
            ) {
                return { kind: 'print', text: printed };
            }
            throw usageError(
                `${error.message.replace(/^error: /, '')}\nRun zuora-sync --help for the options.`
            );
        }
        throw error;
    }
    const raw = program.opts<RawOptions>();
    const options: CliOptions = {
        ids: splitIds(program.args),
        ...(raw.targetOrg === undefined ? {} : { targetOrg: raw.targetOrg }),
        ...(raw.instanceUrl === undefined ? {} : { instanceUrl: raw.instanceUrl }),
        ...(raw.accessToken === undefined ? {} : { accessToken: raw.accessToken }),
        accounts: raw.account ?? [],
        files: raw.file ?? [],
        objectType: raw.type,
        typeGiven: program.getOptionValueSource('type') === 'cli',
        zuoraIds: raw.zuoraIds === true,
        concurrency: raw.concurrency,
        ...(raw.out === undefined ? {} : { out: raw.out }),
        ...(raw.resume === undefined ? {} : { resume: raw.resume }),
        apiBudget: raw.apiBudget,
        dryRun: raw.dryRun === true,
        json: raw.json === true,
        background: raw.background === true,
        wait: raw.wait === true,
        ...(raw.job === undefined ? {} : { job: raw.job.trim() })
    };
    checkCombinations(options);
    return { kind: 'run', options };
}
