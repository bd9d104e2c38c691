// Every text is a Custom Label: each label the components import exists, and the labels given to
// the bridge cover every message it has, with the same placeholders.
const { withLabelTexts } = require('../../../../../test/jest-mocks/customLabels');

const MODULES = {
    onDemandSync: () => jest.requireActual('../labels'),
    errorPanel: () => jest.requireActual('../../errorPanel/labels'),
    onDemandSyncLimits: () => jest.requireActual('../../onDemandSyncLimits/labels'),
    onDemandSyncList: () => jest.requireActual('../../onDemandSyncList/labels'),
    onDemandSyncBackground: () => jest.requireActual('../../onDemandSyncBackground/labels')
};

function placeholders(text) {
    return [...new Set(text.match(/\{\d+\}/g) || [])].sort();
}

describe('Custom Labels', () => {
    it.each(Object.keys(MODULES))('%s imports only labels that exist', (name) => {
        const texts = withLabelTexts(MODULES[name]());
        Object.values(texts)
            .flatMap((group) => Object.values(group))
            .forEach((text) => {
                expect(typeof text).toBe('string');
                expect(text.trim()).not.toBe('');
            });
    });

    it('gives the bridge a label for each of its messages, with the same placeholders', () => {
        // The bridge's own English texts (the static resource is built without them).
        const defaults = require('../../../../../../src/bridge/default-messages.json');
        const { BRIDGE_MESSAGES } = withLabelTexts(MODULES.onDemandSync());

        expect(Object.keys(BRIDGE_MESSAGES).sort()).toEqual(Object.keys(defaults).sort());
        Object.keys(defaults).forEach((key) => {
            expect([key, placeholders(BRIDGE_MESSAGES[key])]).toEqual([
                key,
                placeholders(defaults[key])
            ]);
        });
    });
});
