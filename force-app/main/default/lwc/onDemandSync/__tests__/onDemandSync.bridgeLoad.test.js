// Loading the OnDemandSyncBridge static resource: once per page, and a clear error when it fails.
// (Its own file: the loaded bridge is remembered for the whole module registry of a test file.)
import getSyncContext from '@salesforce/apex/OnDemandSyncController.getSyncContext';
import { loadScript } from 'lightning/platformResourceLoader';
import {
    LABEL,
    copy,
    flushPromises,
    mountCard,
    removeCards,
    $
} from '../../../../../test/onDemandSyncTestKit';

jest.mock('../labels', () =>
    require('../../../../../test/jest-mocks/customLabels').withLabelTexts(
        jest.requireActual('../labels')
    )
);

const CONTEXT = require('./data/getSyncContext.json');

describe('c-on-demand-sync bridge loading', () => {
    beforeEach(() => {
        getSyncContext.mockResolvedValue(copy(CONTEXT));
    });

    afterEach(() => {
        removeCards();
        jest.clearAllMocks();
    });

    it('shows a clear error, not a blank card, when the static resource fails to load', async () => {
        loadScript.mockRejectedValueOnce(new Error('404 Not Found: OnDemandSyncBridge'));
        const element = await mountCard();

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
        const element = await mountCard();
        expect($(element, 'error').dataset.state).toBe('bridgeError');
        expect($(element, 'error').details[0]).toContain('window.OnDemandSyncBridge');
    });

    it('loads the real bridge on Try again, then never again for other cards', async () => {
        loadScript.mockRejectedValueOnce(new CustomEvent('error'));
        const element = await mountCard();
        expect($(element, 'error').details).toEqual(['error']);
        expect(loadScript).toHaveBeenCalledTimes(1);

        $(element, 'retry').click();
        await flushPromises();
        expect(loadScript).toHaveBeenCalledTimes(2);
        expect($(element, 'error')).toBeNull();
        expect($(element, 'table').data).toHaveLength(4);

        await mountCard();
        await mountCard();
        expect(loadScript).toHaveBeenCalledTimes(2);
        expect(getSyncContext).toHaveBeenCalledTimes(4);
    });
});
