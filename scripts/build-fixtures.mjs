// Combines the contract fixtures (contract-fixtures/cases/*.json, one case per file) into the
// static resource the Apex tests read, OnDemandSyncContractFixtures.json, and its metadata file.
//   node scripts/build-fixtures.mjs          write both files
//   node scripts/build-fixtures.mjs --check  exit 1 when a written file differs from a fresh build
// Every case is validated first; a malformed case stops the build with the file and field named.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isMain, projectRoot, syncGeneratedFiles } from './project.mjs';
export const CASES_DIR = 'contract-fixtures/cases';
export const RESOURCE_JSON =
    'force-app/main/default/staticresources/OnDemandSyncContractFixtures.json';
export const RESOURCE_META =
    'force-app/main/default/staticresources/OnDemandSyncContractFixtures.resource-meta.xml';
export const FIXTURES_VERSION = 1;

const CASE_FILE = /^\d{2,3}-[a-z0-9]+(?:-[a-z0-9]+)*\.json$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The one contract (error codes, sources, bounds, entry points). */
export const CONTRACT_FILE = 'contract/contract.json';
const CONTRACT = JSON.parse(readFileSync(join(projectRoot, CONTRACT_FILE), 'utf8'));

/** HTTP status of each error code an entry point may answer with (the Apex REST contract). */
export const ERROR_STATUS = Object.freeze(
    Object.fromEntries(
        Object.entries(CONTRACT.errors)
            .filter(([, error]) => 'httpStatus' in error)
            .map(([code, error]) => [code, error.httpStatus])
    )
);
/** Statuses an audit row may have: the items' own, and CLAIMED for a reservation. */
const ITEM_STATUSES = ['REQUESTED', 'FAILED', 'SKIPPED', 'CLAIMED'];
/** What a case asks the service: a sync (the default) or a claim. */
const OPERATIONS = ['sync', 'claim'];
const SOURCES = CONTRACT.sources;
/** The door a case goes through (absent: the service). */
export const ENTRY_POINTS = CONTRACT.entryPoints;
const COOLDOWN = CONTRACT.settings.cooldownMinutes;

/** A malformed case: the message names the file and the field. */
export class FixtureError extends Error {
    constructor(file, path, problem) {
        super(`${file}: ${path ? `${path}: ` : ''}${problem}`);
        this.name = 'FixtureError';
        this.file = file;
        this.path = path;
    }
}

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
/** Field roles a case may make unreadable (field-level security of the running user). */
const FIELD_ROLES = ['name', 'zuoraId', 'accountId', 'entityId'];

const isString = (value) => typeof value === 'string';
const isNullableString = (value) => value === null || typeof value === 'string';
const isCount = (value) => Number.isInteger(value) && value >= 0;
const isBoolean = (value) => typeof value === 'boolean';

function checker(file) {
    const fail = (path, problem) => {
        throw new FixtureError(file, path, problem);
    };
    const object = (value, path, required, optional = []) => {
        if (!isObject(value)) fail(path, 'must be an object');
        for (const key of required) {
            if (!(key in value)) fail(path, `missing "${key}"`);
        }
        for (const key of Object.keys(value)) {
            if (!required.includes(key) && !optional.includes(key)) {
                fail(path, `unknown key "${key}"`);
            }
        }
        return value;
    };
    const expect = (ok, path, problem) => {
        if (!ok) fail(path, problem);
    };
    const strings = (value, path) => {
        expect(Array.isArray(value), path, 'must be an array of strings');
        value.forEach((item, index) =>
            expect(isString(item), `${path}[${index}]`, 'must be a string')
        );
    };
    return { fail, object, expect, strings };
}

/**
 * Checks one case against the documented shape (contract-fixtures/README.md) and throws a
 * FixtureError naming the file and field at the first problem.
 */
