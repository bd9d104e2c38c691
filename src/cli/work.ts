/**
 * The items of one invocation, before anything is sent: from arguments, --file and --account
 * (validated together with the bridge's rules), or from a --resume file (what is left to send).
 */
import { resolve } from 'path';
import type { ItemResult, LimitEntry, SyncObjectType } from '../bridge';
import { listBillingAccounts } from './accounts';
import type { CliOptions } from './args';
import { CliError, inputError, type InputProblem } from './errors';
import { idsFromArgs, readIdFile, validateIds, type SourcedId, type ValidatedIds } from './input';
import { readResumeState, type ItemLine, type ResumeHints } from './journal';
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
}

export interface WorkDeps {
    readonly cwd: string;
    readonly now: () => Date;
    /** The org client, created on first use (only --account needs the org at this stage). */
    readonly connect: () => Promise<OrgClient>;
    readonly retry: RetryPolicy;
    readonly onRetry: (what: string, event: RetryEvent) => void;
    readonly sleep?: (ms: number) => Promise<void>;
}

function lineToResult(line: ItemLine): ItemResult {
    return {
        id: line.id,
        status: line.status,
        message: line.message,
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

/** What is left to send of a --resume file's run. */
export function resumeWork(
    path: string,
    deps: Pick<WorkDeps, 'cwd' | 'now'>,
    hints: ResumeHints = {}
): Work {
    const state = readResumeState(path, resolve(deps.cwd, path), hints);
    const kind = state.run.idKind;
    validateIds(
        state.run.items.map((value, index) => ({ value, where: `${path} item ${index + 1}` })),
        { kind }
    );
    // Keyed by the item as the run listed it (a line may spell it with 15 characters).
    const known = new Map<string, ItemResult>();
    for (const [id, line] of state.done) {
        known.set(id, lineToResult({ ...line, id }));
    }
    return {
        items: [...state.run.items],
        toSend: state.pending,
        known,
        copyLines: [...state.done.values()],
        objectType: state.run.objectType,
        zuoraIds: kind === 'zuora',
        warnings: state.warnings
    };
}

/**
 * The items of arguments, --file and --account. Every local input is validated before the org is
 * asked anything, and everything once more after the billing accounts are listed; any bad value
 * throws CliError (exit 2) and nothing is sent.
 */
export async function freshWork(options: CliOptions, deps: WorkDeps): Promise<Work> {
    const kind = options.zuoraIds ? 'zuora' : 'salesforce';
    const sourced: SourcedId[] = idsFromArgs(options.ids);
    const emptyFiles: string[] = [];
    for (const file of options.files) {
        const fromFile = readIdFile(file, { cwd: deps.cwd, zuoraIds: options.zuoraIds });
        if (fromFile.length === 0) {
            emptyFiles.push(file);
        }
        sourced.push(...fromFile);
    }
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
    const toList = accountIds.validated?.items ?? [];
    if (toList.length > 0) {
        const listing = await listBillingAccounts(await deps.connect(), toList, {
            concurrency: options.concurrency,
            retry: deps.retry,
            onRetry: (accountId, event) => deps.onRetry(`Account ${accountId}`, event),
            ...(deps.sleep === undefined ? {} : { sleep: deps.sleep })
        });
        sourced.push(...listing.ids);
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
        ...(initialLimits === undefined ? {} : { initialLimits })
    };
}
