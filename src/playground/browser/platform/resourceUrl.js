// @salesforce/resourceUrl/<Name> for the playground: the page lists each static resource's URL,
// stamped with its version as the org stamps it (/resource/<stamp>/<Name>), so that app.js stays
// the same when a resource changes and the browser can keep both cached.
let urls = null;

export function resourceUrl(name) {
    if (!urls) {
        const data = document.getElementById('playground-data');
        urls = (data && JSON.parse(data.textContent).resources) || {};
    }
    return urls[name] || `/resource/${name}`;
}
