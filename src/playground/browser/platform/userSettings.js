// The user's Salesforce settings the page lists (time zone, locale), as an org gives them to
// @salesforce/i18n/timeZone and @salesforce/i18n/locale: every time on the page, the component's
// and the base components', is then in the user's zone whatever the browser's own zone is.
export function userSetting(name, fallback) {
    const data = document.getElementById('playground-data');
    const user = (data && JSON.parse(data.textContent).user) || {};
    return user[name] || fallback;
}
