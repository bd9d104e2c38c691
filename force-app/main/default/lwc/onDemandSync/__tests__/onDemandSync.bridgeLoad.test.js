// Loading the OnDemandSyncBridge static resource: once per page, and a clear error when it fails.
// (Its own file: the loaded bridge is remembered for the whole module registry of a test file.)
import { createElement } from 'lwc';
import OnDemandSync from 'c/onDemandSync';
import getSyncContext from '@salesforce/apex/OnDemandSyncController.getSyncContext';
import { loadScript } from 'lightning/platformResourceLoader';

jest.mock(
    '@salesforce/apex/OnDemandSyncController.getSyncContext',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock('@salesforce/apex/OnDemandSyncController.requestSync', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('../labels', () =>
    require('../../../../../test/jest-mocks/customLabels').withLabelTexts(
        jest.requireActual('../labels')
    )
);

const CONTEXT = require('./data/getSyncContext.json');
const { labelTexts } = require('../../../../../test/jest-mocks/customLabels');

const LABEL = labelTexts();

function flushPromises() {
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    return new Promise((resolve) => setTimeout(resolve, 0));
}

async function render() {
    const element = createElement('c-on-demand-sync', { is: OnDemandSync });
    element.recordId = '0018d00000AbCdEAAV';
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

describe('c-on-demand-sync bridge loading', () => {
    beforeEach(() => {
        getSyncContext.mockResolvedValue(JSON.parse(JSON.stringify(CONTEXT)));
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows a clear error, not a blank card, when the static resource fails to load', async () => {
        loadScript.mockRejectedValueOnce(new Error('404 Not Found: OnDemandSyncBridge'));
        const element = await render();

        const panel = $(element, 'error');
        expect(panel.dataset.state).toBe('bridgeError');
        expect(panel.title).toBe(LABEL.OnDemandSync_UI_BridgeErrorTitle);
        expect(panel.message).toBe(LABEL.OnDemandSync_UI_BridgeErrorMessage);
        expect(panel.details).toEqual(['404 Not Found: OnDemandSyncBridge']);
        expect($(element, 'table')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('treats a script that defines no bridge as a failed load', async () => {
        loadScript.mockResolvedValueOnce();
        const element = await render();
        expect($(element, 'error').dataset.state).toBe('bridgeError');
        expect($(element, 'error').details[0]).toContain('window.OnDemandSyncBridge');
    });

    it('loads the real bridge on Try again, then never again for other cards', async () => {
        loadScript.mockRejectedValueOnce(new CustomEvent('error'));
        const element = await render();
        expect($(element, 'error').details).toEqual(['error']);
        expect(loadScript).toHaveBeenCalledTimes(1);

        $(element, 'retry').click();
        await flushPromises();
        expect(loadScript).toHaveBeenCalledTimes(2);
        expect($(element, 'error')).toBeNull();
        expect($(element, 'table').data).toHaveLength(4);

        await render();
        await render();
        expect(loadScript).toHaveBeenCalledTimes(2);
        expect(getSyncContext).toHaveBeenCalledTimes(4);
    });
});
