// lightning/platformResourceLoader for component tests: loadScript runs the real static
// resource (for example the built OnDemandSyncBridge.js) in the test window, the way the
// platform adds a <script> to the page, and resolves. Tests can still make it fail with
// loadScript.mockRejectedValueOnce(...).
const fs = require('fs');
const path = require('path');

const STATIC_RESOURCES = path.resolve(__dirname, '../../../main/default/staticresources');

function resourceFile(url) {
    const name = String(url).split('?')[0].split('/').pop();
    const candidates = [name, `${name}.js`].map((file) => path.join(STATIC_RESOURCES, file));
    return candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
}

const loadScript = jest.fn((component, url) => {
    const file = resourceFile(url);
    if (!file) {
        return Promise.reject(
            new Error(`No static resource file for ${url} in ${STATIC_RESOURCES}`)
        );
    }
    const script = document.createElement('script');
    script.textContent = fs.readFileSync(file, 'utf8');
    document.head.appendChild(script);
    return Promise.resolve();
});

const loadStyle = jest.fn(() => Promise.resolve());

module.exports = { loadScript, loadStyle };