export function validateCase(testCase, file = '(case)') {
    if (isObject(testCase) && testCase.entryPoint === 'job') {
        return validateJobCase(testCase, file);
    }
    const { fail, object, expect, strings } = checker(file);
    object(
        testCase,
        '',
        ['name', 'now', 'hasPermission', 'records', 'request', 'expect'],
        [
            'settings',
            'keyPrefix',
            'recentRequests',
            'gateway',
            'canSyncUnsyncedAccounts',
            'unreadableFields',
            'transaction',
            'operation',
            'entryPoint',
            'account',
            'auditLogReadable',
            'zuoraInstalled'
        ]
    );
    const entryPoint = testCase.entryPoint ?? 'service';
    expect(
        ENTRY_POINTS.includes(entryPoint),
        'entryPoint',
        `must be one of ${ENTRY_POINTS.join(', ')}`
    );
    const needsAccount = entryPoint === 'controller' || entryPoint === 'restListing';
    expect(
        needsAccount === 'account' in testCase,
        'account',
        needsAccount
            ? `the ${entryPoint} entry point needs the Account it works for`
            : `only the controller and restListing entry points take an Account`
    );
    if ('account' in testCase) {
        const account = object(testCase.account, 'account', ['id'], ['visible']);
        expect(isString(account.id), 'account.id', 'must be a string');
        if ('visible' in account) {
            expect(isBoolean(account.visible), 'account.visible', 'must be true or false');
        }
    }
    for (const flag of ['auditLogReadable', 'zuoraInstalled']) {
        if (flag in testCase) expect(isBoolean(testCase[flag]), flag, 'must be true or false');
    }
    if ('operation' in testCase && testCase.operation === 'claim') {
        expect(
            entryPoint === 'service' || entryPoint === 'restSync',
            'operation',
            'a claim goes through the service or the REST resource'
        );
    }
    if ('operation' in testCase) {
        expect(
            OPERATIONS.includes(testCase.operation),
            'operation',
            `must be one of ${OPERATIONS.join(', ')}`
        );
    }
    expect(isString(testCase.name) && testCase.name.trim() !== '', 'name', 'must be a sentence');
    expect(
        isString(testCase.now) && ISO_UTC.test(testCase.now) && !isNaN(Date.parse(testCase.now)),
        'now',
        'must be an ISO time in UTC like 2026-11-20T10:00:00.000Z'
    );
    expect(isBoolean(testCase.hasPermission), 'hasPermission', 'must be true or false');
    if ('canSyncUnsyncedAccounts' in testCase) {
        expect(
            isBoolean(testCase.canSyncUnsyncedAccounts),
            'canSyncUnsyncedAccounts',
            'must be true or false'
        );
    }
    if ('unreadableFields' in testCase) {
        strings(testCase.unreadableFields, 'unreadableFields');
        testCase.unreadableFields.forEach((field, index) =>
            expect(
                FIELD_ROLES.includes(field),
                `unreadableFields[${index}]`,
                `must be one of ${FIELD_ROLES.join(', ')}`
            )
        );
    }
    if ('transaction' in testCase) {
        const transaction = object(
            testCase.transaction,
            'transaction',
            [],
            ['pendingWork', 'calloutsUsed']
        );
        if ('pendingWork' in transaction) {
            expect(
                isBoolean(transaction.pendingWork),
                'transaction.pendingWork',
                'must be true or false'
            );
        }
        if ('calloutsUsed' in transaction) {
            expect(
                isCount(transaction.calloutsUsed) && transaction.calloutsUsed <= 100,
                'transaction.calloutsUsed',
                'must be a whole number of callouts, 0..100'
            );
        }
    }

    if ('settings' in testCase) {
        const settings = object(
            testCase.settings,
            'settings',
            [],
            ['cooldownMinutes', 'apiSessionCap', 'uiSessionCap', 'gatewayConfigured']
        );
        if ('cooldownMinutes' in settings) {
            expect(
                isCount(settings.cooldownMinutes) &&
                    settings.cooldownMinutes >= COOLDOWN.min &&
                    settings.cooldownMinutes <= COOLDOWN.max,
                'settings.cooldownMinutes',
                `must be a whole number of minutes, ${COOLDOWN.min}..${COOLDOWN.max}`
            );
        }
        if ('apiSessionCap' in settings) {
            expect(
                Number.isInteger(settings.apiSessionCap) && settings.apiSessionCap >= 1,
                'settings.apiSessionCap',
                'must be a whole number, at least 1'
            );
        }
        if ('uiSessionCap' in settings) {
            expect(
                Number.isInteger(settings.uiSessionCap) && settings.uiSessionCap >= 1,
                'settings.uiSessionCap',
                'must be a whole number, at least 1'
            );
        }
        if ('gatewayConfigured' in settings) {
            expect(
                isBoolean(settings.gatewayConfigured),
                'settings.gatewayConfigured',
                'must be true or false'
            );
        }
    }
    if ('keyPrefix' in testCase) {
        const keyPrefix = object(
            testCase.keyPrefix,
            'keyPrefix',
            [],
            ['BILLING_ACCOUNT', 'PRODUCT']
        );
        for (const [type, prefix] of Object.entries(keyPrefix)) {
            expect(
                isString(prefix) && /^[a-zA-Z0-9]{3}$/.test(prefix),
                `keyPrefix.${type}`,
                'must be 3 letters or digits'
            );
        }
    }

    expect(Array.isArray(testCase.records), 'records', 'must be an array');
    testCase.records.forEach((record, index) => {
        const path = `records[${index}]`;
        object(record, path, ['id', 'name', 'zuoraId', 'accountId'], ['visible', 'entityId']);
        if ('entityId' in record) {
            expect(
                isNullableString(record.entityId),
                `${path}.entityId`,
                'must be a string or null'
            );
        }
        expect(isString(record.id), `${path}.id`, 'must be a string');
        expect(isNullableString(record.name), `${path}.name`, 'must be a string or null');
        expect(isNullableString(record.zuoraId), `${path}.zuoraId`, 'must be a string or null');
        expect(isNullableString(record.accountId), `${path}.accountId`, 'must be a string or null');
        if ('visible' in record)
            expect(isBoolean(record.visible), `${path}.visible`, 'must be true or false');
    });

    if ('recentRequests' in testCase) {
        expect(Array.isArray(testCase.recentRequests), 'recentRequests', 'must be an array');
        testCase.recentRequests.forEach((row, index) => {
            const path = `recentRequests[${index}]`;
            object(
                row,
                path,
                ['recordId', 'zuoraId', 'minutesAgo'],
                ['status', 'requestId', 'mine']
            );
            if ('requestId' in row) {
                expect(isString(row.requestId), `${path}.requestId`, 'must be a string');
            }
            if ('mine' in row) {
                expect(isBoolean(row.mine), `${path}.mine`, 'must be true or false');
            }
            expect(isNullableString(row.recordId), `${path}.recordId`, 'must be a string or null');
            expect(isNullableString(row.zuoraId), `${path}.zuoraId`, 'must be a string or null');
            expect(
                row.recordId !== null || row.zuoraId !== null,
                path,
                'needs a recordId or a zuoraId'
            );
            expect(
                typeof row.minutesAgo === 'number' && Number.isFinite(row.minutesAgo),
                `${path}.minutesAgo`,
                'must be a number of minutes (negative: a row dated after now)'
            );
            if ('status' in row) {
                expect(
                    ITEM_STATUSES.includes(row.status),
                    `${path}.status`,
                    `must be one of ${ITEM_STATUSES.join(', ')}`
                );
            }
        });
    }

    if ('gateway' in testCase) {
        const gateway = object(
            testCase.gateway,
            'gateway',
            [],
            ['throws', 'failures', 'omit', 'anonymousResults']
        );
        if ('anonymousResults' in gateway) {
            expect(
                isBoolean(gateway.anonymousResults),
                'gateway.anonymousResults',
                'must be true or false'
            );
        }
        if ('throws' in gateway) {
            expect(isString(gateway.throws), 'gateway.throws', 'must be the exception message');
            expect(
                !('failures' in gateway) && !('omit' in gateway),
                'gateway',
                '"throws" cannot be combined with "failures" or "omit"'
            );
        }
        if ('failures' in gateway) {
            expect(
                isObject(gateway.failures),
                'gateway.failures',
                'must map ids to Zuora messages'
            );
            for (const [key, message] of Object.entries(gateway.failures)) {
                expect(isString(message), `gateway.failures.${key}`, 'must be a Zuora message');
            }
        }
        if ('omit' in gateway) strings(gateway.omit, 'gateway.omit');
    }

    const request = object(
        testCase.request,
        'request',
        [],
        ['objectType', 'ids', 'zuoraIds', 'source', 'emailNotification', 'claimId']
    );
    if ('claimId' in request) {
        expect(isString(request.claimId), 'request.claimId', 'must be a string');
    }
    if ('objectType' in request) {
        expect(
            isNullableString(request.objectType),
            'request.objectType',
            'must be a string or null'
        );
    }
    if ('ids' in request) strings(request.ids, 'request.ids');
    if ('zuoraIds' in request) strings(request.zuoraIds, 'request.zuoraIds');
    if ('source' in request) {
        expect(
            SOURCES.includes(request.source),
            'request.source',
            `must be one of ${SOURCES.join(', ')}`
        );
    }
    if ('emailNotification' in request) {
        expect(
            request.emailNotification === null || isBoolean(request.emailNotification),
            'request.emailNotification',
            'must be true, false or null'
        );
    }

    const outcome = object(
        testCase.expect,
        'expect',
        ['gatewayCalls', 'auditRows'],
        ['error', 'results', 'sent', 'billingAccounts']
    );
    const answers = ['error', 'results', 'billingAccounts'].filter((key) => key in outcome);
    expect(
        answers.length === 1,
        'expect',
        'needs exactly one of "error", "results" and "billingAccounts"'
    );
    expect(
        !('billingAccounts' in outcome) || entryPoint === 'restListing',
        'expect.billingAccounts',
        'only for the restListing entry point'
    );
    expect(
        entryPoint !== 'restListing' || !('results' in outcome),
        'expect.results',
        'the restListing entry point answers billingAccounts or an error'
    );
    expect(
        outcome.gatewayCalls === 0 || outcome.gatewayCalls === 1,
        'expect.gatewayCalls',
        'must be 0 or 1 (one session per request)'
    );
    expect(isCount(outcome.auditRows), 'expect.auditRows', 'must be a whole number');
    if (outcome.gatewayCalls === 1) {
        const sent = object(outcome.sent, 'expect.sent', ['recordIds', 'zuoraIds']);
        strings(sent.recordIds, 'expect.sent.recordIds');
        strings(sent.zuoraIds, 'expect.sent.zuoraIds');
    } else if ('sent' in outcome) {
        fail('expect.sent', 'only with gatewayCalls 1');
    }

    if ('error' in outcome) {
        const error = object(
            outcome.error,
            'expect.error',
            ['errorCode', 'httpStatus'],
            ['messageContains']
        );
        expect(
            error.errorCode in ERROR_STATUS,
            'expect.error.errorCode',
            `must be one of ${Object.keys(ERROR_STATUS).join(', ')}`
        );
        expect(
            error.httpStatus === ERROR_STATUS[error.errorCode],
            'expect.error.httpStatus',
            `must be ${ERROR_STATUS[error.errorCode]} for ${error.errorCode}`
        );
        if ('messageContains' in error) {
            expect(
                isString(error.messageContains),
                'expect.error.messageContains',
                'must be a string'
            );
        }
        expect(
            outcome.gatewayCalls === 0 && outcome.auditRows === 0,
            'expect',
            'a request-level error sends nothing and writes no audit row'
        );
    } else if ('billingAccounts' in outcome) {
        expect(
            Array.isArray(outcome.billingAccounts),
            'expect.billingAccounts',
            'must be an array'
        );
        outcome.billingAccounts.forEach((listed, index) => {
            const path = `expect.billingAccounts[${index}]`;
            object(listed, path, ['id', 'syncable'], ['cooldownUntil']);
            expect(isString(listed.id), `${path}.id`, 'must be a string');
            expect(isBoolean(listed.syncable), `${path}.syncable`, 'must be true or false');
            if ('cooldownUntil' in listed) {
                expect(
                    listed.cooldownUntil === null ||
                        (isString(listed.cooldownUntil) && ISO_UTC.test(listed.cooldownUntil)),
                    `${path}.cooldownUntil`,
                    'must be an ISO time in UTC or null'
                );
            }
        });
        expect(
            outcome.gatewayCalls === 0 && outcome.auditRows === 0,
            'expect',
            'a listing sends nothing and writes no audit row'
        );
    } else {
        expect(Array.isArray(outcome.results), 'expect.results', 'must be an array');
        expect(
            outcome.results.length > 0,
            'expect.results',
            'must list one result per distinct item'
        );
        outcome.results.forEach((result, index) => {
            const path = `expect.results[${index}]`;
            object(
                result,
                path,
                ['id', 'status'],
                ['zuoraId', 'name', 'jobId', 'cooldownUntil', 'messageContains']
            );
            expect(isString(result.id), `${path}.id`, 'must be a string');
            expect(
                ITEM_STATUSES.includes(result.status),
                `${path}.status`,
                `must be one of ${ITEM_STATUSES.join(', ')}`
            );
            for (const key of ['zuoraId', 'name', 'jobId', 'cooldownUntil']) {
                if (key in result)
                    expect(
                        isNullableString(result[key]),
                        `${path}.${key}`,
                        'must be a string or null'
                    );
            }
            if (isString(result.cooldownUntil)) {
                expect(
                    ISO_UTC.test(result.cooldownUntil),
                    `${path}.cooldownUntil`,
                    'must be an ISO time in UTC'
                );
            }
            if ('messageContains' in result) {
                expect(
                    isString(result.messageContains),
                    `${path}.messageContains`,
                    'must be a string'
                );
            }
        });
        expect(
            outcome.auditRows === outcome.results.length,
            'expect.auditRows',
            'every result is audited: must equal the number of results'
        );
    }
    return testCase;
}

