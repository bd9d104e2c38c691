// lightning/navigation for the playground: record pages of Accounts open the playground's page
// for that Account; web pages open as links; anything else is ignored.
const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

function urlOf(pageReference) {
    const { type, attributes = {} } = pageReference || {};
    if (type === 'standard__webPage') return attributes.url;
    if (type === 'standard__recordPage' && String(attributes.recordId || '').startsWith('001')) {
        return `/?account=${encodeURIComponent(attributes.recordId)}`;
    }
    return null;
}

export const NavigationMixin = (Base) =>
    class extends Base {
        [Navigate](pageReference, replace) {
            const url = urlOf(pageReference);
            if (!url) return;
            if (replace) window.location.replace(url);
            else window.location.assign(url);
        }
        [GenerateUrl](pageReference) {
            return Promise.resolve(urlOf(pageReference));
        }
    };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

export class CurrentPageReference {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }
    connect() {
        const page = window.__PLAYGROUND__ || {};
        this.dataCallback({
            type: 'standard__recordPage',
            attributes: { recordId: page.accountId, objectApiName: 'Account', actionName: 'view' },
            state: {}
        });
    }
    disconnect() {}
    update() {}
}
