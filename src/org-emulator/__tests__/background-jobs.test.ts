/** Background jobs in the emulated org: executions, limits, failures, aborts, the REST routes. */
import { AdjustableClock } from '../clock';
import { generateBillingAccounts, sampleSeed, SAMPLE_ACCOUNT_IDS } from '../data/seed';
import { startEmulatedOrg } from '../http/server';
import { createEmulatedOrg, type EmulatedOrg, type EmulatedOrgOptions } from '../org';
import { call } from './http-client';

const NOW = '2026-12-03T10:00:00.000Z';
const JOBS_PATH = '/services/apexrest/zuora/ondemandsync/v1/jobs';

function orgWith(count: number, options: EmulatedOrgOptions = {}) {
    const generated = generateBillingAccounts(count, { withoutZuoraIdShare: 0 });
    const seed = sampleSeed(new Date(NOW));
    const org = createEmulatedOrg({
        clock: new AdjustableClock(NOW),
        ...options,
        seed: {
            ...seed,
            accounts: [...(seed.accounts ?? []), generated.account],
            billingAccounts: [...(seed.billingAccounts ?? []), ...generated.billingAccounts]
        }
    });
    return {
        org,
        accountId: generated.account.id,
        ids: generated.billingAccounts.map((b) => b.id)
    };
}

function jobRows(org: EmulatedOrg, jobId: string) {
    return org.auditRows().filter((row) => row.syncJobId === jobId);
}

/** Counts the sessions sent to the simulated Zuora and their sizes. */
function countSessions(org: EmulatedOrg): number[] {
    const sizes: number[] = [];
    org.registerGateway('CountingGateway', {
        send: (session, context) => {
            sizes.push(session.items.length);
            return org.zuora.send(session, context);
        }
    });
    org.updateSettings({ gatewayClass: 'CountingGateway' });
    return sizes;
}