/** Reads, parses and validates every case file of `dir`, sorted by file name. */
const JOB_STATUSES = ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'ABORTED'];
const JOB_COUNTS = ['total', 'requested', 'skipped', 'failed', 'pending'];

/**
 * A background job case (`"entryPoint": "job"`, see contract-fixtures/README.md): its records,
 * audit rows, gateway and settings are checked as a service case's are; then its job request,
 * job options and job expectations.
 */
function validateJobCase(testCase, file) {
    const { object, expect, strings } = checker(file);
    const { job, settings = {}, request = {}, expect: outcome, ...common } = testCase;
    delete common.entryPoint;
    const { jobBudgetPercent, ...serviceSettings } = settings;
    const { accountId, ...serviceRequest } = request;
    // The parts a job case shares with a service case, checked by the service case's rules.
    validateCase(
        {
            ...common,
            ...(Object.keys(serviceSettings).length > 0 ? { settings: serviceSettings } : {}),
            request: serviceRequest,
            expect: {
                error: { errorCode: 'EMPTY_REQUEST', httpStatus: ERROR_STATUS.EMPTY_REQUEST },
                gatewayCalls: 0,
                auditRows: 0
            }
        },
        file
    );
    if (jobBudgetPercent !== undefined) {
        expect(
            isCount(jobBudgetPercent) && jobBudgetPercent >= 1 && jobBudgetPercent <= 100,
            'settings.jobBudgetPercent',
            'must be a whole number from 1 to 100'
        );
    }
    if (accountId !== undefined) {
        expect(isString(accountId), 'request.accountId', 'must be a string');
    }
    if (job !== undefined) {
        const options = object(
            job,
            'job',
            [],
            [
                'calloutsPerExecution',
                'failExecutions',
                'apiUsagePercent',
                'asyncUsagePercent',
                'abortAfterExecutions'
            ]
        );
        for (const key of ['calloutsPerExecution', 'apiUsagePercent', 'asyncUsagePercent']) {
            if (key in options)
                expect(isCount(options[key]), `job.${key}`, 'must be a whole number');
        }
        if ('abortAfterExecutions' in options) {
            expect(
                isCount(options.abortAfterExecutions),
                'job.abortAfterExecutions',
                'must be a whole number'
            );
        }
        if ('failExecutions' in options) {
            expect(
                Array.isArray(options.failExecutions) && options.failExecutions.every(isCount),
                'job.failExecutions',
                'must be an array of execution numbers (1-based)'
            );
        }
    }
    const want = object(
        outcome,
        'expect',
        [],
        ['error', 'job', 'executions', 'gatewayCalls', 'maxSessionSize', 'results', 'auditRows']
    );
    expect('error' in want !== 'job' in want, 'expect', 'needs exactly one of "error" and "job"');
    if ('error' in want) {
        const error = object(
            want.error,
            'expect.error',
            ['errorCode', 'httpStatus'],
            ['messageContains']
        );
        expect(
            error.httpStatus === ERROR_STATUS[error.errorCode],
            'expect.error.httpStatus',
            `must be ${ERROR_STATUS[error.errorCode]} for ${error.errorCode}`
        );
    } else {
        const counts = object(want.job, 'expect.job', [], ['status', ...JOB_COUNTS]);
        if ('status' in counts) {
            expect(
                JOB_STATUSES.includes(counts.status),
                'expect.job.status',
                `must be one of ${JOB_STATUSES.join(', ')}`
            );
        }
        for (const key of JOB_COUNTS) {
            if (key in counts)
                expect(isCount(counts[key]), `expect.job.${key}`, 'must be a whole number');
        }
        if (JOB_COUNTS.every((key) => key in counts)) {
            expect(
                counts.requested + counts.skipped + counts.failed + counts.pending === counts.total,
                'expect.job',
                'requested + skipped + failed + pending must equal total'
            );
        }
    }
    for (const key of ['executions', 'gatewayCalls', 'maxSessionSize', 'auditRows']) {
        if (key in want) expect(isCount(want[key]), `expect.${key}`, 'must be a whole number');
    }
    if ('results' in want) {
        expect(Array.isArray(want.results), 'expect.results', 'must be an array');
        (want.results ?? []).forEach((result, index) => {
            const path = `expect.results[${index}]`;
            object(result, path, ['id', 'status'], ['messageContains']);
            expect(isString(result.id), `${path}.id`, 'must be a string');
            expect(
                ['REQUESTED', 'FAILED', 'SKIPPED'].includes(result.status),
                `${path}.status`,
                'must be a final status: REQUESTED, FAILED or SKIPPED'
            );
        });
    }
    strings(Object.keys(want), 'expect');
    return testCase;
}

