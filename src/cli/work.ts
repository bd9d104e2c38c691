/**
 * The items of one invocation, before anything is sent: from arguments, --file and --account
 * (validated together with the bridge's rules), or from a --resume file (what is left to send).
 */
import { resolve } from 'path';
import type { ItemResult, LimitEntry, SyncObjectType } from '../bridge';
import { listBillingAccounts, type ListedBillingAccount } from './accounts';
import type { CliOptions } from './args';
import { CliError, inputError, usageError, type InputProblem } from './errors';
import { idsFromArgs, readIdFile, validateIds, type SourcedId, type ValidatedIds } from './input';
import {
    hasRunToResume,
    keyOf,
    readResumeState,
    type ItemLine,
    type ResumeHints,
    type RunRecord
} from './journal';
import type { RetryEvent, RetryPolicy } from './retry';
import type { CliWarning } from './runner';
import type { OrgClient } from './transport';

/** Every Account id starts with this key prefix. */
const ACCOUNT_KEY_PREFIX = '001';

export interface Work {
    /** Every item of the run, in order (for --resume: the items of the file's run). */
    readonly items: string[];
    /** The items to send now. */
    readonly toSend: string[];
    /** Results already known: the final lines of the resumed file (--resume). */
    readonly known: Map<string, ItemResult>;
    /** Final lines of the resumed file, copied when the resumed run writes to another file. */
    readonly copyLines: ItemLine[];
    readonly objectType: SyncObjectType;
    readonly zuoraIds: boolean;
    readonly warnings: CliWarning[];
    /** Org limit readings already received (--account listing). */
    readonly initialLimits?: LimitEntry[];
    /** Items an earlier run may have sent already (--resume), with when. */
    readonly possiblySent: Map<string, string>;
    /** The --account values, as 18-character ids (kept in the run file). */
    readonly accounts: string[];
    /** True when the items come from the run of a --resume file (which the run continues). */
    readonly resumed: boolean;
    /** What the --account listing told of each billing account, keyed by keyOf(id). */
    readonly listed: ReadonlyMap<string, ListedBillingAccount>;
}

export interface WorkDeps {
    readonly cwd: string;
    readonly now: () => Date;
    /** The org client, created on first use (only --account needs the org at this stage). */
    readonly connect: () => Promise<OrgClient>;
    readonly retry: RetryPolicy;
    readonly onRetry: (what: string, event: RetryEvent) => void;
    readonly sleep?: (ms: number) => Promise<void>;
    /** False: the --account values are validated but not listed (a background job lists them). */
    readonly listAccounts?: boolean;
}

function lineToResult(line: ItemLine, name: string | undefined): ItemResult {
    return {
        id: line.id,
        status: line.status,
        message: line.message,
        ...(name === undefined ? {} : { name }),
        ...(typeof line.requestId === 'string' ? { requestId: line.requestId } : {})
    };
}

function plural(count: number, one: string, many: string): string {
    return count === 1 ? one : many;
}

function duplicatesWarning(duplicates: ValidatedIds['duplicates'], dryRun: boolean): CliWarning[] {
    if (duplicates.length === 0) {
        return [];
    }
    const listed = duplicates
        .slice(0, 5)
        .map((duplicate) => `${duplicate.where} repeats ${duplicate.firstWhere}`)
        .join('; ');
    const more = duplicates.length > 5 ? `; and ${duplicates.length - 5} more` : '';
    return [
        {
            code: 'DUPLICATE_IDS',
            message: `${duplicates.length} duplicate ${plural(duplicates.length, 'id', 'ids')} ${
                dryRun ? 'would be sent once' : 'sent once'
            }: ${listed}${more}.`
        }
    ];
}

/** What a validation gave: the ids, or (null and) the problems it found. */
function tryValidate(validate: () => ValidatedIds): {
    readonly validated: ValidatedIds | null;
    readonly problems: readonly InputProblem[];
} {
    try {
        return { validated: validate(), problems: [] };
    } catch (error) {
        if (error instanceof CliError) {
            return { validated: null, problems: error.problems };
        }
        throw error;
    }
}

