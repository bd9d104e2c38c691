// lightning/refresh for component tests: RefreshEvent is a real event tests can listen for
// (event name 'lightning__refresh', like the platform's).
const RefreshEventName = 'lightning__refresh';

class RefreshEvent extends CustomEvent {
    constructor() {
        super(RefreshEventName, { bubbles: true, composed: true, cancelable: true });
    }
}

const registerRefreshHandler = jest.fn(() => 0);
const unregisterRefreshHandler = jest.fn();
const registerRefreshContainer = jest.fn(() => 0);
const unregisterRefreshContainer = jest.fn();

module.exports = {
    RefreshEvent,
    RefreshEventName,
    registerRefreshHandler,
    unregisterRefreshHandler,
    registerRefreshContainer,
    unregisterRefreshContainer
};
