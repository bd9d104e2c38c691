/**
 * The body of the Account record page, laid out as Lightning's "header and right sidebar"
 * template: the Related and Details tabs in the main column (two thirds), an Activity card in the
 * right column. The component's slot (#component-slot) is the first item of the Related tab, or,
 * for a component in a narrow region (?region=small), the first item of the right column.
 */
import { escapeHtml } from './html';
import { icon, type PageIcons } from './icons';
import type { PageField } from './highlights';

export interface PageContact {
    readonly name: string;
    readonly title: string;
    readonly email: string;
}

export interface RecordLayoutModel {
    /** The fields of the Details tab. */
    readonly details: readonly PageField[];
    readonly contacts: readonly PageContact[];
    /** True: the component sits in the narrow right column. */
    readonly narrow: boolean;
    /** More of the right column, after the Activity card. */
    readonly sidebarExtra: string;
    readonly icons: PageIcons;
}

const SLOT = '<div id="component-slot" class="slds-m-bottom_small"></div>';

function tab(id: string, label: string, selected: boolean): string {
    return (
        `<li class="slds-tabs_default__item${selected ? ' slds-is-active' : ''}" title="${label}" role="presentation">` +
        `<a class="slds-tabs_default__link" href="#${id}" role="tab" tabindex="${selected ? 0 : -1}" ` +
        `aria-selected="${selected}" aria-controls="${id}" id="${id}__item">${label}</a></li>`
    );
}

function panel(id: string, selected: boolean, content: string): string {
    return (
        `<div id="${id}" class="slds-tabs_default__content ${selected ? 'slds-show' : 'slds-hide'}" ` +
        `role="tabpanel" aria-labelledby="${id}__item">${content}</div>`
    );
}

function detailsForm(fields: readonly PageField[]): string {
    const items = fields
        .map(
            (field) =>
                `<div class="slds-col slds-size_1-of-2"><div class="slds-form-element slds-form-element_readonly slds-form-element_stacked">` +
                `<span class="slds-form-element__label">${escapeHtml(field.label)}</span>` +
                `<div class="slds-form-element__control"><div class="slds-form-element__static">` +
                `${escapeHtml(field.value)}</div></div></div></div>`
        )
        .join('');
    return `<div class="slds-form" role="list" data-id="details"><div class="slds-grid slds-wrap slds-gutters_small">${items}</div></div>`;
}

function card(title: string, iconSvg: string, iconClass: string, body: string, id: string): string {
    return `
<article class="slds-card slds-card_boundary" data-id="${id}">
  <div class="slds-card__header slds-grid">
    <header class="slds-media slds-media_center slds-has-flexi-truncate">
      <div class="slds-media__figure"><span class="slds-icon_container ${iconClass}">${icon(iconSvg, 'slds-icon slds-icon_small')}</span></div>
      <div class="slds-media__body"><h2 class="slds-card__header-title"><span class="slds-truncate">${escapeHtml(title)}</span></h2></div>
    </header>
  </div>
  <div class="slds-card__body slds-card__body_inner">${body}</div>
</article>`;
}

function contactsCard(contacts: readonly PageContact[], icons: PageIcons): string {
    const tiles = contacts
        .map(
            (contact) =>
                `<li class="slds-item"><article class="slds-tile slds-tile_board">` +
                `<h3 class="slds-tile__title slds-truncate"><a>${escapeHtml(contact.name)}</a></h3>` +
                `<div class="slds-tile__detail"><p class="slds-truncate">${escapeHtml(contact.title)}` +
                ` &middot; <span class="slds-text-color_weak">${escapeHtml(contact.email)}</span></p></div></article></li>`
        )
        .join('');
    const body = contacts.length
        ? `<ul class="slds-has-dividers_bottom-space">${tiles}</ul>`
        : '<p class="slds-text-color_weak">No contacts.</p>';
    return card(
        `Contacts (${contacts.length})`,
        icons.contact,
        'slds-icon-standard-contact',
        body,
        'contacts'
    );
}

function activityCard(icons: PageIcons): string {
    const body =
        `<div class="slds-button-group slds-m-bottom_small" role="group">` +
        `<button type="button" class="slds-button slds-button_neutral" tabindex="-1">New Task</button>` +
        `<button type="button" class="slds-button slds-button_neutral" tabindex="-1">Log a Call</button>` +
        `<button type="button" class="slds-button slds-button_neutral" tabindex="-1">New Event</button></div>` +
        `<p class="slds-text-title_caps slds-m-bottom_x-small">Upcoming &amp; Overdue</p>` +
        `<p class="slds-text-color_weak">No activities to show. Get started by sending an email, scheduling a task, and more.</p>`;
    return card('Activity', icons.event, 'slds-icon-standard-event', body, 'activity');
}

/** The tabs, the columns and their cards. */
export function recordLayout(model: RecordLayoutModel): string {
    const related = `${model.narrow ? '' : SLOT}${contactsCard(model.contacts, model.icons)}`;
    return `
<div class="slds-grid slds-gutters_x-small pg-record-body">
  <div class="slds-col slds-size_2-of-3" data-region="main">
    <div class="slds-card pg-tabs" data-id="record-tabs">
      <div class="slds-tabs_default">
        <ul class="slds-tabs_default__nav" role="tablist">${tab('tab-related', 'Related', true)}${tab('tab-details', 'Details', false)}</ul>
        ${panel('tab-related', true, related)}
        ${panel('tab-details', false, detailsForm(model.details))}
      </div>
    </div>
  </div>
  <div class="slds-col slds-size_1-of-3" data-region="sidebar">
    ${model.narrow ? SLOT : ''}${activityCard(model.icons)}${model.sidebarExtra}
  </div>
</div>`;
}