describe('background jobs', () => {
    it('sync 200 billing accounts of an Account in 3 chained executions of at most 90 ids', async () => {
        const { org, accountId } = orgWith(200);
        const sizes = countSessions(org);
        const started = org.jobs.startForAccount(accountId);
        expect(started).toMatchObject({ status: 'QUEUED', total: 200, pending: 200 });
        expect(jobRows(org, started.jobId).filter((row) => row.status === 'CLAIMED')).toHaveLength(
            90
        );

        expect(await org.jobs.runNext()).toBe(true);
        const midway = org.jobs.get(started.jobId);
        expect(midway).toMatchObject({ status: 'RUNNING', requested: 90, pending: 110 });
        expect(midway.requested + midway.skipped + midway.failed + midway.pending).toBe(200);

        expect(await org.jobs.runAll()).toBe(2);
        const done = org.jobs.get(started.jobId);
        expect(done).toMatchObject({ status: 'COMPLETED', requested: 200, pending: 0 });
        expect(done.finishedAt).not.toBeNull();
        expect(org.jobs.executions()).toBe(3);
        // one audit row per id, each with its final status
        const rows = jobRows(org, started.jobId);
        expect(rows).toHaveLength(200);
        expect(new Set(rows.map((row) => row.recordId)).size).toBe(200);
        expect(rows.every((row) => row.status === 'REQUESTED')).toBe(true);
        expect(sizes).toHaveLength(20);
        expect(Math.max(...sizes)).toBeLessThanOrEqual(10);
        expect(org.jobs.notifications()).toEqual([
            expect.objectContaining({ targetId: accountId, body: expect.stringContaining('200') })
        ]);
    });

    it('one job per Account: a second start answers the running job', () => {
        const { org, accountId } = orgWith(40);
        const first = org.jobs.startForAccount(accountId);
        const second = org.jobs.startForAccount(accountId);
        expect(second.jobId).toBe(first.jobId);
        expect(org.auditRows().filter((row) => row.syncJobId !== undefined)).toHaveLength(40);
    });

    it('skips rows in cooldown, fails hidden and missing records at once', async () => {
        const { org, ids } = orgWith(12);
        await org.service.requestSync({ ids: ids.slice(0, 2) });
        org.data.setVisible(ids[2], false);
        const job = org.jobs.start({ ids });
        await org.jobs.runAll();
        const done = org.jobs.get(job.jobId);
        expect(done).toMatchObject({
            status: 'COMPLETED',
            total: 12,
            requested: 9,
            skipped: 2,
            failed: 1,
            pending: 0
        });
    });

    it('a failed execution fails its own rows and the job goes on', async () => {
        const { org, accountId } = orgWith(100);
        const job = org.jobs.startForAccount(accountId);
        org.jobs.failExecution(org.jobs.executions() + 1);
        await org.jobs.runAll();
        const done = org.jobs.get(job.jobId);
        expect(done).toMatchObject({ status: 'COMPLETED', failed: 90, requested: 10, pending: 0 });
        const failed = jobRows(org, job.jobId).filter((row) => row.status === 'FAILED');
        expect(failed[0].message).toContain('Zuora may have received the request');
    });

    it('stops ABORTED when the org reaches the budget, the unsent rows SKIPPED', async () => {
        const { org, accountId } = orgWith(200, { apiRequestsUsed: 13400, jobBudgetPercent: 90 });
        const job = org.jobs.startForAccount(accountId);
        await org.jobs.runNext(); // 90 sent; Zuora's writes spend API requests
        org.limits.set('DailyApiRequests', 13600);
        await org.jobs.runAll();
        const done = org.jobs.get(job.jobId);
        expect(done.status).toBe('ABORTED');
        expect(done).toMatchObject({ requested: 90, skipped: 110, pending: 0 });
        expect(done.stopReason).toContain('DailyApiRequests');
    });

    it('an execution aborted in Setup ends the job ABORTED when it is next read', async () => {
        const { org, accountId } = orgWith(200);
        const job = org.jobs.startForAccount(accountId);
        await org.jobs.runNext();
        org.jobs.abortInSetup(job.jobId);
        expect(await org.jobs.runAll()).toBe(0);
        expect(org.jobs.get(job.jobId)).toMatchObject({
            status: 'ABORTED',
            requested: 90,
            skipped: 110,
            pending: 0
        });
    });

    it('a revoked permission ends the job FAILED before anything more is sent', async () => {
        const { org, accountId } = orgWith(100);
        const job = org.jobs.startForAccount(accountId);
        org.setPermission(false);
        await org.jobs.runAll();
        expect(org.jobs.get(job.jobId)).toMatchObject({ status: 'FAILED', failed: 100 });
        expect(org.zuora.jobs()).toHaveLength(0);
    });

    it('refuses as a whole what a sync refuses, and more than 2,000 distinct ids', () => {
        const { org, ids } = orgWith(2001);
        expect(() => org.jobs.start({ ids })).toThrow(
            expect.objectContaining({ errorCode: 'TOO_MANY_IDS' })
        );
        expect(() => org.jobs.start({ ids: ['001-not-an-id'] })).toThrow(
            expect.objectContaining({ errorCode: 'INVALID_ID' })
        );
        expect(() => org.jobs.startForAccount(SAMPLE_ACCOUNT_IDS.noBillingAccounts)).toThrow(
            expect.objectContaining({ errorCode: 'EMPTY_REQUEST' })
        );
        const many = Array.from({ length: 2001 }, (_unused, index) => ids[index % 10]);
        expect(() => org.jobs.start({ ids: many })).not.toThrow(); // 10 distinct
        org.setPermission(false);
        expect(() => org.jobs.start({ ids: ids.slice(0, 5) })).toThrow(
            expect.objectContaining({ errorCode: 'INSUFFICIENT_ACCESS' })
        );
        expect(org.jobs.queued()).toBe(1);
    });

    it('REST: POST 202 and GET 200 with exactly the contract keys; 404 for an unknown job', async () => {
        const { accountId } = orgWith(0);
        const generated = generateBillingAccounts(40);
        const seed = sampleSeed(new Date(NOW));
        const running = await startEmulatedOrg({
            port: 0,
            clock: new AdjustableClock(NOW),
            seed: {
                ...seed,
                accounts: [...(seed.accounts ?? []), generated.account],
                billingAccounts: [...(seed.billingAccounts ?? []), ...generated.billingAccounts]
            }
        });
        try {
            const posted = await call(running.url, 'POST', JOBS_PATH, { accountId });
            expect(posted.status).toBe(202);
            expect(posted.body).toEqual({ jobId: expect.any(String), status: 'QUEUED', total: 40 });
            await running.org.jobs.runAll();
            const read = await call(running.url, 'GET', `${JOBS_PATH}/${posted.body.jobId}`);
            expect(read.status).toBe(200);
            expect(Object.keys(read.body).sort()).toEqual(
                [
                    'failed',
                    'finishedAt',
                    'jobId',
                    'pending',
                    'requested',
                    'skipped',
                    'startedAt',
                    'status',
                    'total'
                ].sort()
            );
            expect(read.body).toMatchObject({ status: 'COMPLETED', requested: 40, pending: 0 });
            const unknown = await call(running.url, 'GET', `${JOBS_PATH}/a1J000000000000AAA`);
            expect(unknown.status).toBe(404);
            expect(unknown.body[0].errorCode).toBe('NOT_FOUND');
            const both = await call(running.url, 'POST', JOBS_PATH, {
                accountId,
                ids: [generated.billingAccounts[0].id]
            });
            expect(both.status).toBe(400);
            expect(both.body[0].errorCode).toBe('INVALID_ID');
        } finally {
            await running.close();
        }
    });
});
