// lightning/refresh for the playground: the page records refresh requests (there is no other
// component on the mock record page to refresh).
export const REFRESH_COMPLETE = 'RefreshComplete';
export const REFRESH_COMPLETE_WITH_ERRORS = 'RefreshCompleteWithErrors';
export const REFRESH_ERROR = 'RefreshError';
export const REFRESH_EVENT = 'lightning__refreshevent';

export class RefreshEvent extends CustomEvent {
    constructor(detail) {
        super(REFRESH_EVENT, { bubbles: true, composed: true, cancelable: true, detail });
    }
}

export function registerRefreshContainer() {}
export function unregisterRefreshContainer() {}
export function registerRefreshHandler() {
    return 0;
}
export function unregisterRefreshHandler() {}
