/**
 * Reading the items to sync from arguments and files, and validating them all with the bridge's
 * id rules before anything is sent. Every bad value is reported with where it came from.
 */
import { readFileSync } from 'fs';
import { basename, resolve } from 'path';
import { parseIds, toId18, type IdKind } from '../bridge';
import { delimiterOf, parseCsv } from './csv';
import { inputError, type InputProblem } from './errors';

/** A value to sync and where it came from ("argument 2", "ids.csv line 4"). */
export interface SourcedId {
    readonly value: string;
    readonly where: string;
}

export interface ValidatedIds {
    /** Distinct items in input order: 18-character Salesforce ids or Zuora ids as given. */
    readonly items: string[];
    /** Values dropped because they name an item already listed. */
    readonly duplicates: {
        readonly value: string;
        readonly where: string;
        readonly firstWhere: string;
    }[];
}

/** Header names accepted for the id column of a CSV file (compared case-insensitively). */
const ID_COLUMNS = ['id'];
const ZUORA_ID_COLUMNS = ['id', 'zuoraid', 'zuora id', 'zuora__zuora_id__c'];

const READ_PROBLEMS: { readonly [code: string]: string } = {
    ENOENT: 'no such file',
    EISDIR: 'it is a directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied'
};

function readBytes(path: string, cwd: string): Buffer {
    try {
        return readFileSync(resolve(cwd, path));
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        const reason = READ_PROBLEMS[code] ?? (error as Error).message;
        throw inputError(`Cannot read ${path}: ${reason}. Nothing was sent.`);
    }
}

/** The text of an id file: UTF-8 (a BOM is fine); UTF-16 and binary files are refused by name. */
function decodeText(bytes: Buffer, path: string): string {
    const refuse = (what: string): never => {
        throw inputError(
            `Cannot read ${path}: ${what}. Save it as UTF-8 text (one id per line, or a CSV). Nothing was sent.`
        );
    };
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
        refuse('it is UTF-16 encoded');
    }
    if (bytes.subarray(0, 65536).includes(0)) {
        refuse('it is a binary file (or UTF-16 without a byte order mark), not text');
    }
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        return refuse('it is not UTF-8 text (perhaps Latin-1 or Windows-1252)');
    }
}

/**
 * Ids of standard objects (their key prefix starts with a digit: 001 Account, 003 Contact...) among
 * values that are otherwise valid: billing accounts and products are custom objects, whose key
 * prefixes start with a letter.
 */
function standardObjectIds(
    sourced: readonly SourcedId[],
    known: ReadonlySet<number>
): (InputProblem & { index: number })[] {
    const problems: (InputProblem & { index: number })[] = [];
    sourced.forEach((id, index) => {
        const id18 = known.has(index) ? null : toId18(id.value.trim());
        if (id18 !== null && /^\d/.test(id18)) {
            problems.push({
                code: 'INVALID_ID',
                index,
                where: id.where,
                value: id.value,
                message: `${id.value.trim()} is the id of a standard object (key prefix ${id18.slice(0, 3)}), not of a billing account or product${
                    id18.startsWith('001')
                        ? ': give it with --account to sync its billing accounts'
                        : ''
                }.`
            });
        }
    });
    return problems;
}

export function idsFromArgs(args: readonly string[]): SourcedId[] {
    return args.map((value, index) => ({ value, where: `argument ${index + 1}` }));
}

function cleanHeader(name: string): string {
    return name
        .replace(/^\uFEFF/, '')
        .trim()
        .toLowerCase();
}

/**
 * The ids of a file: one per line (blank lines and lines starting with # are ignored), or a CSV
 * (comma, semicolon or tab separated) whose header has an Id column. A single-column file whose
 * first line is "Id" is a CSV too.
 */
export function readIdFile(path: string, options: { cwd: string; zuoraIds: boolean }): SourcedId[] {
    const name = basename(path);
    let text = decodeText(readBytes(path, options.cwd), path);
    text = text.replace(/^\uFEFF/, '');
    const lines = text.split(/\r\n|\n|\r/);
    const headerIndex = lines.findIndex((line) => line.trim() !== '');
    if (headerIndex < 0) {
        return [];
    }
    const header = lines[headerIndex] ?? '';
    const delimiter = delimiterOf(header);
    const columns = options.zuoraIds ? ZUORA_ID_COLUMNS : ID_COLUMNS;

    if (delimiter === null) {
        const single = cleanHeader(header.replace(/^"|"$/g, ''));
        const skipHeader = columns.includes(single);
        const ids: SourcedId[] = [];
        lines.forEach((line, index) => {
            const value = line.trim();
            if (value === '' || value.startsWith('#') || (skipHeader && index === headerIndex)) {
                return;
            }
            ids.push({ value, where: `${name} line ${index + 1}` });
        });
        return ids;
    }

    const records = parseCsv(text, delimiter);
    const [head, ...rows] = records;
    const names = (head?.fields ?? []).map(cleanHeader);
    const column = columns.map((candidate) => names.indexOf(candidate)).find((index) => index >= 0);
    if (column === undefined) {
        throw inputError(
            `${path} looks like a CSV file but has no Id column (columns: ${(head?.fields ?? []).join(', ')}). Nothing was sent.`
        );
    }
    return rows
        .filter((row) => row.fields.some((field) => field.trim() !== ''))
        .map((row) => ({
            value: (row.fields[column] ?? '').trim(),
            where: `${name} line ${row.line}`
        }));
}

/**
 * Validates, normalises and de-duplicates every id with the bridge's rules (15/18 characters,
 * checksum, one key prefix; or 32-character Zuora ids). Throws CliError (exit 2) listing every
 * bad value when any is bad.
 */
export function validateIds(
    sourced: readonly SourcedId[],
    options: { kind: IdKind; keyPrefix?: string; what?: string }
): ValidatedIds {
    const parsed = parseIds(
        sourced.map((id) => ({ value: id.value })),
        {
            kind: options.kind,
            ...(options.keyPrefix === undefined ? {} : { keyPrefix: options.keyPrefix })
        }
    );
    const problems: (InputProblem & { index: number })[] = parsed.errors.map((error) => ({
        code: 'INVALID_ID',
        index: error.index,
        where: sourced[error.index]?.where ?? `value ${error.index + 1}`,
        value: error.value,
        message: error.message
    }));
    if (options.kind === 'salesforce' && options.keyPrefix === undefined) {
        for (const problem of standardObjectIds(sourced, new Set(problems.map((p) => p.index)))) {
            problems.push(problem);
        }
        problems.sort((a, b) => a.index - b.index);
    }
    if (problems.length > 0) {
        const count = problems.length === 1 ? '1 value is' : `${problems.length} values are`;
        throw inputError(
            `${count} not valid ${options.what ?? 'ids'}. Nothing was sent.`,
            problems
        );
    }
    return {
        items: parsed.items,
        duplicates: parsed.duplicates.map((duplicate) => ({
            value: duplicate.value,
            where: sourced[duplicate.index]?.where ?? `value ${duplicate.index + 1}`,
            firstWhere: sourced[duplicate.firstIndex]?.where ?? `value ${duplicate.firstIndex + 1}`
        }))
    };
}
