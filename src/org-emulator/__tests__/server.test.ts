/** startEmulatedOrg options, and mounting the org's routes in another server. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AdjustableClock } from '../clock';
import { SAMPLE_ACCOUNT_IDS } from '../data/seed';
import { createOrgRequestHandler } from '../http/handler';
import { startEmulatedOrg } from '../http/server';
import { createEmulatedOrg } from '../org';
import { billingAccountsPath, call, SYNC_PATH } from './http-client';

describe('startEmulatedOrg', () => {
    it('listens on a free loopback port and applies the faults given', async () => {
        const running = await startEmulatedOrg({ port: 0, faults: { errorRate: 1 } });
        try {
            expect(running.url).toBe(`http://127.0.0.1:${running.port}`);
            expect(running.port).toBeGreaterThan(0);
            const answer = await call(
                running.url,
                'GET',
                billingAccountsPath(SAMPLE_ACCOUNT_IDS.threeBillingAccounts)
            );
            expect(answer.status).toBe(503);
        } finally {
            await running.close();
        }
    });

    it('serves a given org, seeded with given data', async () => {
        const org = createEmulatedOrg({
            clock: new AdjustableClock('2026-11-20T10:00:00.000Z'),
            seed: {
                accounts: [{ id: '0015g00000ZzTsT', name: 'Tiny Test Co' }],
                billingAccounts: [
                    {
                        id: 'a0X5g00000ZzBa1',
                        name: 'Tiny EU',
                        accountId: '0015g00000ZzTsT',
                        zuoraId: null
                    }
                ]
            }
        });
        const running = await startEmulatedOrg({ org });
        try {
            expect(running.org).toBe(org);
            const answer = await call(running.url, 'GET', billingAccountsPath('0015g00000ZzTsT'));
            expect(answer.body.billingAccounts).toEqual([
                expect.objectContaining({ name: 'Tiny EU', syncable: false, zuoraId: null })
            ]);
            const hidden = answer.body.billingAccounts[0].id;
            org.data.setVisible(hidden, false);
            const sync = await call(running.url, 'POST', SYNC_PATH, { ids: [hidden] });
            expect(sync.body.results[0]).toMatchObject({
                id: hidden,
                status: 'FAILED',
                name: null
            });
        } finally {
            await running.close();
        }
    });

    it('refuses seed records without a name or with a bad id through the control endpoint', async () => {
        const running = await startEmulatedOrg();
        try {
            const noName = await call(
                running.url,
                'POST',
                '/__emulator/state',
                {
                    seed: { accounts: [{ id: '0015g00000ZzTsT' }] }
                },
                null
            );
            expect(noName.status).toBe(400);
            expect(noName.body[0].message).toContain('a name is required');
            const badId = await call(
                running.url,
                'POST',
                '/__emulator/state',
                {
                    seed: { products: [{ id: 'a0Y-bad', name: 'Broken', zuoraId: null }] }
                },
                null
            );
            expect(badId.status).toBe(400);
            expect(badId.body[0].message).toContain('not a valid Salesforce id');
        } finally {
            await running.close();
        }
    });
});

describe('createOrgRequestHandler', () => {
    it('answers the org paths inside another server and leaves the others to it', async () => {
        const handle = createOrgRequestHandler(createEmulatedOrg());
        const server = createServer((request, response) => {
            void handle(request, response).then((handled) => {
                if (!handled) {
                    response.writeHead(200, { 'Content-Type': 'text/html' });
                    response.end('<p>page</p>');
                }
            });
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        try {
            expect(await (await fetch(`${url}/?account=x`)).text()).toBe('<p>page</p>');
            const answer = await call(
                url,
                'GET',
                billingAccountsPath(SAMPLE_ACCOUNT_IDS.threeBillingAccounts)
            );
            expect(answer.body.billingAccounts).toHaveLength(3);
        } finally {
            await new Promise<void>((resolve) => server.close(() => resolve()));
        }
    });
});
