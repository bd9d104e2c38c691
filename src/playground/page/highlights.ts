/**
 * The record's highlights panel, as on a Lightning record page: the Account icon, "Account" and
 * the record's name, the action buttons (inert), and the compact layout's fields.
 */
import { escapeHtml } from './html';
import { icon, type PageIcons } from './icons';

export interface PageField {
    readonly label: string;
    readonly value: string;
}

const ACTIONS = ['Edit', 'New Contact', 'New Opportunity'];

function actions(icons: PageIcons): string {
    const buttons = ACTIONS.map(
        (label) =>
            `<li><button type="button" class="slds-button slds-button_neutral" tabindex="-1">${label}</button></li>`
    ).join('');
    return (
        `<ul class="slds-button-group-list" aria-label="Actions">${buttons}` +
        `<li><button type="button" class="slds-button slds-button_icon slds-button_icon-border-filled" ` +
        `tabindex="-1" title="More Actions">${icon(icons.down, 'slds-button__icon')}` +
        `<span class="slds-assistive-text">More Actions</span></button></li></ul>`
    );
}

/** The highlights panel of the Account `name` (null: no such Account). */
export function highlights(
    name: string | null,
    fields: readonly PageField[],
    icons: PageIcons
): string {
    const details = fields
        .map(
            (field) =>
                `<li class="slds-page-header__detail-block">` +
                `<div class="slds-text-title slds-truncate" title="${escapeHtml(field.label)}">${escapeHtml(field.label)}</div>` +
                `<div class="slds-truncate" title="${escapeHtml(field.value)}">${escapeHtml(field.value)}</div></li>`
        )
        .join('');
    return `
<div class="slds-page-header slds-page-header_record-home" data-id="highlights">
  <div class="slds-page-header__row">
    <div class="slds-page-header__col-title">
      <div class="slds-media">
        <div class="slds-media__figure">
          <span class="slds-icon_container slds-icon-standard-account" title="Account">${icon(icons.account, 'slds-icon slds-page-header__icon')}
            <span class="slds-assistive-text">Account</span></span>
        </div>
        <div class="slds-media__body">
          <div class="slds-page-header__name">
            <div class="slds-page-header__name-title">
              <h1>
                <span>Account</span>
                <span class="slds-page-header__title slds-truncate" data-id="account-name">${escapeHtml(name ?? 'Account not found')}</span>
              </h1>
            </div>
          </div>
        </div>
      </div>
    </div>
    <div class="slds-page-header__col-actions">
      <div class="slds-page-header__controls">
        <div class="slds-page-header__control">${actions(icons)}</div>
      </div>
    </div>
  </div>
  <div class="slds-page-header__row slds-page-header__row_gutters">
    <div class="slds-page-header__col-details">
      <ul class="slds-page-header__detail-row">${details}</ul>
    </div>
  </div>
</div>`;
}
