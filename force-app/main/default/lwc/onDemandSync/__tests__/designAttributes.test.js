// The design attributes App Builder offers: a blank card title falls back to the translated
// Custom Label, so App Builder must not pre-fill it with an English default.
const fs = require('fs');
const path = require('path');

const META = fs.readFileSync(path.resolve(__dirname, '../onDemandSync.js-meta.xml'), 'utf8');

function properties() {
    return Object.fromEntries(
        [...META.matchAll(/<property\b([\s\S]*?)\/>/g)].map(([, body]) => {
            const attributes = Object.fromEntries(
                [...body.matchAll(/([\w]+)="([^"]*)"/g)].map(([, name, value]) => [name, value])
            );
            return [attributes.name, attributes];
        })
    );
}

describe('onDemandSync design attributes', () => {
    it('leaves the card title blank by default, so the translated title shows', () => {
        const { cardTitle } = properties();
        expect(cardTitle).toBeDefined();
        expect(cardTitle).not.toHaveProperty('default');
        expect(cardTitle.description).toMatch(/blank to use the translated default title/);
    });

    it('keeps the defaults of the other attributes', () => {
        const { maxSelection, warningThresholdPercent, showLimitsPanel } = properties();
        expect(maxSelection.default).toBe('8');
        expect(warningThresholdPercent.default).toBe('80');
        expect(showLimitsPanel.default).toBe('true');
    });
});
