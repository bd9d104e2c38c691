// Custom Label texts for component tests. Without a mock, sfdx-lwc-jest turns every
// `import X from '@salesforce/label/c.Name'` into the string 'c.Name'; tests that read real
// sentences mock a component's labels module with the texts from CustomLabels.labels-meta.xml:
//   jest.mock('../labels', () =>
//       require('../../../../../test/jest-mocks/customLabels').withLabelTexts(
//           jest.requireActual('../labels')));
const fs = require('fs');
const path = require('path');

const LABELS_FILE = path.resolve(
    __dirname,
    '../../main/default/labels/CustomLabels.labels-meta.xml'
);

const XML_ENTITIES = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };

function unescapeXml(text) {
    return text.replace(/&(lt|gt|quot|apos|amp);/g, (entity) => XML_ENTITIES[entity]);
}

let cache = null;

/** Every Custom Label of the project: { Name: text }. */
function labelTexts() {
    if (!cache) {
        cache = {};
        const xml = fs.readFileSync(LABELS_FILE, 'utf8');
        for (const [, body] of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
            const name = /<fullName>([^<]*)<\/fullName>/.exec(body);
            const value = /<value>([\s\S]*?)<\/value>/.exec(body);
            if (name && value) {
                cache[name[1]] = unescapeXml(value[1]);
            }
        }
    }
    return cache;
}

function replaceLabels(value, texts) {
    if (typeof value === 'string' && value.startsWith('c.')) {
        const name = value.slice(2);
        if (!(name in texts)) {
            throw new Error(`Custom Label ${name} is not in ${LABELS_FILE}`);
        }
        return texts[name];
    }
    if (value && typeof value === 'object') {
        const copy = Array.isArray(value) ? [] : {};
        Object.keys(value).forEach((key) => {
            copy[key] = replaceLabels(value[key], texts);
        });
        return Object.isFrozen(value) ? Object.freeze(copy) : copy;
    }
    return value;
}

/** A labels module with each 'c.Name' placeholder replaced by the label's text. */
function withLabelTexts(labelsModule) {
    return replaceLabels(labelsModule, labelTexts());
}

module.exports = { labelTexts, withLabelTexts };
