import { SyncError, describeError, reduceErrors, toSyncError } from '../errors';

describe('SyncError', () => {
    it('is an Error with a code, retryable and httpStatus', () => {
        const error = new SyncError('INVALID_ID', 'bad id', { httpStatus: 400, details: ['a'] });
        expect(error).toBeInstanceOf(Error);
        expect(error).toBeInstanceOf(SyncError);
        expect(error.name).toBe('SyncError');
        expect(error.message).toBe('bad id');
        expect(error.code).toBe('INVALID_ID');
        expect(error.retryable).toBe(false);
        expect(error.httpStatus).toBe(400);
        expect(error.details).toEqual(['a']);
    });

    it('leaves httpStatus unset when not given', () => {
        expect('httpStatus' in new SyncError('NETWORK', 'down', { retryable: true })).toBe(false);
    });
});

describe('describeError', () => {
    it('reads an Aura error with a body message', () => {
        const error = {
            status: 500,
            body: {
                message: 'You do not have access.',
                exceptionType: 'System.AuraHandledException'
            }
        };
        expect(describeError(error)).toEqual({
            code: 'UNKNOWN',
            message: 'You do not have access.',
            retryable: false,
            httpStatus: 500,
            details: ['You do not have access.']
        });
    });

    it('finds a contract code inside an Aura message', () => {
        const error = { status: 400, body: { message: 'INVALID_ID: "x" is not an id' } };
        expect(describeError(error)).toMatchObject({
            code: 'INVALID_ID',
            retryable: false,
            httpStatus: 400
        });
    });

    it('reads an Aura error with a body array', () => {
        const error = { status: 400, body: [{ message: 'First' }, { message: 'Second' }] };
        expect(describeError(error)).toMatchObject({
            message: 'First',
            details: ['First', 'Second']
        });
    });

    it('reads page and field errors', () => {
        const error = {
            body: {
                pageErrors: [
                    {
                        statusCode: 'UNABLE_TO_LOCK_ROW',
                        message: 'unable to obtain exclusive access'
                    }
                ],
                fieldErrors: {
                    Name: [{ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Name is required' }]
                }
            }
        };
        const description = describeError(error);
        expect(description.code).toBe('UNABLE_TO_LOCK_ROW');
        expect(description.retryable).toBe(true);
        expect(description.message).toBe(
            'Salesforce is busy right now. Try again in a few minutes.'
        );
        expect(description.details).toEqual([
            'unable to obtain exclusive access',
            'Name is required'
        ]);
    });

    it('reads a Salesforce REST error array', () => {
        const error = [{ errorCode: 'TOO_MANY_IDS', message: 'At most 10 ids per request.' }];
        expect(describeError(error)).toEqual({
            code: 'TOO_MANY_IDS',
            message: 'At most 10 ids per request.',
            retryable: false,
            httpStatus: 400,
            details: ['At most 10 ids per request.']
        });
    });

    it('reads a jsforce error (name = errorCode) and fills the contract status', () => {
        const error = Object.assign(
            new Error('You need the Zuora On-Demand Sync permission set.'),
            {
                name: 'INSUFFICIENT_ACCESS',
                errorCode: 'INSUFFICIENT_ACCESS',
                data: {
                    errorCode: 'INSUFFICIENT_ACCESS',
                    message: 'You need the Zuora On-Demand Sync permission set.'
                }
            }
        );
        expect(describeError(error)).toEqual({
            code: 'INSUFFICIENT_ACCESS',
            message: 'You need the Zuora On-Demand Sync permission set.',
            retryable: false,
            httpStatus: 403,
            details: ['You need the Zuora On-Demand Sync permission set.']
        });
    });

    it('reads jsforce HTTP errors without a JSON body', () => {
        const error = Object.assign(new Error('<html>Service Unavailable</html>'), {
            errorCode: 'ERROR_HTTP_503'
        });
        expect(describeError(error)).toMatchObject({
            code: 'ERROR_HTTP_503',
            httpStatus: 503,
            retryable: true,
            message: 'Salesforce is busy right now. Try again in a few minutes.'
        });
    });

    it('reads jsforce multiple errors', () => {
        const error = Object.assign(new Error('Multiple errors returned.'), {
            errorCode: 'MULTIPLE_API_ERRORS',
            data: [
                { errorCode: 'INVALID_ID', message: 'a is not an id' },
                { errorCode: 'INVALID_ID', message: 'b is not an id' }
            ]
        });
        expect(describeError(error)).toMatchObject({
            code: 'INVALID_ID',
            message: 'a is not an id',
            details: ['a is not an id', 'b is not an id']
        });
    });

    it.each([
        [new TypeError('Failed to fetch'), 'errorNetwork'],
        [new TypeError('NetworkError when attempting to fetch resource.'), 'errorNetwork'],
        [
            Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }),
            'errorNetwork'
        ],
        [Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), 'errorNetwork'],
        [
            Object.assign(new Error('connect ETIMEDOUT 1.2.3.4:443'), { code: 'ETIMEDOUT' }),
            'errorTimeout'
        ],
        [new Error('socket hang up'), 'errorNetwork'],
        [
            Object.assign(new Error('The operation was aborted'), { name: 'AbortError' }),
            'errorTimeout'
        ]
    ])('treats %p as a retryable NETWORK error', (error, kind) => {
        const description = describeError(error);
        expect(description.code).toBe('NETWORK');
        expect(description.retryable).toBe(true);
        expect(description.message).toBe(
            kind === 'errorTimeout'
                ? 'Salesforce took too long to answer. Try again in a few minutes.'
                : 'Salesforce could not be reached. Check your connection and try again.'
        );
    });

    it('treats retryable Salesforce codes as retryable', () => {
        for (const code of ['UNABLE_TO_LOCK_ROW', 'REQUEST_LIMIT_EXCEEDED', 'SERVER_UNAVAILABLE']) {
            expect(describeError([{ errorCode: code, message: 'x' }]).retryable).toBe(true);
        }
        expect(
            describeError([{ errorCode: 'ZUORA_ERROR', message: 'Zuora is down' }])
        ).toMatchObject({
            retryable: true,
            httpStatus: 500,
            message: 'Zuora is down'
        });
    });

    it('finds a retryable code inside a DML exception message', () => {
        const error = {
            status: 500,
            body: {
                message:
                    'Insert failed. First exception on row 0; first error: UNABLE_TO_LOCK_ROW, unable to obtain exclusive access'
            }
        };
        expect(describeError(error)).toMatchObject({ code: 'UNABLE_TO_LOCK_ROW', retryable: true });
    });

    it('finds the cause named inside an Apex REST error wrapper', () => {
        const error = [
            {
                errorCode: 'APEX_ERROR',
                message:
                    'System.DmlException: Insert failed. First exception on row 0; first error: UNABLE_TO_LOCK_ROW, unable to obtain exclusive access to this record'
            }
        ];
        expect(describeError(error)).toMatchObject({ code: 'UNABLE_TO_LOCK_ROW', retryable: true });
        expect(describeError([{ errorCode: 'APEX_ERROR', message: 'Null pointer' }])).toMatchObject(
            { code: 'APEX_ERROR' }
        );
    });

    it('reads a refused Apex class as missing permission, in our words', () => {
        const error = {
            status: 403,
            body: {
                message: "You do not have access to the Apex class named 'OnDemandSyncController'."
            }
        };
        const description = describeError(error, { errorInsufficientAccess: 'Ask your admin.' });
        expect(description).toMatchObject({
            code: 'INSUFFICIENT_ACCESS',
            retryable: false,
            message: 'Ask your admin.'
        });
        expect(description.details).toEqual([
            "You do not have access to the Apex class named 'OnDemandSyncController'."
        ]);
    });

    it('treats validation and permission codes as not retryable', () => {
        for (const code of [
            'INVALID_ID',
            'EMPTY_REQUEST',
            'INVALID_OBJECT_TYPE',
            'INSUFFICIENT_ACCESS',
            'ZUORA_NOT_CONFIGURED',
            'FIELD_CUSTOM_VALIDATION_EXCEPTION'
        ]) {
            expect(describeError([{ errorCode: code, message: 'x' }]).retryable).toBe(false);
        }
    });

    it('treats unknown 5xx as retryable, 4xx as not', () => {
        expect(describeError({ status: 502, body: { message: 'Bad gateway' } }).retryable).toBe(
            true
        );
        expect(describeError({ status: 404, body: { message: 'Not found' } }).retryable).toBe(
            false
        );
    });

    it('falls back to the contract text when a known code has no message', () => {
        expect(describeError([{ errorCode: 'ZUORA_NOT_CONFIGURED' }]).message).toBe(
            'The connection to Zuora is not set up in this org. Ask your admin to finish the Zuora On-Demand Sync setup.'
        );
    });

    it('says the session expired for INVALID_SESSION_ID and 401', () => {
        expect(
            describeError([
                { errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }
            ])
        ).toMatchObject({
            code: 'INVALID_SESSION_ID',
            retryable: false,
            message: 'Your Salesforce session has expired. Log in again and retry.'
        });
    });

    it('reads a JSON text body', () => {
        const error = {
            status: 400,
            body: '[{"errorCode":"EMPTY_REQUEST","message":"Give ids."}]'
        };
        expect(describeError(error)).toMatchObject({
            code: 'EMPTY_REQUEST',
            message: 'Give ids.',
            httpStatus: 400
        });
    });

    it('passes a SyncError through', () => {
        const error = new SyncError('TOO_MANY_IDS', 'too many', { httpStatus: 400 });
        expect(describeError(error)).toEqual({
            code: 'TOO_MANY_IDS',
            message: 'too many',
            retryable: false,
            httpStatus: 400,
            details: []
        });
    });

    it('describes junk as UNKNOWN without throwing', () => {
        for (const junk of [undefined, null, 0, {}, [], [null], { body: null }, Symbol('x')]) {
            expect(describeError(junk)).toEqual({
                code: 'UNKNOWN',
                message:
                    'Something went wrong. Try again, and tell your admin if it keeps happening.',
                retryable: false,
                details: []
            });
        }
        expect(describeError('Plain text')).toMatchObject({
            code: 'UNKNOWN',
            message: 'Plain text'
        });
    });

    it('uses message overrides', () => {
        expect(
            describeError(new TypeError('Failed to fetch'), { errorNetwork: 'Hors ligne' }).message
        ).toBe('Hors ligne');
    });
});

