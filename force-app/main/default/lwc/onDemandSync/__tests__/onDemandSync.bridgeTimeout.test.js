// A bridge that never finishes loading ends in the error panel after a timeout, with Try again.
// (Its own file: the loaded bridge is remembered for the whole module registry of a test file.)
import getSyncContext from '@salesforce/apex/OnDemandSyncController.getSyncContext';
import { loadScript } from 'lightning/platformResourceLoader';
import { BRIDGE_TIMEOUT_MS } from '../bridgeLoader';
import { LABEL, addCard, copy, removeCards, $ } from '../../../../../test/onDemandSyncTestKit';

jest.mock('../labels', () =>
    require('../../../../../test/jest-mocks/customLabels').withLabelTexts(
        jest.requireActual('../labels')
    )
);

const CONTEXT = require('./data/getSyncContext.json');

describe('c-on-demand-sync with a bridge that never loads', () => {
    beforeEach(() => {
        jest.useFakeTimers();
        getSyncContext.mockResolvedValue(copy(CONTEXT));
    });

    afterEach(() => {
        removeCards();
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    it('shows the error panel after the timeout, and Try again loads it afresh', async () => {
        loadScript.mockReturnValueOnce(new Promise(() => {}));
        const element = addCard();
        await jest.advanceTimersByTimeAsync(BRIDGE_TIMEOUT_MS - 1);
        expect($(element, 'error')).toBeNull();

        await jest.advanceTimersByTimeAsync(1);
        const panel = $(element, 'error');
        expect(panel.dataset.state).toBe('bridgeError');
        expect(panel.title).toBe(LABEL.OnDemandSync_UI_BridgeErrorTitle);
        expect(panel.details[0]).toMatch(/did not load within 20 s/);

        $(element, 'retry').click();
        await jest.advanceTimersByTimeAsync(0);
        expect(loadScript).toHaveBeenCalledTimes(2);
        expect($(element, 'error')).toBeNull();
        expect($(element, 'table').data).toHaveLength(4);
    });
});
