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
import {
    card,
    newPage,
    openAccount,
    screenshot,
    syncButton,
    table,
    toggleRow,
    type Problems
} from './support/page';

jest.setTimeout(90000);

const USER_TIME_ZONE = 'Pacific/Auckland';
const GLOBEX = SAMPLE_ACCOUNT_IDS.twelveBillingAccounts;
const INITECH = SAMPLE_ACCOUNT_IDS.coolingDown;

let playground: RunningPlayground;

beforeAll(async () => {
    ensurePlaygroundBuilt();
    playground = await startPlayground({ port: 0, timeZone: USER_TIME_ZONE, locale: 'en-US' });
}, 180000);

beforeEach(() => {
    playground.reset();
});

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
        const name = (await cells.locator('th [data-id="name-link"]').innerText()).trim();
        texts[name] = (await cells.locator('td[data-label="Last updated"]').innerText()).trim();
    }
    return texts;
}

/** The "Sync again at ..." notes of the table's rows. */
async function syncNotes(page: Page): Promise<string[]> {
    return table(page).locator('[data-id="sync-note"]').allInnerTexts();
}

function inUserZone(value: string | number, options: Intl.DateTimeFormatOptions): string {
    return new Intl.DateTimeFormat('en-US', { ...options, timeZone: USER_TIME_ZONE }).format(
        new Date(value)
    );
}

describe('one clock', () => {
    it('shows every time in the user time zone, in two browser time zones alike', async () => {
        const seen: { lastUpdated: Record<string, string>; notes: string[] }[] = [];
        for (const timezoneId of ['America/New_York', 'Asia/Kolkata']) {
            seen.push(
                await withBrowser({ width: 1440, timezoneId }, async (page) => {
                    await openAccount(page, playground.url, GLOBEX);
                    const lastUpdated = await lastUpdatedTexts(page);
                    await openAccount(page, playground.url, INITECH);
                    return { lastUpdated, notes: await syncNotes(page) };
                })
            );
        }
        expect(seen[1]).toEqual(seen[0]);
        // "Last updated": the datatable's date cell, in the user's zone.
        const expected: Record<string, string> = {};
        for (const billing of playground.org.data.billingAccountsOf(GLOBEX)) {
            expected[billing.name] = inUserZone(billing.lastModified as string, {
                year: 'numeric',
                month: 'numeric',
                day: 'numeric',
                hour: 'numeric',
                minute: '2-digit'
            });
        }
        expect(seen[0].lastUpdated).toEqual(expected);
        // The cooldown sentence's clock: the same zone.
        const context = await playground.org.controller.getSyncContext(INITECH);
        const cooling = context.billingAccounts.filter((billing) => billing.cooldownUntil);
        expect(cooling.length).toBeGreaterThan(0);
        expect(seen[0].notes).toHaveLength(cooling.length);
        cooling.forEach((billing, index) => {
            // The time, with the weekday when the cooldown ends on the user's next day.
            expect(seen[0].notes[index]).toMatch(/^Sync again at /);
            expect(seen[0].notes[index]).toContain(
                inUserZone(billing.cooldownUntil as string, { hour: 'numeric', minute: '2-digit' })
            );
        });
    });
});

/** Texts the table cuts with an ellipsis: header labels and the cells of fixed-width columns. */
async function cutTexts(page: Page): Promise<string[]> {
    const cut = await table(page)
        .locator('thead .slds-truncate, tbody td .slds-truncate')
        .evaluateAll((elements) =>
            elements
                // The sync state cell's wrapper is measured through its own lines, inside it.
                .filter((element) => !element.querySelector('lightning-primitive-custom-cell'))
                .filter((element) => {
                    if (element.scrollWidth > element.clientWidth) return true;
                    // The text's own width, to the sub-pixel: an ellipsis shows for a fraction too.
                    const range = element.ownerDocument.createRange();
                    range.selectNodeContents(element);
                    return (
                        range.getBoundingClientRect().width > element.getBoundingClientRect().width
                    );
                })
                .map(
                    (element) =>
                        (element.textContent ?? '').trim() || element.outerHTML.slice(0, 80)
                )
        );
    return cut;
}

/** A row of two lines of SLDS body text (1.25rem line height) with the cell padding. */
const TWO_LINES_PX = 2 * 20 + 16;