/** The ids of arguments and --file, read and validated (nothing is asked of the org). */
function localIds(
    options: CliOptions,
    cwd: string
): { sourced: SourcedId[]; emptyFiles: string[] } {
    const sourced: SourcedId[] = idsFromArgs(options.ids);
    const emptyFiles: string[] = [];
    for (const file of options.files) {
        const fromFile = readIdFile(file, { cwd, zuoraIds: options.zuoraIds });
        if (fromFile.length === 0) {
            emptyFiles.push(file);
        }
        // One by one: spreading a very long list into push() overflows the call stack.
        for (const id of fromFile) {
            sourced.push(id);
        }
    }
    return { sourced, emptyFiles };
}

/** "a, b, c and 4 more" */
function someOf(values: readonly string[]): string {
    const shown = values.slice(0, 3).join(', ');
    return values.length > 3 ? `${shown} and ${values.length - 3} more` : shown;
}

/**
 * With --resume and inputs: they must be those of the run (the original command line with
 * --resume added is accepted). Throws CliError (exit 2) saying what differs.
 */
function checkSameInputs(options: CliOptions, run: RunRecord, path: string, cwd: string): void {
    const kind = run.idKind;
    const { sourced } = localIds(options, cwd);
    const local = validateIds(sourced, { kind }).items;
    const accounts = validateIds(
        options.accounts.map((value) => ({ value, where: `--account ${value}` })),
        { kind: 'salesforce', keyPrefix: ACCOUNT_KEY_PREFIX }
    ).items;
    const runItems = new Set(run.items);
    const differences: string[] = [];
    const extra = local.filter((id) => !runItems.has(id));
    if (extra.length > 0) {
        differences.push(`${extra.length} not in the run (${someOf(extra)})`);
    }
    if (accounts.length === 0 && (run.accounts ?? []).length === 0) {
        const given = new Set(local);
        const missing = run.items.filter((id) => !given.has(id));
        if (missing.length > 0) {
            differences.push(`${missing.length} of the run missing (${someOf(missing)})`);
        }
    } else if (run.accounts === undefined) {
        differences.push('its run file does not record the --account values of the run');
    } else {
        const recorded = new Set(run.accounts);
        const givenAccounts = new Set(accounts);
        const otherAccounts = [
            ...accounts.filter((id) => !recorded.has(id)),
            ...run.accounts.filter((id) => !givenAccounts.has(id))
        ];
        if (otherAccounts.length > 0) {
            differences.push(`other --account values (${someOf(otherAccounts)})`);
        }
    }
    if (differences.length > 0) {
        throw usageError(
            `--resume ${path}: these inputs are not those of its run: ${differences.join('; ')}. ` +
                'Give the same inputs as the run, or none. Nothing was sent.'
        );
    }
}

/**
 * What is left to send of a --resume file's run; null when the file has no run yet and the
 * run's inputs are given (it was stopped before sending anything): the run starts afresh.
 */
