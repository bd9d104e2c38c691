// The component's design attributes for an Account record page, read from its js-meta.xml, so
// the playground places the component with the defaults Lightning App Builder would give it.
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

const RECORD_PAGE = 'lightning__RecordPage';

function toValue(type, text) {
    if (text === undefined) return undefined;
    if (type === 'Integer') return Number(text);
    if (type === 'Boolean') return String(text).trim() === 'true';
    return String(text);
}

/**
 * @param {string} xml the text of a <component>.js-meta.xml
 * @returns {Record<string, string | number | boolean>} property name -> default value
 */
export function parseDesignDefaults(xml) {
    const parser = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '',
        parseTagValue: false,
        parseAttributeValue: false,
        isArray: (name) => ['targetConfig', 'property', 'target'].includes(name)
    });
    const bundle = parser.parse(xml)?.LightningComponentBundle ?? {};
    const configs = bundle.targetConfigs?.targetConfig ?? [];
    const defaults = {};
    for (const config of configs) {
        const targets = String(config.targets ?? '')
            .split(',')
            .map((t) => t.trim());
        if (!targets.includes(RECORD_PAGE)) continue;
        for (const property of config.property ?? []) {
            const value = toValue(property.type, property.default);
            if (property.name && value !== undefined) defaults[property.name] = value;
        }
    }
    return defaults;
}

/** @returns {Record<string, string | number | boolean>} empty when there is no such file */
export function readDesignDefaults(file) {
    try {
        return parseDesignDefaults(readFileSync(file, 'utf8'));
    } catch (error) {
        if (error.code === 'ENOENT') return {};
        throw error;
    }
}
