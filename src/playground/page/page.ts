/**
 * The HTML of the mock Account record page, laid out as Lightning Experience draws one: the
 * global header and the Sales app's bar (./global-header), the highlights panel with the
 * Account's name and fields (./highlights), the Related and Details tabs with the component's
 * region and the right column (./record-layout), and the toast region; above it all the
 * playground's sample switcher (./switcher). Everything the page needs to start is in the HTML,
 * so the component's own data request is the only one made for data.
 */
import { appBar, globalHeader } from './global-header';
import { highlights, type PageField } from './highlights';
import { escapeHtml, scriptJson } from './html';
import type { PageIcons } from './icons';
import { recordLayout, type PageContact } from './record-layout';
import { switcher, type SampleLink } from './switcher';

export { escapeHtml, scriptJson } from './html';
export type { PageField } from './highlights';
export type { PageContact } from './record-layout';
export type { SampleLink } from './switcher';

/** The stamped URLs a page loads (see the server's pageAssets). */
export interface PageAssets {
    readonly app: string;
    readonly css: string;
    /** Static resource URLs by name, for @salesforce/resourceUrl in app.js. */
    readonly resources: Readonly<Record<string, string>>;
}

/** What every page of the playground has: its style, icons and the signed-in user. */
export interface PageChrome {
    /** The page's own CSS (page.css). */
    readonly css: string;
    /** The SLDS style sheet's URL. */
    readonly stylesheet: string;
    readonly icons: PageIcons;
    /** The name of the user the emulated org runs as (the header's avatar). */
    readonly userName: string;
}

export interface PageModel {
    readonly chrome: PageChrome;
    /** The record id given to the component (may be an id the org does not know). */
    readonly accountId: string;
    /** Null when no Account with that id is visible. */
    readonly accountName: string | null;
    /** The highlights panel's fields. */
    readonly fields: readonly PageField[];
    /** The Details tab's fields. */
    readonly details: readonly PageField[];
    readonly contacts: readonly PageContact[];
    readonly samples: readonly SampleLink[];
    /** The script that switches the record page's tabs (record-tabs.js). */
    readonly tabsScript: string;
    readonly toastDurationMs: number;
    /** Lightning Data Service's view of the Account (lightning/uiRecordApi in the page). */
    readonly record: unknown;
    readonly origin: string;
    readonly assets: PageAssets;
    /** The user's Salesforce time zone and locale (@salesforce/i18n/timeZone, /locale). */
    readonly user: { readonly timeZone: string; readonly locale: string };
    /** The width of the region holding the card ('SMALL' for ?region=small), else undefined. */
    readonly regionWidth?: 'SMALL' | 'MEDIUM' | 'LARGE';
}

/** The start of every page: its head (`headExtra` last in it) and `top` before the chrome. */
function pageStart(title: string, chrome: PageChrome, headExtra = '', top = ''): string {
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${escapeHtml(chrome.stylesheet)}">
<style>${chrome.css}</style>
${headExtra}</head>
<body>
${top}${globalHeader(chrome.icons, chrome.userName)}${appBar(chrome.icons)}
`;
}

function aboutCard(model: PageModel): string {
    const command = `zuora-sync --instance-url ${model.origin} --access-token any --account ${model.accountId}`;
    return `
<article class="slds-card slds-card_boundary" data-id="about">
  <div class="slds-card__header"><h2 class="slds-card__header-title">About this playground</h2></div>
  <div class="slds-card__body slds-card__body_inner">
    <p>The Zuora On-Demand Sync card is the real <code>c-on-demand-sync</code> component, talking to
    an emulated org: no data leaves this machine.</p>
    <p class="slds-m-top_x-small">The command line works against the same org:</p>
    <p class="slds-m-top_xx-small"><code>${escapeHtml(command)}</code></p>
  </div>
</article>`;
}

/** The whole page. */
export function renderPage(model: PageModel): string {
    const data = {
        accountId: model.accountId,
        record: model.record,
        toastDurationMs: model.toastDurationMs,
        resources: model.assets.resources,
        user: model.user,
        regionWidth: model.regionWidth ?? null
    };
    const title = `${model.accountName ?? 'Account not found'} | Account | Zuora On-Demand Sync playground`;
    const scripts = `<script type="application/json" id="playground-data">${scriptJson(data)}</script>
<script src="${escapeHtml(model.assets.app)}" defer></script>
`;
    const layout = recordLayout({
        details: model.details,
        contacts: model.contacts,
        narrow: model.regionWidth === 'SMALL',
        sidebarExtra: aboutCard(model),
        icons: model.chrome.icons
    });
    return `${pageStart(title, model.chrome, scripts, switcher(model.samples, model.accountId))}
<main class="pg-main">
${highlights(model.accountName, model.fields, model.chrome.icons)}
${layout}
</main>
<div id="toast-region"></div>
<script id="record-tabs-script">${model.tabsScript}</script>
</body>
</html>
`;
}

export interface RecordPageModel {
    readonly chrome: PageChrome;
    readonly objectLabel: string;
    readonly name: string;
    readonly fields: readonly PageField[];
    readonly back: { readonly href: string; readonly label: string };
}

/** A plain record page for a record the playground does not emulate a page for. */
export function renderRecordPage(model: RecordPageModel): string {
    const fields = model.fields
        .map(
            (field) =>
                `<div class="slds-form-element slds-form-element_readonly slds-m-bottom_x-small">` +
                `<span class="slds-form-element__label">${escapeHtml(field.label)}</span>` +
                `<div class="slds-form-element__control"><div class="slds-form-element__static">` +
                `${escapeHtml(field.value)}</div></div></div>`
        )
        .join('');
    const title = `${model.name} | ${model.objectLabel} | Zuora On-Demand Sync playground`;
    return `${pageStart(title, model.chrome)}<main class="pg-main">
  <article class="slds-card">
    <div class="slds-card__header">
      <h1 class="slds-card__header-title"><span class="slds-text-title slds-m-right_x-small">${escapeHtml(model.objectLabel)}</span> ${escapeHtml(model.name)}</h1>
    </div>
    <div class="slds-card__body slds-card__body_inner">${fields}
      <p class="slds-m-top_small"><a href="${escapeHtml(model.back.href)}">${escapeHtml(model.back.label)}</a></p>
    </div>
  </article>
</main>
</body>
</html>
`;
}
