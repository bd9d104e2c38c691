import { createElement } from 'lwc';
import OnDemandSyncLimits from 'c/onDemandSyncLimits';

jest.mock('../labels', () =>
    require('../../../../../test/jest-mocks/customLabels').withLabelTexts(
        jest.requireActual('../labels')
    )
);

const { labelTexts } = require('../../../../../test/jest-mocks/customLabels');

const LABEL = labelTexts();
const LIMITS = [
    { name: 'DailyApiRequests', scope: 'org', used: 14400, max: 15000 },
    { name: 'Callouts', scope: 'transaction', used: 3, max: 100 }
];
const WARNINGS = [
    {
        code: 'LIMIT_CRITICAL',
        severity: 'error',
        name: 'DailyApiRequests',
        scope: 'org',
        used: 14400,
        max: 15000,
        percent: 96,
        message: "Your org has used 96% of today's API requests; syncs may fail until tomorrow."
    }
];

const $$ = (element, id) => [...element.shadowRoot.querySelectorAll(`[data-id="${id}"]`)];

function render(props) {
    const element = createElement('c-on-demand-sync-limits', { is: OnDemandSyncLimits });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

describe('c-on-demand-sync-limits', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows warnings worded for a rep, and the numbers for an admin', async () => {
        const element = render({ warnings: WARNINGS, limits: LIMITS, showNumbers: true });
        await Promise.resolve();

        const [warning] = $$(element, 'warning');
        expect(warning.textContent).toBe(WARNINGS[0].message);
        const icon = warning.querySelector('lightning-icon');
        expect(icon.iconName).toBe('utility:error');
        expect(icon.alternativeText).toBe('Error');

        const summary = element.shadowRoot.querySelector('summary');
        expect(summary.textContent).toBe('Salesforce limits (for admins)');
        const cells = $$(element, 'limit-row').map((row) =>
            [...row.children].map((cell) => cell.textContent)
        );
        expect(cells).toEqual([
            ['Daily API requests', 'Org, today', '14,400', '15,000', '96'],
            ['Callouts', 'Last sync request', '3', '100', '3']
        ]);
        // The API name stays at hand for admins.
        expect($$(element, 'limit-row').map((row) => row.children[0].title)).toEqual([
            'DailyApiRequests',
            'Callouts'
        ]);
        await expect(element).toBeAccessible();
    });

    it('names each limit readably from its Custom Label, and an unknown one by its API name', async () => {
        const limits = [
            'DailyApiRequests',
            'DailyAsyncApexExecutions',
            'Callouts',
            'SoqlQueries',
            'DmlStatements',
            'CpuTime',
            'HeapSize',
            'QueueableJobs'
        ].map((name) => ({ name, scope: 'transaction', used: 1, max: 10 }));
        const element = render({ warnings: [], limits, showNumbers: true });
        await Promise.resolve();

        const names = $$(element, 'limit-row').map((row) => row.children[0]);
        expect(names.map((cell) => cell.textContent)).toEqual([
            LABEL.OnDemandSync_UI_LimitName_DailyApiRequests,
            LABEL.OnDemandSync_UI_LimitName_DailyAsyncApexExecutions,
            LABEL.OnDemandSync_UI_LimitName_Callouts,
            LABEL.OnDemandSync_UI_LimitName_SoqlQueries,
            LABEL.OnDemandSync_UI_LimitName_DmlStatements,
            LABEL.OnDemandSync_UI_LimitName_CpuTime,
            LABEL.OnDemandSync_UI_LimitName_HeapSize,
            'QueueableJobs'
        ]);
        expect(names.map((cell) => cell.title)).toEqual(limits.map((limit) => limit.name));
        expect(LABEL.OnDemandSync_UI_LimitName_SoqlQueries).toBe('SOQL queries');
    });

    it('shows only the warnings when the numbers are turned off', async () => {
        const element = render({ warnings: WARNINGS, limits: LIMITS, showNumbers: false });
        await Promise.resolve();
        expect($$(element, 'warning')).toHaveLength(1);
        expect($$(element, 'numbers')).toHaveLength(0);
    });

    it('shows nothing without warnings and readings', async () => {
        const element = render({ warnings: [], limits: [], showNumbers: true });
        await Promise.resolve();
        expect(element.shadowRoot.children).toHaveLength(0);
    });
});