describe('the table fits the main column of a record page', () => {
    it.each([1440, 1280])(
        'cuts no header and no time at %i px, and keeps every row to two lines',
        async (width) => {
            await withBrowser({ width }, async (page) => {
                const rowHeights = (): Promise<number[]> =>
                    table(page)
                        .locator('tbody tr')
                        .evaluateAll((rows) =>
                            rows.map((row) => row.getBoundingClientRect().height)
                        );
                // Long names (Contoso Holdings Amsterdam 00001) keep to one line, whole in the tooltip.
                await openAccount(page, playground.url, SAMPLE_ACCOUNT_IDS.manyBillingAccounts);
                const longNames = await rowHeights();
                expect(longNames.length).toBeGreaterThan(12);
                for (const height of longNames) expect(height).toBeLessThanOrEqual(TWO_LINES_PX);
                // Large balances in several currencies, and long names, cut no amount or time.
                expect(await cutTexts(page)).toEqual([]);
                await expect(
                    table(page)
                        .locator('tbody th [data-id="name-link"]')
                        .first()
                        .getAttribute('title')
                ).resolves.toMatch(/^Contoso Holdings \w+ \d{5}$/);

                await openAccount(page, playground.url, GLOBEX);
                // A sync, so that rows carry their longest texts (state, note, explanation).
                await toggleRow(page, 1);
                await syncButton(page, 'Sync selected').click();
                await card(page).locator('[data-id="result-summary"]').waitFor();
                await screenshot(page, `table-${width}`);
                expect(await cutTexts(page)).toEqual([]);
                const heights = await rowHeights();
                expect(heights.length).toBe(12);
                for (const height of heights) expect(height).toBeLessThanOrEqual(TWO_LINES_PX);
                // The explanation stays in the row for screen readers, and as its tooltip.
                const requested = table(page).locator('tbody tr').first();
                await expect(
                    requested.locator('[data-id="sync-detail"]').innerText()
                ).resolves.toContain('Zuora accepted the request');
            });
        }
    );

    it('shows balances right-aligned in their currency', async () => {
        await withBrowser({ width: 1440 }, async (page) => {
            await openAccount(page, playground.url, GLOBEX);
            const cell = table(page)
                .locator('tbody tr')
                .first()
                .locator('td[data-label="Balance"]');
            await expect(cell.innerText()).resolves.toMatch(/^[A-Z]{3}\s?[\d,]+\.\d{2}$/);
            const align = await cell
                .locator('.slds-truncate, lightning-formatted-number')
                .first()
                .evaluate((element) => {
                    const box = element.closest('td')!.getBoundingClientRect();
                    const text = element.getBoundingClientRect();
                    return { gapRight: box.right - text.right, gapLeft: text.left - box.left };
                });
            expect(align.gapRight).toBeLessThan(align.gapLeft);
        });
    });
});

describe('a narrow region', () => {
    it('shows a compact list for ?region=small instead of the table', async () => {
        await withBrowser({ width: 1440 }, async (page) => {
            await page.goto(`${playground.url}/?account=${GLOBEX}&region=small`);
            const list = card(page).locator('c-on-demand-sync-list');
            await list.locator('[data-id="list-item"]').first().waitFor();
            await screenshot(page, 'region-small');
            await expect(card(page).getByRole('grid').count()).resolves.toBe(0);
            await expect(list.locator('[data-id="list-item"]').count()).resolves.toBe(12);
            // The list takes its own height: the last billing account is on the page, not hidden
            // in a scroll area.
            await expect(list.locator('[data-id="list-item"]').last().isVisible()).resolves.toBe(
                true
            );
            const [listBox, cardBox] = await Promise.all([
                list.boundingBox(),
                card(page).locator('lightning-card').boundingBox()
            ]);
            expect(listBox!.y + listBox!.height).toBeLessThanOrEqual(cardBox!.y + cardBox!.height);
            const clipped = await list
                .locator('[data-id="list-item"]')
                .last()
                .evaluate((item) => {
                    const area = item.closest('c-on-demand-sync-list')!.parentElement!;
                    return area.scrollHeight > area.clientHeight + 1;
                });
            expect(clipped).toBe(false);
            // Selecting from the list enables the button, as in the table.
            await list
                .getByRole('checkbox', { name: 'Select Globex Berlin' })
                .locator('xpath=following-sibling::label/span[1]')
                .click();
            await expect(syncButton(page, 'Sync selected').isEnabled()).resolves.toBe(true);
        });
    });
});
