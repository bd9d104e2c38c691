// The record page's tabs (Related, Details), switched as Lightning's tabset does: a click or the
// arrow keys select a tab and show its panel; the other panels stay in the page, hidden.
(function recordTabs() {
    for (const tabset of document.querySelectorAll('[data-id="record-tabs"]')) {
        const tabs = Array.from(tabset.querySelectorAll('[role="tab"]'));
        const select = (chosen) => {
            for (const tab of tabs) {
                const selected = tab === chosen;
                tab.setAttribute('aria-selected', String(selected));
                tab.tabIndex = selected ? 0 : -1;
                tab.parentElement.classList.toggle('slds-is-active', selected);
                const panel = document.getElementById(tab.getAttribute('aria-controls'));
                panel.classList.toggle('slds-show', selected);
                panel.classList.toggle('slds-hide', !selected);
            }
            chosen.focus();
        };
        tabs.forEach((tab, index) => {
            tab.addEventListener('click', (event) => {
                event.preventDefault();
                select(tab);
            });
            tab.addEventListener('keydown', (event) => {
                const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
                if (!step) return;
                event.preventDefault();
                select(tabs[(index + step + tabs.length) % tabs.length]);
            });
        });
    }
})();
