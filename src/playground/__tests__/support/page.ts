/**
 * What the browser tests do on the page, in the words of the page: open an Account, pick rows
 * the way a user does (the datatable's checkbox), press Sync, read rows, toasts and notices.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, ConsoleMessage, Locator, Page } from 'playwright-core';
import { PROJECT_ROOT } from './build';

export const SCREENSHOTS = join(PROJECT_ROOT, 'test-results', 'screenshots');

export interface Problems {
    /** Console errors, uncaught exceptions and failed requests, as text. */
    readonly list: string[];
}

/** Collects everything that would show as an error in the browser's console. */
export function watchProblems(page: Page): Problems {
    const list: string[] = [];
    page.on('console', (message: ConsoleMessage) => {
        if (message.type() === 'error' || message.type() === 'warning') {
            list.push(`console.${message.type()}: ${message.text()} (${message.location().url})`);
        }
    });
    page.on('pageerror', (error) =>
        list.push(`uncaught ${error.name || 'rejection'}: ${error.message}`)
    );
    page.on('requestfailed', (request) =>
        list.push(
            `request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`
        )
    );
    return { list };
}

export async function newPage(
    context: BrowserContext
): Promise<{ page: Page; problems: Problems }> {
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    return { page, problems: watchProblems(page) };
}

/**
 * Makes the page ask the server for every file, as a browser that has none of them cached does:
 * for tests of a slow or failing static resource, which a warm cache would never fetch again.
 */
export async function withoutCache(page: Page): Promise<void> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
}

/** Opens the record page of an Account and waits until the card has left its loading state. */
export async function openAccount(page: Page, baseUrl: string, accountId: string): Promise<void> {
    await page.goto(`${baseUrl}/?account=${accountId}`);
    await card(page).waitFor();
    await page.locator('c-on-demand-sync [data-id="loading"]').waitFor({ state: 'detached' });
}

export function card(page: Page): Locator {
    return page.locator('c-on-demand-sync');
}

export function table(page: Page): Locator {
    return page.getByRole('grid');
}

/** A data row of the billing account table, by the billing account's name. */
export function row(page: Page, name: string): Locator {
    return table(page).getByRole('row').filter({ hasText: name });
}

/** The checkbox of the `index`-th row (1-based), named "Select Item <index>" by the datatable. */
export function rowCheckbox(page: Page, index: number): Locator {
    return table(page).getByRole('checkbox', { name: new RegExp(`^Select Item ${index}(?!\\d)`) });
}

/** Ticks or unticks a row as a user does: a click on the datatable's drawn checkbox. */
export async function toggleRow(page: Page, index: number): Promise<void> {
    await rowCheckbox(page, index).locator('xpath=following-sibling::label/span[1]').click();
}

export function syncButton(page: Page, label: string): Locator {
    return card(page).getByRole('button', { name: label, exact: true });
}

export function toasts(page: Page): Locator {
    return page.locator('#toast-region .slds-notify_toast');
}

/** Resolves once `check` returns true, polling every 50 ms. */
export async function until(
    check: () => Promise<boolean>,
    what: string,
    timeoutMs = 10000
): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

export async function screenshot(page: Page, name: string): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path, fullPage: true, animations: 'disabled' });
    return path;
}

/**
 * The innermost focused element, through shadow roots: "TAG role-or-type name", and for a
 * table cell its row and column keys.
 */
export function focused(page: Page): Promise<string> {
    return page.evaluate(`(() => {
        let element = document.activeElement;
        while (element && element.shadowRoot && element.shadowRoot.activeElement) {
            element = element.shadowRoot.activeElement;
        }
        if (!element) return '';
        const name = (element.getAttribute('aria-label') || element.textContent || '').trim();
        const kind = element.getAttribute('role') || element.getAttribute('type') || '';
        const rowOf = element.closest('tr');
        const cellOf = element.closest('td, th');
        const place = [
            rowOf ? rowOf.getAttribute('data-row-key-value') : '',
            cellOf ? cellOf.getAttribute('data-col-key-value') : ''
        ].join(' ').trim();
        return [element.tagName, kind, name.slice(0, 60), place].join(' ');
    })()`);
}
