/**
 * The HTML of the mock Account record page: a Lightning-style header with the Account's name and
 * a few fields, a switcher between the sample Accounts, and the regions where the component and
 * the toasts go (filled by the page's script, app.js). Everything the page needs to start is in
 * the HTML, so the component's own data request is the only one made for data.
 */

export interface SampleLink {
    readonly id: string;
    readonly name: string;
    readonly situation: string;
}

export interface PageField {
    readonly label: string;
    readonly value: string;
}

/** The stamped URLs a page loads (see the server's pageAssets). */
export interface PageAssets {
    readonly app: string;
    readonly css: string;
    /** Static resource URLs by name, for @salesforce/resourceUrl in app.js. */
    readonly resources: Readonly<Record<string, string>>;
}

export interface PageModel {
    /** The record id given to the component (may be an id the org does not know). */
    readonly accountId: string;
    /** Null when no Account with that id is visible. */
    readonly accountName: string | null;
    readonly fields: readonly PageField[];
    readonly samples: readonly SampleLink[];
    /** Inline SVG of the Account icon. */
    readonly accountIcon: string;
    readonly css: string;
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

const ENTITIES: Readonly<Record<string, string>> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;'
};

export function escapeHtml(value: unknown): string {
    return String(value).replace(/[&<>"']/g, (character) => ENTITIES[character]);
}

/** JSON that is safe inside a <script type="application/json"> element. */
export function scriptJson(value: unknown): string {
    return JSON.stringify(value)
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/&/g, '\\u0026')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029');
}

/**
 * The start of every page: its head (`stylesheet` the SLDS style sheet's URL, `headExtra` last in
 * it) and the global header.
 */
function pageStart(title: string, css: string, stylesheet: string, headExtra = ''): string {
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${escapeHtml(stylesheet)}">
<style>${css}</style>
${headExtra}</head>
<body>
<header class="pg-global-header slds-grid slds-grid_vertical-align-center">
  <span class="pg-brand">Sales</span>
  <span class="slds-badge pg-badge">Playground: emulated org with sample data</span>
</header>
`;
}

function switcher(model: PageModel): string {
    const links = model.samples
        .map((sample) => {
            const current = sample.id === model.accountId ? ' aria-current="page"' : '';
            return (
                `<li><a href="/?account=${encodeURIComponent(sample.id)}"${current}` +
                ` title="${escapeHtml(sample.situation)}">${escapeHtml(sample.name)}</a>` +
                ` <span class="slds-text-color_weak">(${escapeHtml(sample.situation)})</span></li>`
            );
        })
        .join('');
    return (
        `<nav class="pg-samples" aria-label="Sample Accounts">` +
        `<span class="slds-text-title_caps slds-m-right_small">Sample Accounts</span>` +
        `<ul>${links}</ul></nav>`
    );
}

function header(model: PageModel): string {
    const name = model.accountName ?? 'Account not found';
    const fields = model.fields
        .map(
            (field) =>
                `<li class="slds-page-header__detail-block">` +
                `<div class="slds-text-title slds-truncate">${escapeHtml(field.label)}</div>` +
                `<div class="slds-truncate">${escapeHtml(field.value)}</div></li>`
        )
        .join('');
    return `
<div class="slds-page-header slds-page-header_record-home">
  <div class="slds-page-header__row">
    <div class="slds-page-header__col-title">
      <div class="slds-media">
        <div class="slds-media__figure">
          <span class="slds-icon_container pg-record-icon" title="Account">${model.accountIcon}
            <span class="slds-assistive-text">Account</span></span>
        </div>
        <div class="slds-media__body">
          <div class="slds-page-header__name">
            <div class="slds-page-header__name-title">
              <h1>
                <span>Account</span>
                <span class="slds-page-header__title slds-truncate" data-id="account-name">${escapeHtml(name)}</span>
              </h1>
            </div>
          </div>
        </div>
      </div>
    </div>
  </div>
  <div class="slds-page-header__row slds-page-header__row_gutters">
    <div class="slds-page-header__col-details">
      <ul class="slds-page-header__detail-row">${fields}</ul>
    </div>
  </div>
</div>`;
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
    return `${pageStart(title, model.css, model.assets.css, scripts)}${switcher(model)}
<main class="pg-main">
${header(model)}
  <div class="slds-grid slds-wrap slds-gutters_x-small pg-region">
    <div class="slds-col slds-size_1-of-1 slds-large-size_2-of-3" id="component-slot"></div>
    <aside class="slds-col slds-size_1-of-1 slds-large-size_1-of-3" aria-label="About this playground">
      <article class="slds-card">
        <div class="slds-card__header"><h2 class="slds-card__header-title">About this playground</h2></div>
        <div class="slds-card__body slds-card__body_inner">
          <p>The card on the left is the real <code>c-on-demand-sync</code> component, talking to an
          emulated org: no data leaves this machine.</p>
          <p class="slds-m-top_x-small">The command line works against the same org:</p>
          <p class="slds-m-top_xx-small"><code>zuora-sync --instance-url ${escapeHtml(model.origin)} --access-token any --account ${escapeHtml(model.accountId)}</code></p>
        </div>
      </article>
    </aside>
  </div>
</main>
<div id="toast-region"></div>
</body>
</html>
`;
}

export interface RecordPageModel {
    readonly objectLabel: string;
    readonly name: string;
    readonly fields: readonly PageField[];
    readonly back: { readonly href: string; readonly label: string };
    readonly css: string;
    /** The SLDS style sheet's URL. */
    readonly stylesheet: string;
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
    return `${pageStart(title, model.css, model.stylesheet)}<main class="pg-main">
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