export function resumeWork(options: CliOptions, deps: Pick<WorkDeps, 'cwd' | 'now'>): Work | null {
    const path = options.resume ?? '';
    const inputsGiven =
        options.ids.length > 0 || options.files.length > 0 || options.accounts.length > 0;
    if (inputsGiven && !hasRunToResume(resolve(deps.cwd, path))) {
        return null;
    }
    const hints: ResumeHints = {
        ...(options.typeGiven ? { objectType: options.objectType } : {}),
        ...(options.zuoraIds ? { zuoraIds: true } : {})
    };
    const state = readResumeState(path, resolve(deps.cwd, path), hints);
    const kind = state.run.idKind;
    validateIds(
        state.run.items.map((value, index) => ({ value, where: `${path} item ${index + 1}` })),
        { kind }
    );
    if (inputsGiven) {
        checkSameInputs(options, state.run, path, deps.cwd);
    }
    // Keyed by the item as the run listed it (a line may spell it with 15 characters).
    const known = new Map<string, ItemResult>();
    for (const [id, line] of state.done) {
        known.set(id, lineToResult({ ...line, id }, state.names.get(keyOf(id))));
    }
    const warnings = [...state.warnings];
    if (state.possiblySent.size > 0) {
        warnings.push({
            code: 'IN_FLIGHT_WHEN_STOPPED',
            message:
                `${state.possiblySent.size} ${state.possiblySent.size === 1 ? 'item was' : 'items were'} in flight when the run stopped ` +
                '(sent, answer unknown): they are sent again, and the org answers SKIPPED for a record it already has.'
        });
    }
    return {
        items: [...state.run.items],
        toSend: state.pending,
        known,
        copyLines: [...state.done.values()],
        objectType: state.run.objectType,
        zuoraIds: kind === 'zuora',
        warnings,
        possiblySent: state.possiblySent,
        accounts: [...(state.run.accounts ?? [])],
        resumed: true,
        listed: new Map()
    };
}

/**
 * The items of arguments, --file and --account. Every local input is validated before the org is
 * asked anything, and everything once more after the billing accounts are listed; any bad value
 * throws CliError (exit 2) and nothing is sent.
 */
export async function freshWork(options: CliOptions, deps: WorkDeps): Promise<Work> {
    const kind = options.zuoraIds ? 'zuora' : 'salesforce';
    const { sourced, emptyFiles } = localIds(options, deps.cwd);
    const accounts = options.accounts.map((value) => ({ value, where: `--account ${value}` }));
    const local = tryValidate(() => validateIds(sourced, { kind }));
    const accountIds = tryValidate(() =>
        validateIds(accounts, { kind: 'salesforce', keyPrefix: ACCOUNT_KEY_PREFIX })
    );
    const problems = [...local.problems, ...accountIds.problems];
    if (problems.length > 0) {
        throw inputError(
            `${problems.length} ${plural(problems.length, 'value is', 'values are')} not valid. Nothing was sent.`,
            problems
        );
    }
    if (emptyFiles.length > 0) {
        throw inputError(
            `${emptyFiles.join(', ')} ${plural(emptyFiles.length, 'holds', 'hold')} no ids. Nothing was sent.`
        );
    }

    const warnings: CliWarning[] = [];
    let initialLimits: LimitEntry[] | undefined;
    const listed = new Map<string, ListedBillingAccount>();
    const toList = deps.listAccounts === false ? [] : (accountIds.validated?.items ?? []);
    if (toList.length > 0) {
        const listing = await listBillingAccounts(await deps.connect(), toList, {
            concurrency: options.concurrency,
            retry: deps.retry,
            onRetry: (accountId, event) => deps.onRetry(`Account ${accountId}`, event),
            ...(deps.sleep === undefined ? {} : { sleep: deps.sleep })
        });
        for (const id of listing.ids) {
            sourced.push(id);
        }
        for (const entry of listing.listed) {
            listed.set(keyOf(entry.id), entry);
        }
        if (listing.limits.length > 0) {
            initialLimits = listing.limits;
        }
        if (listing.empty.length > 0) {
            warnings.push({
                code: 'NO_BILLING_ACCOUNTS',
                message: `No billing account to sync for Account ${listing.empty.join(', ')}.`
            });
        }
    }
    const validated = validateIds(sourced, { kind });
    warnings.push(...duplicatesWarning(validated.duplicates, options.dryRun));
    return {
        items: validated.items,
        toSend: validated.items,
        known: new Map(),
        copyLines: [],
        objectType: options.objectType,
        zuoraIds: options.zuoraIds,
        warnings,
        ...(initialLimits === undefined ? {} : { initialLimits }),
        possiblySent: new Map(),
        accounts: accountIds.validated?.items ?? [],
        resumed: false,
        listed
    };
}