export function readCases(dir = join(projectRoot, CASES_DIR)) {
    const files = readdirSync(dir)
        .filter((name) => name.endsWith('.json'))
        .sort();
    if (files.length === 0) {
        throw new FixtureError(dir, '', 'no case files');
    }
    const numbers = new Map();
    return files.map((file) => {
        if (!CASE_FILE.test(file)) {
            throw new FixtureError(
                file,
                '',
                'file names are NN-short-name.json (lower case, digits, dashes)'
            );
        }
        const number = file.split('-')[0];
        if (numbers.has(number)) {
            throw new FixtureError(
                file,
                '',
                `number ${number} is also used by ${numbers.get(number)}`
            );
        }
        numbers.set(number, file);
        let testCase;
        try {
            testCase = JSON.parse(readFileSync(join(dir, file), 'utf8'));
        } catch (error) {
            throw new FixtureError(file, '', `not valid JSON (${error.message})`);
        }
        if (isObject(testCase) && 'file' in testCase) {
            throw new FixtureError(
                file,
                'file',
                'is added by the build; do not write it in a case'
            );
        }
        validateCase(testCase, file);
        return { file, ...testCase };
    });
}

/** The static resource body: 2-space JSON with a trailing newline, cases in file-name order. */
export function renderFixtures(cases) {
    return `${JSON.stringify({ version: FIXTURES_VERSION, cases }, null, 2)}\n`;
}

