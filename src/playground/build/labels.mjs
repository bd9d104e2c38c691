// Reads the project's Custom Labels metadata so the playground shows exactly the org's text.
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

/**
 * Parses CustomLabels.labels-meta.xml text into { fullName: value }.
 * @param {string} xml
 * @returns {Record<string, string>}
 */
export function parseLabels(xml) {
    const parser = new XMLParser({
        ignoreAttributes: true,
        parseTagValue: false,
        trimValues: false,
        isArray: (name) => name === 'labels'
    });
    const doc = parser.parse(xml);
    const labels = {};
    for (const label of doc?.CustomLabels?.labels ?? []) {
        const name = String(label.fullName ?? '').trim();
        if (name) labels[name] = String(label.value ?? '');
    }
    return labels;
}

/**
 * @param {string} file path of a CustomLabels.labels-meta.xml
 * @returns {Record<string, string>} empty when the file does not exist yet
 */
export function readLabels(file) {
    let xml;
    try {
        xml = readFileSync(file, 'utf8');
    } catch (error) {
        if (error.code === 'ENOENT') return {};
        throw error;
    }
    return parseLabels(xml);
}
