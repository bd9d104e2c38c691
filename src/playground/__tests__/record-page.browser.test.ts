/**
 * The mock Account record page around the card, in a real browser: Lightning's chrome (global
 * header, the Sales app's bar), the highlights panel with the sample's own values, the Related
 * and Details tabs, the card in the main column or, for a narrow region, in the right column,
 * and a sample switcher whose lines read without nested parentheses.
 */
import type { Locator, Page } from 'playwright-core';
import { SAMPLE_ACCOUNT_IDS, SAMPLE_ACCOUNTS } from '../../org-emulator';
import { sampleProfile } from '../../org-emulator/data/sample-profiles';
import { launchChromium, type LaunchedChromium } from '../chromium';
import { startPlayground, type RunningPlayground } from '../server';
import { ensurePlaygroundBuilt } from './support/build';
import { card, newPage, openAccount, screenshot, type Problems } from './support/page';

jest.setTimeout(60000);

const ACME = SAMPLE_ACCOUNT_IDS.threeBillingAccounts;
const GLOBEX = SAMPLE_ACCOUNT_IDS.twelveBillingAccounts;

let playground: RunningPlayground;
let chromium: LaunchedChromium;
let page: Page;
let problems: Problems;

beforeAll(async () => {
    ensurePlaygroundBuilt();
    playground = await startPlayground({ port: 0 });
    chromium = await launchChromium();
}, 180000);

afterAll(async () => {
    await chromium?.close();
    await playground?.close();
});

beforeEach(async () => {
    ({ page, problems } = await newPage(chromium.context));
});

afterEach(async () => {
    await page.close();
    expect(problems.list).toEqual([]);
});

/** The highlights panel's fields as { label: value }. */
async function highlightFields(): Promise<Record<string, string>> {
    const blocks = page.locator('[data-id="highlights"] .slds-page-header__detail-block');
    const fields: Record<string, string> = {};
    for (const block of await blocks.all()) {
        const [label, value] = (await block.locator(':scope > div').allInnerTexts()).map((text) =>
            text.trim()
        );
        fields[label] = value;
    }
    return fields;
}

/** The element's box, or an error naming it. */
async function box(locator: Locator, what: string) {
    const found = await locator.boundingBox();
    if (!found) throw new Error(`${what} is not drawn`);
    return found;
}

function tab(name: string): Locator {
    return page.getByRole('tab', { name, exact: true });
}

describe('the Lightning chrome', () => {
    test('has a global header with search and actions, and the Sales app bar with Accounts active', async () => {
        await openAccount(page, playground.url, ACME);
        const header = page.locator('[data-id="global-header"]');
        await expect(header.getByRole('searchbox', { name: 'Search' }).count()).resolves.toBe(1);
        for (const action of ['Favorites', 'Setup', 'Notifications']) {
            await expect(header.getByRole('button', { name: action }).count()).resolves.toBe(1);
        }
        const bar = page.locator('[data-id="app-bar"]');
        await expect(bar.locator('.slds-context-bar__app-name').innerText()).resolves.toBe('Sales');
        const tabs = bar.getByRole('navigation', { name: 'Sales' }).locator('li');
        expect((await tabs.allInnerTexts()).map((text) => text.trim())).toEqual(
            expect.arrayContaining(['Home', 'Accounts', 'Contacts', 'Opportunities'])
        );
        await expect(bar.locator('[aria-current="page"]').innerText()).resolves.toBe('Accounts');
        // The header sits above the highlights panel, which sits above the tabs.
        const headerBox = await box(header, 'the global header');
        const highlightsBox = await box(page.locator('[data-id="highlights"]'), 'the highlights');
        const tabsBox = await box(page.locator('[data-id="record-tabs"]'), 'the tabs');
        expect(headerBox.y + headerBox.height).toBeLessThanOrEqual(highlightsBox.y);
        expect(highlightsBox.y + highlightsBox.height).toBeLessThanOrEqual(tabsBox.y);
    });
});

describe('the highlights panel', () => {
    test.each([ACME, GLOBEX, SAMPLE_ACCOUNT_IDS.manyBillingAccounts])(
        'shows the Account %s with its own values',
        async (accountId) => {
            const profile = sampleProfile(accountId);
            const account = playground.org.data.account(accountId);
            if (!profile || !account) throw new Error(`No sample ${accountId}`);
            await openAccount(page, playground.url, accountId);
            await expect(page.locator('[data-id="account-name"]').innerText()).resolves.toBe(
                account.name
            );
            expect(await highlightFields()).toEqual({
                Type: profile.type,
                Phone: profile.phone,
                Website: profile.website,
                Industry: profile.industry,
                'Account Owner': profile.owner
            });
            const actions = page.getByRole('list', { name: 'Actions' });
            for (const action of ['Edit', 'New Contact']) {
                await expect(actions.getByRole('button', { name: action }).count()).resolves.toBe(
                    1
                );
            }
        }
    );

    test('two samples differ in every highlighted field', async () => {
        await openAccount(page, playground.url, ACME);
        const acme = await highlightFields();
        await openAccount(page, playground.url, GLOBEX);
        const globex = await highlightFields();
        for (const label of Object.keys(acme)) expect(globex[label]).not.toBe(acme[label]);
    });
});