describe('toSyncError', () => {
    it('wraps any error, keeping the original as cause', () => {
        const original = [{ errorCode: 'INVALID_ID', message: 'bad' }];
        const error = toSyncError(original);
        expect(error).toBeInstanceOf(SyncError);
        expect(error).toMatchObject({
            code: 'INVALID_ID',
            message: 'bad',
            httpStatus: 400,
            retryable: false
        });
        expect(error.cause).toBe(original);
    });

    it('returns a SyncError as it is', () => {
        const error = new SyncError('X', 'y');
        expect(toSyncError(error)).toBe(error);
    });
});

describe('reduceErrors', () => {
    it('flattens the shapes the component meets, dropping blanks and repeats', () => {
        expect(
            reduceErrors([
                { body: [{ message: 'A' }, { message: 'B' }] },
                {
                    body: { pageErrors: [{ message: 'C' }], fieldErrors: { F: [{ message: 'D' }] } }
                },
                {
                    body: {
                        output: {
                            errors: [{ message: 'E' }],
                            fieldErrors: { G: [{ message: 'F' }] }
                        }
                    }
                },
                { body: { message: 'G' } },
                new Error('H'),
                'I',
                { statusText: 'J' },
                { body: { message: 'G' } },
                null,
                { body: { message: '  ' } }
            ])
        ).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
    });

    it('takes a single error', () => {
        expect(reduceErrors(new Error('boom'))).toEqual(['boom']);
        expect(reduceErrors(undefined)).toEqual([]);
    });
});
