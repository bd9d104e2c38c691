/**
 * Lightning Experience's chrome above a record page: the global header (logo, search, global
 * actions, the user's avatar) and the app's navigation bar ("Sales", its tabs, Accounts active).
 * Visual only: the links lead nowhere.
 */
import { escapeHtml } from './html';
import { icon, type PageIcons, type PageIconName } from './icons';

const APP_TABS = [
    'Home',
    'Accounts',
    'Contacts',
    'Opportunities',
    'Leads',
    'Reports',
    'Dashboards'
];
const ACTIVE_TAB = 'Accounts';

function globalAction(icons: PageIcons, name: PageIconName, label: string): string {
    return (
        `<li class="slds-global-actions__item"><button type="button" tabindex="-1" ` +
        `class="slds-button slds-button_icon slds-button_icon-container slds-global-actions__item-action" ` +
        `title="${escapeHtml(label)}">${icon(icons[name], 'slds-button__icon slds-global-header__icon')}` +
        `<span class="slds-assistive-text">${escapeHtml(label)}</span></button></li>`
    );
}

/** The global header; `userName` gives the avatar's initials. */
export function globalHeader(icons: PageIcons, userName: string): string {
    const initials = userName
        .split(/\s+/)
        .map((part) => part[0] ?? '')
        .join('')
        .slice(0, 2)
        .toUpperCase();
    return `
<header class="slds-global-header_container" data-id="global-header">
  <div class="slds-global-header slds-grid slds-grid_align-spread">
    <div class="slds-global-header__item">
      <div class="slds-global-header__logo pg-logo">${icons.logo}</div>
    </div>
    <div class="slds-global-header__item slds-global-header__item_search">
      <div class="slds-form-element">
        <div class="slds-form-element__control slds-input-has-icon slds-input-has-icon_left">
          ${icon(icons.search, 'slds-icon slds-input__icon slds-input__icon_left slds-icon-text-default')}
          <input type="search" class="slds-input" placeholder="Search..." aria-label="Search" tabindex="-1" readonly>
        </div>
      </div>
    </div>
    <div class="slds-global-header__item">
      <ul class="slds-global-actions">
        ${globalAction(icons, 'favorite', 'Favorites')}
        ${globalAction(icons, 'add', 'Global Actions')}
        ${globalAction(icons, 'question', 'Help and Training')}
        ${globalAction(icons, 'setup', 'Setup')}
        ${globalAction(icons, 'notification', 'Notifications')}
        <li class="slds-global-actions__item">
          <span class="slds-avatar slds-avatar_circle slds-avatar_medium" title="${escapeHtml(userName)}">
            <abbr class="slds-avatar__initials slds-icon-standard-user" title="${escapeHtml(userName)}">${escapeHtml(initials)}</abbr>
          </span>
        </li>
      </ul>
    </div>
  </div>
</header>`;
}

/** The app's navigation bar: the App Launcher, the app's name and its tabs. */
export function appBar(icons: PageIcons): string {
    const tabs = APP_TABS.map((tab) => {
        const active = tab === ACTIVE_TAB;
        return (
            `<li class="slds-context-bar__item${active ? ' slds-is-active' : ''}">` +
            `<a class="slds-context-bar__label-action"${active ? ' aria-current="page"' : ''}` +
            ` title="${tab}"><span class="slds-truncate">${tab}</span></a>` +
            `<div class="slds-context-bar__icon-action slds-p-left_none">` +
            `<span class="slds-button slds-button_icon slds-context-bar__button">` +
            `${icon(icons.chevrondown, 'slds-button__icon')}</span></div></li>`
        );
    }).join('');
    return `
<div class="slds-context-bar" data-id="app-bar">
  <div class="slds-context-bar__primary">
    <div class="slds-context-bar__item slds-context-bar__dropdown-trigger slds-dropdown-trigger slds-dropdown-trigger_click slds-no-hover">
      <div class="slds-context-bar__icon-action">
        <span class="slds-icon-waffle_container slds-context-bar__button" title="App Launcher">
          <span class="slds-icon-waffle"><span class="slds-r1"></span><span class="slds-r2"></span><span class="slds-r3"></span><span class="slds-r4"></span><span class="slds-r5"></span><span class="slds-r6"></span><span class="slds-r7"></span><span class="slds-r8"></span><span class="slds-r9"></span></span>
          <span class="slds-assistive-text">App Launcher</span>
        </span>
      </div>
      <span class="slds-context-bar__label-action slds-context-bar__app-name">
        <span class="slds-truncate" title="Sales">Sales</span>
      </span>
    </div>
  </div>
  <nav class="slds-context-bar__secondary" role="navigation" aria-label="Sales">
    <ul class="slds-grid">${tabs}</ul>
  </nav>
</div>`;
}
