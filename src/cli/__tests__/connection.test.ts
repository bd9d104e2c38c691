/**
 * Servers that are not the org they seem: TLS that fails (no TLS on the port, a self-signed
 * certificate), a web page instead of the REST resource, and a busy org while --account lists.
 * Each is a connection failure (exit 3) after the first try, in one line that names the cause.
 */
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { createServer as createHttpServer, type Server } from 'http';
import { createServer as createHttpsServer } from 'https';
import type { AddressInfo } from 'net';
import { join } from 'path';
import type { RunningOrg } from '../../org-emulator';
import { orgEnv, runCli, startFaultyFront, startOrg, tempDir } from './harness';

async function listen(server: Server): Promise<string> {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return String((server.address() as AddressInfo).port);
}

function close(server: Server): Promise<void> {
    return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
    });
}

describe('a server that is not a usable org', () => {
    let running: RunningOrg;
    let ids: string[];
    let accountId: string;
    const servers: Server[] = [];
    let hits = 0;

    beforeAll(async () => {
        ({ running, ids, accountId } = await startOrg(12));
    }, 60_000);

    afterEach(async () => {
        await Promise.all(servers.splice(0).map(close));
        hits = 0;
    });

    afterAll(async () => {
        await running.close();
    }, 60_000);

    /** The one-line error of a run: exit 3, no FAILED lines, no raw OpenSSL text. */
    function expectConnectionFailure(run: { code: number; stdout: string; stderr: string }): void {
        expect(run.code).toBe(3);
        const document = JSON.parse(run.stdout);
        expect(document.status).toBe(3);
        expect(document.result.summary.failed).toBe(0);
        expect(run.stderr).not.toMatch(/FAILED|SSL routines|ssl3_|:error:/);
        expect(run.stderr).not.toMatch(/Retrying/);
    }

    it('https to a port that does not speak TLS: exit 3 after one try, naming the cause', async () => {
        const plain = createHttpServer((_request, response) => {
            hits++;
            response.end('{}');
        });
        let connections = 0;
        plain.on('connection', () => connections++);
        servers.push(plain);
        const port = await listen(plain);
        const run = await runCli([...ids.slice(0, 3), '--json'], {
            env: orgEnv(`https://127.0.0.1:${port}`)
        });

        expectConnectionFailure(run);
        expect(run.stderr).toMatch(/cannot be reached securely: the server does not speak TLS/);
        expect(
            run.stderr
                .trim()
                .split('\n')
                .filter((line) => line.includes('TLS'))
        ).toHaveLength(1);
        expect(hits).toBe(0);
    }, 60_000);

    it('a self-signed certificate: exit 3 after one try, naming the cause', async () => {
        const dir = tempDir();
        try {
            const key = join(dir.path, 'key.pem');
            const cert = join(dir.path, 'cert.pem');
            execFileSync(
                'openssl',
                [
                    'req',
                    '-x509',
                    '-newkey',
                    'rsa:2048',
                    '-nodes',
                    '-subj',
                    '/CN=127.0.0.1',
                    '-days',
                    '1',
                    '-keyout',
                    key,
                    '-out',
                    cert
                ],
                { stdio: 'ignore' }
            );
            let connections = 0;
            const secure = createHttpsServer(
                { key: readFileSync(key), cert: readFileSync(cert) },
                (_request, response) => {
                    hits++;
                    response.end('{}');
                }
            );
            secure.on('connection', () => connections++);
            servers.push(secure);
            const port = await listen(secure);
            const run = await runCli([...ids.slice(0, 3), '--json'], {
                env: orgEnv(`https://127.0.0.1:${port}`)
            });

            expectConnectionFailure(run);
            expect(run.stderr).toMatch(/TLS certificate is self-signed/);
            expect(hits).toBe(0);
            // One try: a TLS failure is not retried.
            expect(connections).toBe(1);
        } finally {
            dir.remove();
        }
    }, 60_000);

    it('a web page answered 200: the URL does not look like a Salesforce org', async () => {
        const page = createHttpServer((_request, response) => {
            hits++;
            response.writeHead(200, { 'Content-Type': 'text/html' });
            response.end('<!doctype html><html><body>Welcome</body></html>');
        });
        servers.push(page);
        const port = await listen(page);
        const run = await runCli([...ids.slice(0, 3), '--json'], {
            env: orgEnv(`http://127.0.0.1:${port}`)
        });

        expectConnectionFailure(run);
        expect(run.stderr).toMatch(/does not look like a Salesforce org: it answered a web page/);
        expect(hits).toBe(1);

        // The same while listing an Account's billing accounts.
        const listing = await runCli(['--account', accountId, '--json'], {
            env: orgEnv(`http://127.0.0.1:${port}`)
        });
        expect(listing.code).toBe(3);
        expect(listing.stderr).toMatch(/does not look like a Salesforce org/);
    }, 60_000);

    it('a 503 while listing --account is a connection failure (exit 3), not bad input', async () => {
        const front = await startFaultyFront(running.org, () => ({
            status: 503,
            body: [{ errorCode: 'SERVER_UNAVAILABLE', message: 'Down for maintenance' }]
        }));
        try {
            const run = await runCli(['--account', accountId, '--json'], {
                env: orgEnv(front.url, { ZUORA_SYNC_MAX_ATTEMPTS: '2' })
            });
            expect(run.code).toBe(3);
            expect(JSON.parse(run.stdout).warnings[0].code).toBe('CONNECTION');
            expect(front.seen()).toBe(2);
        } finally {
            await front.close();
        }
    }, 60_000);
});
