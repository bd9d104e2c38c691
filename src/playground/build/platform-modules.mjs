// A rollup plugin that answers the Salesforce platform imports of a Lightning web component
// the way the org would, but for a browser talking to the playground server:
//   @salesforce/apex/Class.method         -> a function that POSTs to /__playground/apex/Class.method
//   @salesforce/label/c.Name              -> the value from the project's Custom Labels metadata
//   @salesforce/resourceUrl/Name          -> the stamped URL the page lists (/resource/<stamp>/Name)
//   @salesforce/schema/Object.Field       -> { objectApiName, fieldApiName }
//   @salesforce/user/Id, @salesforce/customPermission/*, @salesforce/userPermission/*
//   lightning/platformResourceLoader, lightning/platformShowToastEvent, lightning/refresh,
//   lightning/uiRecordApi, lightning/navigation, @salesforce/i18n/timeZone and /locale (the
//   user's settings the page lists) -> small browser modules in ../browser/platform
// Everything else (lightning/* components, their own @salesforce/* imports) is left to the
// lightning-base-components package through the LWC plugin.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const platformDir = join(here, '..', 'browser', 'platform');
const VIRTUAL = '\0sf-platform:';

/** The sample user the playground runs as (005 is the User key prefix). */
export const PLAYGROUND_USER_ID = '005000000000001AAA';

const SHIMS = {
    '@salesforce/apex': 'apexSupport.js',
    'lightning/platformResourceLoader': 'resourceLoader.js',
    'lightning/platformShowToastEvent': 'showToastEvent.js',
    'lightning/refresh': 'refresh.js',
    'lightning/uiRecordApi': 'uiRecordApi.js',
    'lightning/navigation': 'navigation.js',
    '@salesforce/i18n/timeZone': 'i18nTimeZone.js',
    '@salesforce/i18n/locale': 'i18nLocale.js'
};

const PREFIXES = [
    '@salesforce/apex/',
    '@salesforce/label/c.',
    '@salesforce/resourceUrl/',
    '@salesforce/schema/',
    '@salesforce/user/',
    '@salesforce/customPermission/',
    '@salesforce/userPermission/'
];

/**
 * The platform values lightning-base-components itself stubs (@salesforce/i18n/locale,
 * @salesforce/client/formFactor, ...), by name, so the project's components get the same ones.
 */
function baseComponentStubs() {
    const require = createRequire(import.meta.url);
    const manifest = require.resolve('lightning-base-components/package.json');
    const { lwc } = JSON.parse(readFileSync(manifest, 'utf8'));
    const stubs = new Map();
    for (const record of lwc.modules) {
        if (record.name && record.path && record.name.startsWith('@salesforce/')) {
            stubs.set(record.name, join(dirname(manifest), record.path));
        }
    }
    return stubs;
}

/**
 * @param {{ labels: Record<string, string>, labelsFile: string }} options
 * @returns {import('rollup').Plugin}
 */
export function salesforcePlatformModules({ labels, labelsFile }) {
    const stubs = baseComponentStubs();
    return {
        name: 'salesforce-platform-modules',
        resolveId(source) {
            if (SHIMS[source]) return join(platformDir, SHIMS[source]);
            if (stubs.has(source)) return stubs.get(source);
            if (PREFIXES.some((prefix) => source.startsWith(prefix))) return VIRTUAL + source;
            return null;
        },
        load(id) {
            if (!id.startsWith(VIRTUAL)) return null;
            return moduleSource(id.slice(VIRTUAL.length), { labels, labelsFile });
        }
    };
}

function moduleSource(source, { labels, labelsFile }) {
    const rest = (prefix) => source.slice(prefix.length);
    if (source.startsWith('@salesforce/apex/')) {
        const [className, methodName] = rest('@salesforce/apex/').split('.');
        if (!className || !methodName) throw new Error(`Unsupported Apex import: ${source}`);
        const apex = JSON.stringify(join(platformDir, 'apex.js'));
        return `import { apexMethod } from ${apex};\nexport default apexMethod(${JSON.stringify(className)}, ${JSON.stringify(methodName)});\n`;
    }
    if (source.startsWith('@salesforce/label/c.')) {
        const name = rest('@salesforce/label/c.');
        if (!Object.prototype.hasOwnProperty.call(labels, name)) {
            throw new Error(`Custom label ${name} is imported but not defined in ${labelsFile}`);
        }
        return `export default ${JSON.stringify(labels[name])};\n`;
    }
    if (source.startsWith('@salesforce/resourceUrl/')) {
        const name = rest('@salesforce/resourceUrl/');
        const loader = JSON.stringify(join(platformDir, 'resourceUrl.js'));
        return `import { resourceUrl } from ${loader};\nexport default resourceUrl(${JSON.stringify(name)});\n`;
    }
    if (source.startsWith('@salesforce/schema/')) {
        const [objectApiName, ...field] = rest('@salesforce/schema/').split('.');
        const value = field.length
            ? { objectApiName, fieldApiName: field.join('.') }
            : { objectApiName };
        return `export default ${JSON.stringify(value)};\n`;
    }
    if (source === '@salesforce/user/Id')
        return `export default ${JSON.stringify(PLAYGROUND_USER_ID)};\n`;
    if (source === '@salesforce/user/isGuest') return 'export default false;\n';
    if (
        source.startsWith('@salesforce/customPermission/') ||
        source.startsWith('@salesforce/userPermission/')
    ) {
        // The emulated org decides what the user may do; the client-side flag only hides UI.
        return 'export default true;\n';
    }
    throw new Error(`Unsupported platform import in the playground: ${source}`);
}
