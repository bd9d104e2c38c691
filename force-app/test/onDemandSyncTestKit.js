// Shared set-up of the c-on-demand-sync tests: the ids and the clock of the test data, the Custom
// Label texts, and helpers that put the card on the page, wait for it and read or drive its parts.
// The Apex methods the card calls are jest.fn()s from jest-mocks/apex (see jest.config.js). Each
// test file still mocks the component's labels module itself, so that jest hoists that mock above
// the file's imports (this module loads the component).
const { createElement } = require('lwc');
const getSyncContext = require('@salesforce/apex/OnDemandSyncController.getSyncContext').default;
const OnDemandSync = require('c/onDemandSync').default;
const { labelTexts } = require('./jest-mocks/customLabels');

const LABEL = labelTexts();
const NOW = Date.parse('2026-11-20T10:00:00.000Z');
const ACCOUNT_ID = '0018d00000AbCdEAAV';
const OTHER_ACCOUNT_ID = '0018d00000QrStUAAV';
const EU = 'a0X8d00000Kq7XbEAJ';
const US = 'a0X8d00000Kq7YcEAJ';
const LATAM = 'a0X8d00000Zj3QmEAJ';
const APAC = 'a0X8d00000Lm2RtEAJ';

function copy(value) {
    return JSON.parse(JSON.stringify(value));
}

function flushPromises() {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Adds a card to the page: recordId ACCOUNT_ID unless `props` say otherwise. */
function addCard(props = {}, listeners = {}) {
    const element = createElement('c-on-demand-sync', { is: OnDemandSync });
    Object.assign(element, { recordId: ACCOUNT_ID, ...props });
    Object.entries(listeners).forEach(([type, listener]) =>
        element.addEventListener(type, listener)
    );
    document.body.appendChild(element);
    return element;
}

/** Adds a card to the page and lets it load. */
async function mountCard(props, listeners) {
    const element = addCard(props, listeners);
    await flushPromises();
    return element;
}

/** Adds a card for this context's Account, which getSyncContext answers with a copy of it. */
function mountWithContext(context, props = {}, listeners = {}) {
    getSyncContext.mockResolvedValue(copy(context));
    return mountCard({ recordId: context.accountId, ...props }, listeners);
}

function removeCards() {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
}

/**
 * Call inside a describe: each test runs at NOW (Date.now), and afterwards its cards leave the
 * page and every mock and spy is reset.
 */
function useCardTestClock() {
    beforeEach(() => {
        jest.spyOn(Date, 'now').mockReturnValue(NOW);
    });

    afterEach(() => {
        removeCards();
        jest.clearAllMocks();
        jest.restoreAllMocks();
    });
}

const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

function rowOf(element, id) {
    return $(element, 'table').data.find((row) => row.id === id);
}

/** Selects these rows in the table, as a click on their checkboxes does. */
function chooseRows(element, ids) {
    const table = $(element, 'table');
    const rows = table.data.filter((row) => ids.includes(row.id));
    table.dispatchEvent(new CustomEvent('rowselection', { detail: { selectedRows: rows } }));
}

async function select(element, ids) {
    chooseRows(element, ids);
    await flushPromises();
}

module.exports = {
    LABEL,
    NOW,
    ACCOUNT_ID,
    OTHER_ACCOUNT_ID,
    EU,
    US,
    LATAM,
    APAC,
    copy,
    flushPromises,
    addCard,
    mountCard,
    mountWithContext,
    removeCards,
    useCardTestClock,
    $,
    rowOf,
    chooseRows,
    select
};
