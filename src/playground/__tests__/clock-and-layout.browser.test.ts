/**
 * The card as a user meets it on a record page, in a real browser: every time is in the user's
 * Salesforce time zone whatever the browser's own zone, and a narrow region (?region=small) gets
 * the compact columns.
 */
import type { Page } from 'playwright-core';
import { SAMPLE_ACCOUNT_IDS } from '../../org-emulator';
import { launchChromium, type LaunchedChromium } from '../chromium';
import { startPlayground, type RunningPlayground } from '../server';
import { ensurePlaygroundBuilt } from './support/build';
import { newPage, openAccount, screenshot, table, type Problems } from './support/page';

jest.setTimeout(90000);

const USER_TIME_ZONE = 'Pacific/Auckland';
const GLOBEX = SAMPLE_ACCOUNT_IDS.twelveBillingAccounts;

let playground: RunningPlayground;

beforeAll(async () => {
    ensurePlaygroundBuilt();
    playground = await startPlayground({ port: 0, timeZone: USER_TIME_ZONE, locale: 'en-US' });
}, 180000);

afterAll(async () => {
    await playground?.close();
});

async function withBrowser<T>(
    options: { width: number; timezoneId?: string },
    use: (page: Page, problems: Problems) => Promise<T>
): Promise<T> {
    const chromium: LaunchedChromium = await launchChromium(
        { width: options.width, height: 900 },
        options.timezoneId
    );
    try {
        const { page, problems } = await newPage(chromium.context);
        const result = await use(page, problems);
        expect(problems.list).toEqual([]);
        return result;
    } finally {
        await chromium.close();
    }
}

/** The "Last updated" texts of the table, by billing account name. */
async function lastUpdatedTexts(page: Page): Promise<Record<string, string>> {
    const rows = table(page).locator('tbody tr');
    const texts: Record<string, string> = {};
    for (let index = 0; index < (await rows.count()); index++) {
        const cells = rows.nth(index);
        const name = (await cells.locator('th').innerText()).trim();
        texts[name] = (await cells.locator('td[data-label="Last updated"]').innerText()).trim();
    }
    return texts;
}

describe('one clock', () => {
    it('shows every time in the user time zone, in two browser time zones alike', async () => {
        const seen: Record<string, string>[] = [];
        for (const timezoneId of ['America/New_York', 'Asia/Kolkata']) {
            seen.push(
                await withBrowser({ width: 1440, timezoneId }, async (page) => {
                    await openAccount(page, playground.url, GLOBEX);
                    return lastUpdatedTexts(page);
                })
            );
        }
        expect(Object.keys(seen[0]).length).toBeGreaterThan(0);
        expect(seen[1]).toEqual(seen[0]);
        const expected = playground.org.data
            .billingAccountsOf(GLOBEX)
            .filter((billing) => billing.lastModified)
            .map((billing) =>
                new Intl.DateTimeFormat('en-US', {
                    hour: '2-digit',
                    minute: '2-digit',
                    timeZone: USER_TIME_ZONE
                }).format(new Date(billing.lastModified as string))
            );
        const shown = Object.values(seen[0]).join(' | ');
        for (const time of expected) expect(shown).toContain(time);
    });
});

describe('a narrow region', () => {
    it('shows the compact columns for ?region=small', async () => {
        const headers = await withBrowser({ width: 1440 }, async (page) => {
            await page.goto(`${playground.url}/?account=${GLOBEX}&region=small`);
            await page
                .locator('c-on-demand-sync [data-id="loading"]')
                .waitFor({ state: 'detached' });
            await screenshot(page, 'region-small');
            return table(page).getByRole('columnheader').allInnerTexts();
        });
        expect(headers.map((text) => text.trim()).filter(Boolean).length).toBeLessThanOrEqual(4);
    });
});
