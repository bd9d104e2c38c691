/**
 * Test harness: an emulated org on a random port (optionally behind a faulty front), the command
 * line run in-process with captured output, and readers for what the org received.
 */
import { mkdtempSync, rmSync } from 'fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { toId18 } from '../../bridge';
import {
    createOrgRequestHandler,
    generateBillingAccounts,
    startEmulatedOrg,
    type EmulatedOrg,
    type RunningOrg,
    type StartOptions
} from '../../org-emulator';
import { main, type CliContext } from '../main';
import { StopSwitch } from '../runner';

export const TOKEN = '00DTEST!AQ4AQFakeAccessTokenValue.never-printed-0123456789';

/** Retries and timeouts small enough for tests. */
export const FAST_ENV: NodeJS.ProcessEnv = {
    ZUORA_SYNC_RETRY_BASE_MS: '2',
    ZUORA_SYNC_RETRY_MAX_MS: '10',
    ZUORA_SYNC_MAX_ATTEMPTS: '4'
};

export interface CliRun {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

export function tempDir(): { path: string; remove(): void } {
    const path = mkdtempSync(join(tmpdir(), 'zuora-sync-test-'));
    return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Runs the command in-process and captures what it writes. */
export async function runCli(
    argv: readonly string[],
    options: Partial<Omit<CliContext, 'argv' | 'streams'>> & { stderrIsTTY?: boolean } = {}
): Promise<CliRun> {
    let stdout = '';
    let stderr = '';
    const code = await main({
        argv,
        env: options.env ?? { ...FAST_ENV },
        cwd: options.cwd ?? process.cwd(),
        streams: {
            stdout: { write: (text: string) => (stdout += text) },
            stderr: { write: (text: string) => (stderr += text) },
            stderrIsTTY: options.stderrIsTTY ?? false,
            columns: 100
        },
        ...(options.stop === undefined ? {} : { stop: options.stop }),
        ...(options.lookupOrg === undefined ? {} : { lookupOrg: options.lookupOrg }),
        ...(options.sleep === undefined ? {} : { sleep: options.sleep })
    });
    return { code, stdout, stderr };
}

/** The environment that points the command at an org with the test token. */
export function orgEnv(url: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return { ...FAST_ENV, SF_INSTANCE_URL: url, SF_ACCESS_TOKEN: TOKEN, ...extra };
}

/** An emulated org holding `count` generated billing accounts (plus the samples). */
export async function startOrg(
    count = 30,
    options: StartOptions = {}
): Promise<{
    running: RunningOrg;
    org: EmulatedOrg;
    url: string;
    ids: string[];
    accountId: string;
}> {
    const running = await startEmulatedOrg({ port: 0, ...options });
    const generated = generateBillingAccounts(count, { firstNumber: 1000 });
    running.org.seed({ accounts: [generated.account], billingAccounts: generated.billingAccounts });
    return {
        running,
        org: running.org,
        url: running.url,
        ids: generated.billingAccounts.map((record) => record.id),
        accountId: generated.account.id
    };
}

/** What orgPerTest gives each test: a fresh emulated org and temporary directory. */
export interface OrgFixture {
    running: RunningOrg;
    url: string;
    ids: string[];
    dir: ReturnType<typeof tempDir>;
}

/**
 * Before each test of the enclosing describe: an emulated org holding `count` generated billing
 * accounts, and a temporary directory; both are removed after the test. The fields are set when
 * a test runs.
 */
export function orgPerTest(count: number, options: StartOptions = {}): OrgFixture {
    const fixture = {} as OrgFixture;
    beforeEach(async () => {
        ({
            running: fixture.running,
            url: fixture.url,
            ids: fixture.ids
        } = await startOrg(count, options));
        fixture.dir = tempDir();
    }, 60_000);
    afterEach(async () => {
        fixture.dir.remove();
        await fixture.running.close();
    }, 60_000);
    return fixture;
}

/** The sync requests the org received (POST .../v1/sync), in order, with their ids. */
export function syncRequests(
    org: EmulatedOrg
): { ids: string[]; status: number; source: unknown }[] {
    return org
        .receivedRequests()
        .filter((request) => request.method === 'POST' && request.path.endsWith('/v1/sync'))
        .map((request) => {
            const body = request.body as { ids?: string[]; zuoraIds?: string[]; source?: unknown };
            return {
                ids: [...(body.ids ?? []), ...(body.zuoraIds ?? [])],
                status: request.status,
                source: body.source
            };
        });
}

/** The bodies of the POST requests the org received (sync, claims, jobs), in order. */
export function syncBodies(org: EmulatedOrg): unknown[] {
    return org
        .receivedRequests()
        .filter((request) => request.method === 'POST')
        .map((request) => request.body);
}

/** How many times each id was received in a sync request. */
export function sendCounts(org: EmulatedOrg): Map<string, number> {
    const counts = new Map<string, number>();
    for (const request of syncRequests(org)) {
        for (const id of request.ids) {
            const key = toId18(id) ?? id.toLowerCase();
            counts.set(key, (counts.get(key) ?? 0) + 1);
        }
    }
    return counts;
}

/**
 * What a faulty front does with the n-th request (1-based) to the Apex REST resource: pass it
 * on, or fail it. `lose` passes it on to the org, then drops the connection instead of answering
 * (the answer is lost).
 */
export type FrontAction =
    'pass' | 'reset' | 'hang' | 'lose' | { readonly status: number; readonly body: unknown };

/**
 * A server in front of an emulated org's handler that can reset connections, never answer, or
 * answer errors, request by request; requests it passes on reach the org.
 */
export async function startFaultyFront(
    org: EmulatedOrg,
    plan: (n: number, request: IncomingMessage) => FrontAction
): Promise<{ url: string; seen: () => number; received: () => number; close(): Promise<void> }> {
    const handle = createOrgRequestHandler(org);
    let count = 0;
    let complete = 0;
    const server = createServer((request: IncomingMessage, response: ServerResponse) => {
        if (/\/services\/data\/v[\d.]+\/limits$/.test(request.url ?? '')) {
            // The API usage read before the first batch always passes, uncounted: the plans are
            // about the Apex REST resource.
            void handle(request, response);
            return;
        }
        count++;
        request.on('end', () => complete++);
        const action = plan(count, request);
        if (action === 'reset') {
            request.socket.destroy();
            return;
        }
        if (action === 'hang') {
            return;
        }
        if (action === 'lose') {
            // The org processes the request; its answer never leaves: the connection is dropped.
            response.end = (() => {
                request.socket.destroy();
                return response;
            }) as typeof response.end;
            void handle(request, response);
            return;
        }
        if (action !== 'pass') {
            response.writeHead(action.status, { 'Content-Type': 'application/json' });
            response.end(JSON.stringify(action.body));
            return;
        }
        void handle(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`,
        /** Requests that arrived (headers). */
        seen: () => count,
        /** Requests whose body arrived in full (the org has all it needs to process them). */
        received: () => complete,
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            })
    };
}

/** Parses the JSON lines of an --out file. */
export function readLines(text: string): Record<string, unknown>[] {
    return text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export { StopSwitch };
