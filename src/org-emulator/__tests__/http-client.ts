/** A tiny JSON client over fetch for the HTTP tests. */
export interface JsonAnswer {
    readonly status: number;
    readonly contentType: string | null;
    readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export const TEST_TOKEN = '00D5g000004TeSt!AQ4AQFake.Session.Token.Value';
export const SYNC_PATH = '/services/apexrest/zuora/ondemandsync/v1/sync';
export const billingAccountsPath = (accountId: string): string =>
    `/services/apexrest/zuora/ondemandsync/v1/accounts/${accountId}/billing-accounts`;

/** Sends JSON (a string body is sent as is) with a bearer token unless `token` is null. */
export async function call(
    baseUrl: string,
    method: string,
    path: string,
    body?: unknown,
    token: string | null = TEST_TOKEN
): Promise<JsonAnswer> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token !== null) {
        headers.Authorization = `Bearer ${token}`;
    }
    const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        body:
            body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
    });
    const text = await response.text();
    return {
        status: response.status,
        contentType: response.headers.get('content-type'),
        body: text === '' ? null : JSON.parse(text)
    };
}