describe('the tabs', () => {
    test('Related is active with the card; Details shows the fields; the switch keeps the card', async () => {
        await openAccount(page, playground.url, ACME);
        const related = page.locator('#tab-related');
        const details = page.locator('#tab-details');
        await expect(tab('Related').getAttribute('aria-selected')).resolves.toBe('true');
        await expect(related.locator('c-on-demand-sync').isVisible()).resolves.toBe(true);
        await expect(details.isVisible()).resolves.toBe(false);
        await expect(related.getByText('Contacts (3)').isVisible()).resolves.toBe(true);

        await tab('Details').click();
        await expect(tab('Details').getAttribute('aria-selected')).resolves.toBe('true');
        await expect(tab('Related').getAttribute('aria-selected')).resolves.toBe('false');
        await expect(details.isVisible()).resolves.toBe(true);
        await expect(card(page).isVisible()).resolves.toBe(false);
        const text = await details.innerText();
        for (const value of ['Acme Corporation', 'Manufacturing', 'San Francisco', '5,400']) {
            expect(text).toContain(value);
        }
        await screenshot(page, 'record-page-details');

        await tab('Details').press('ArrowLeft');
        await expect(tab('Related').getAttribute('aria-selected')).resolves.toBe('true');
        await expect(card(page).isVisible()).resolves.toBe(true);
        await expect(details.isVisible()).resolves.toBe(false);
    });
});

describe('the columns', () => {
    test('the card fills the main column (two thirds) by default, with Activity on the right', async () => {
        await openAccount(page, playground.url, ACME);
        const main = await box(page.locator('[data-region="main"]'), 'the main column');
        const sidebar = await box(page.locator('[data-region="sidebar"]'), 'the right column');
        const cardBox = await box(card(page), 'the card');
        expect(main.width / (main.width + sidebar.width)).toBeCloseTo(2 / 3, 1);
        expect(cardBox.x).toBeGreaterThanOrEqual(main.x);
        expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(main.x + main.width);
        await expect(page.locator('[data-region="main"] c-on-demand-sync').count()).resolves.toBe(
            1
        );
        await expect(
            page.locator('[data-region="sidebar"] [data-id="activity"]').isVisible()
        ).resolves.toBe(true);
    });

    test('with ?region=small the card sits in the narrow right column', async () => {
        await page.goto(`${playground.url}/?account=${ACME}&region=small`);
        await page.locator('c-on-demand-sync [data-id="loading"]').waitFor({ state: 'detached' });
        await expect(
            page.locator('[data-region="sidebar"] c-on-demand-sync').count()
        ).resolves.toBe(1);
        await expect(page.locator('[data-region="main"] c-on-demand-sync').count()).resolves.toBe(
            0
        );
        const sidebar = await box(page.locator('[data-region="sidebar"]'), 'the right column');
        const cardBox = await box(card(page), 'the card');
        expect(cardBox.x).toBeGreaterThanOrEqual(sidebar.x);
        expect(cardBox.width).toBeLessThan(1440 / 2);
        await screenshot(page, 'record-page-narrow');
    });
});

describe('the sample switcher', () => {
    test('lists each sample as its name and its situation, without nested parentheses', async () => {
        await openAccount(page, playground.url, ACME);
        const items = page.getByRole('navigation', { name: 'Sample Accounts' }).locator('li');
        expect(await items.count()).toBe(SAMPLE_ACCOUNTS.length);
        for (const [index, sample] of SAMPLE_ACCOUNTS.entries()) {
            const item = items.nth(index);
            await expect(item.getByRole('link').innerText()).resolves.toBe(sample.name);
            const text = (await item.innerText()).replace(/\s+/g, ' ').trim();
            expect(text).toBe(`${sample.name} ${sample.situation}`);
            // No parenthesis opens inside another.
            let depth = 0;
            for (const character of text) {
                if (character === '(') depth += 1;
                if (character === ')') depth -= 1;
                expect(depth).toBeLessThanOrEqual(1);
            }
        }
        const acme = items.filter({ hasText: 'Acme Corporation' });
        const [link, situation] = await Promise.all([
            box(acme.getByRole('link'), 'the link'),
            box(acme.locator('.pg-sample__situation'), 'the situation')
        ]);
        expect(situation.y).toBeGreaterThanOrEqual(link.y + link.height - 1);
    });
});
