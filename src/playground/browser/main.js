// The page's script: puts the real onDemandSync component where an admin would place it on an
// Account record page, with the design attribute defaults from its js-meta.xml, and a toast
// region that shows its ShowToastEvents the way Lightning Experience does.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import OnDemandSync from 'c/onDemandSync';
import ToastRegion from 'playground/toastRegion';
import designDefaults from 'playground:design-attributes';

const page = JSON.parse(document.getElementById('playground-data').textContent);
window.__PLAYGROUND__ = page;

document
    .getElementById('toast-region')
    .appendChild(createElement('playground-toast-region', { is: ToastRegion }));

const component = createElement('c-on-demand-sync', { is: OnDemandSync });
Object.assign(component, designDefaults);
component.recordId = page.accountId;
component.objectApiName = 'Account';
if (page.regionWidth) component.flexipageRegionWidth = page.regionWidth;
document.getElementById('component-slot').appendChild(component);