/** The static resource's metadata file. */
export function renderResourceMeta() {
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<StaticResource xmlns="http://soap.sforce.com/2006/04/metadata">',
        '    <cacheControl>Private</cacheControl>',
        '    <contentType>application/json</contentType>',
        '    <description>Contract fixtures: the cases the Apex OnDemandSyncService tests and the TypeScript emulated org both pass. Generated from contract-fixtures/cases by scripts/build-fixtures.mjs; do not edit.</description>',
        '</StaticResource>',
        ''
    ].join('\n');
}

/** Both generated files, keyed by their path relative to `root`. */
export function buildFixtures({ root = projectRoot } = {}) {
    const cases = readCases(join(root, CASES_DIR));
    return {
        cases,
        files: {
            [RESOURCE_JSON]: renderFixtures(cases),
            [RESOURCE_META]: renderResourceMeta()
        }
    };
}

/** Writes the generated files that changed; returns the generated paths and the cases they hold. */
export function writeFixtures({ root = projectRoot } = {}) {
    const { cases, files } = buildFixtures({ root });
    syncGeneratedFiles(root, files);
    return { written: Object.keys(files), cases };
}

/** The generated files that are missing or differ from a fresh build (empty when current). */
export function staleFixtures({ root = projectRoot } = {}) {
    return syncGeneratedFiles(root, buildFixtures({ root }).files, { check: true });
}

function main(args) {
    try {
        if (args.includes('--check')) {
            const stale = staleFixtures();
            if (stale.length > 0) {
                console.error(`Stale contract fixtures: ${stale.join(', ')}`);
                console.error('Run `node scripts/build-fixtures.mjs` (or `npm run build`).');
                return 1;
            }
            console.log('Contract fixtures static resource is current.');
            return 0;
        }
        const { written, cases } = writeFixtures();
        console.log(`Wrote ${written.join(' and ')} (${cases.length} cases).`);
        return 0;
    } catch (error) {
        if (error instanceof FixtureError) {
            console.error(`Malformed contract fixture: ${error.message}`);
            return 1;
        }
        throw error;
    }
}

if (isMain(import.meta.url)) {
    process.exitCode = main(process.argv.slice(2));
}
