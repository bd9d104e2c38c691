/**
 * Request-level errors, in Salesforce's own error shape so that jsforce raises them with
 * `name` = `errorCode`: HTTP 400/403/500 with `[{ "errorCode": "...", "message": "..." }]`.
 */
import { randomBytes } from 'node:crypto';
import { HTTP_STATUS_BY_CODE, type ContractErrorCode } from '../bridge/errors';
import { label, type Labels } from './labels';

/** The contract's request-level codes. */
export type ServiceErrorCode = ContractErrorCode;

/** One entry of Salesforce's REST error array. */
export interface RestError {
    readonly errorCode: string;
    readonly message: string;
}

/** An error the org answers a whole request with. */
export class OrgError extends Error {
    readonly errorCode: string;
    readonly status: number;

    constructor(errorCode: string, message: string, status?: number) {
        super(message);
        Object.setPrototypeOf(this, new.target.prototype);
        this.name = 'OrgError';
        this.errorCode = errorCode;
        this.status = status ?? HTTP_STATUS_BY_CODE[errorCode] ?? 500;
    }

    /** The REST body: Salesforce's error array. */
    toRestBody(): RestError[] {
        return [{ errorCode: this.errorCode, message: this.message }];
    }
}

/** Shorthand for the contract's codes, whose HTTP status the contract fixes. */
export function serviceError(code: ServiceErrorCode, message: string): OrgError {
    return new OrgError(code, message);
}

/** Where the details of an unexpected error go: the org's debug log, at level ERROR. */
export type DebugLog = (line: string) => void;

const stderrDebugLog: DebugLog = (line) => console.error(line);

/**
 * As OnDemandSyncException.wrap: an OrgError stays as it is; anything else becomes 500
 * UNKNOWN_EXCEPTION whose message is the generic label with a short error reference, never the
 * error's own text, which goes to the debug log under that reference.
 */
export function asOrgError(
    thrown: unknown,
    labels: Labels,
    debugLog: DebugLog = stderrDebugLog
): OrgError {
    if (thrown instanceof OrgError) {
        return thrown;
    }
    const reference = randomBytes(5).toString('hex').toUpperCase();
    const detail =
        thrown instanceof Error
            ? `${thrown.name}: ${thrown.message}\n${thrown.stack ?? ''}`
            : String(thrown);
    debugLog(`On-Demand Sync error ${reference}: ${detail}`);
    return new OrgError(
        'UNKNOWN_EXCEPTION',
        label(labels, 'OnDemandSync_Error_Unexpected', reference),
        500
    );
}

/**
 * What a Lightning component receives when an @AuraEnabled method throws an
 * AuraHandledException with setMessage(...): the message in `body.message`.
 */
export interface AuraError {
    readonly status: number;
    readonly body: {
        readonly message: string;
        readonly exceptionType: string;
        readonly isUserDefinedException: boolean;
        readonly stackTrace: string | null;
    };
    readonly headers: Record<string, string>;
}

/** Converts any error thrown by the controller into the Aura error a component would see. */
export function toAuraError(error: unknown): AuraError {
    const message =
        error instanceof Error
            ? error.message
            : typeof error === 'string'
              ? error
              : 'Unknown error';
    return {
        status: 500,
        body: {
            message,
            exceptionType: 'System.AuraHandledException',
            isUserDefinedException: false,
            stackTrace: null
        },
        headers: {}
    };
}
