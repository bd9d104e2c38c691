// The card's states: loading, data, no billing accounts, no permission, Zuora not configured,
// Apex error; the bridge is the real built static resource, loaded once.
import getSyncContext from '@salesforce/apex/OnDemandSyncController.getSyncContext';
import {
    LABEL,
    ACCOUNT_ID,
    OTHER_ACCOUNT_ID,
    copy,
    flushPromises,
    mountCard,
    $,
    useCardTestClock
} from '../../../../../test/onDemandSyncTestKit';

jest.mock('../labels', () =>
    require('../../../../../test/jest-mocks/customLabels').withLabelTexts(
        jest.requireActual('../labels')
    )
);

jest.mock('../../onDemandSyncList/labels', () =>
    require('../../../../../test/jest-mocks/customLabels').withLabelTexts(
        jest.requireActual('../../onDemandSyncList/labels')
    )
);

const CONTEXT = require('./data/getSyncContext.json');
const EMPTY = require('./data/getSyncContextNoBillingAccounts.json');
const NO_PERMISSION = require('./data/getSyncContextNoPermission.json');
const NOT_CONFIGURED = require('./data/getSyncContextNotConfigured.json');

describe('c-on-demand-sync states', () => {
    useCardTestClock();

    it('shows a spinner while loading, after one getSyncContext call for the record', async () => {
        getSyncContext.mockReturnValue(new Promise(() => {}));
        const element = await mountCard();

        const spinner = $(element, 'loading').querySelector('lightning-spinner');
        expect(spinner.alternativeText).toBe(LABEL.OnDemandSync_UI_Loading);
        expect(getSyncContext).toHaveBeenCalledTimes(1);
        expect(getSyncContext).toHaveBeenCalledWith({ accountId: ACCOUNT_ID });
        expect($(element, 'table')).toBeNull();
    });

    it('shows the billing accounts with their sync state once loaded', async () => {
        getSyncContext.mockResolvedValue(copy(CONTEXT));
        const element = await mountCard();

        const table = $(element, 'table');
        expect(table.keyField).toBe('id');
        expect(table.data.map((row) => row.name)).toEqual([
            'Acme EU',
            'Acme US',
            'Acme Latam (not yet in Zuora)',
            'Acme APAC'
        ]);
        const eu = table.data[0];
        expect(eu).toMatchObject({
            accountNumber: 'A00000101',
            status: 'Active',
            balance: 1250.5,
            currencyIsoCode: 'EUR',
            lastModified: '2026-11-19T16:42:00.000Z',
            syncState: LABEL.OnDemandSync_UI_StateReady,
            selectable: true
        });
        expect(table.columns.map((column) => column.label)).toEqual([
            LABEL.OnDemandSync_UI_ColumnName,
            LABEL.OnDemandSync_UI_ColumnStatus,
            LABEL.OnDemandSync_UI_ColumnBalance,
            LABEL.OnDemandSync_UI_ColumnLastUpdated,
            LABEL.OnDemandSync_UI_ColumnSyncState
        ]);
        const balance = table.columns.find((column) => column.fieldName === 'balance');
        expect(balance.typeAttributes.currencyCode).toEqual({ fieldName: 'currencyIsoCode' });
        expect(getSyncContext).toHaveBeenCalledTimes(1);
        // The real bridge runs in the test window, loaded from the built static resource.
        expect(typeof window.OnDemandSyncBridge.requestSync).toBe('function');
    });

    it('is accessible with data', async () => {
        getSyncContext.mockResolvedValue(copy(CONTEXT));
        const element = await mountCard();
        await expect(element).toBeAccessible();
    });

    it('uses the design attributes: card title and maximum selection', async () => {
        getSyncContext.mockResolvedValue(copy(CONTEXT));
        const element = await mountCard({ cardTitle: 'Billing sync', maxSelection: 3 });
        expect(element.shadowRoot.querySelector('lightning-card').title).toBe('Billing sync');
        expect($(element, 'table').maxRowSelection).toBe(3);
    });

    it('falls back to the label title and caps the maximum at the org setting', async () => {
        const context = copy(CONTEXT);
        context.settings.uiSessionCap = 5;
        getSyncContext.mockResolvedValue(context);
        const element = await mountCard({ cardTitle: '  ', maxSelection: 12 });
        expect(element.shadowRoot.querySelector('lightning-card').title).toBe(
            LABEL.OnDemandSync_UI_CardTitle
        );
        expect($(element, 'table').maxRowSelection).toBe(5);
    });

    it('shows a compact list in a narrow region of the record page', async () => {
        getSyncContext.mockResolvedValue(copy(CONTEXT));
        const narrow = await mountCard({ flexipageRegionWidth: 'SMALL' });
        const list = $(narrow, 'table');
        expect(list.tagName).toBe('C-ON-DEMAND-SYNC-LIST');
        const items = [...list.shadowRoot.querySelectorAll('[data-id="list-item"]')];
        expect(
            items.map((item) => item.querySelector('[data-id="list-name"]').textContent)
        ).toEqual(['Acme EU', 'Acme US', 'Acme Latam (not yet in Zuora)', 'Acme APAC']);
        // The explanation has a line of its own; the checkbox says which account it selects.
        const latam = items[2];
        expect(latam.querySelector('[data-id="list-detail"]').textContent).toContain(
            LABEL.OnDemandSync_UI_DetailNoZuoraId
        );
        expect(latam.querySelector('lightning-input').disabled).toBe(true);
        expect(items[0].querySelector('lightning-input').label).toBe('Select Acme EU');
        await expect(narrow).toBeAccessible();

        const wide = await Promise.all(
            ['MEDIUM', 'LARGE', undefined].map((width) =>
                mountCard({ flexipageRegionWidth: width })
            )
        );
        wide.forEach((card) => expect($(card, 'table').columns).toHaveLength(5));
    });

    it('selects from the compact list as from the table', async () => {
        getSyncContext.mockResolvedValue(copy(CONTEXT));
        const element = await mountCard({ flexipageRegionWidth: 'SMALL' });
        const list = $(element, 'table');
        const checkbox = list.shadowRoot.querySelector('lightning-input[data-row-id]');
        checkbox.checked = true;
        checkbox.dispatchEvent(new CustomEvent('change'));
        await flushPromises();
        expect(list.selectedRows).toEqual([checkbox.dataset.rowId]);
        expect($(element, 'sync').disabled).toBe(false);
    });

    it('holds the selection cap in the compact list: the other checkboxes wait', async () => {
        getSyncContext.mockResolvedValue(copy(CONTEXT));
        const element = await mountCard({ flexipageRegionWidth: 'SMALL', maxSelection: 1 });
        const list = $(element, 'table');
        const boxes = () => [...list.shadowRoot.querySelectorAll('lightning-input[data-row-id]')];
        const first = boxes().find((box) => !box.disabled);
        first.checked = true;
        first.dispatchEvent(new CustomEvent('change'));
        await flushPromises();
        expect(list.selectedRows).toEqual([first.dataset.rowId]);
        // At the cap only the chosen row stays changeable, as in the table.
        expect(boxes().filter((box) => !box.disabled)).toEqual([first]);
        expect(boxes().filter((box) => box.checked)).toEqual([first]);
        expect($(element, 'keyboard-help').textContent).toContain('up to 1');
        expect($(element, 'keyboard-help').textContent).not.toContain('arrow keys');
    });

    it('names each checkbox after its billing account, whatever the name holds', async () => {
        const context = copy(CONTEXT);
        context.billingAccounts[0].name = 'Acme $& Sons';
        getSyncContext.mockResolvedValue(context);
        const element = await mountCard({ flexipageRegionWidth: 'SMALL' });
        const box = $(element, 'table').shadowRoot.querySelector('lightning-input[data-row-id]');
        expect(box.label).toBe('Select Acme $& Sons');
    });

    it('switches between the table and the list when the region width changes', async () => {
        getSyncContext.mockResolvedValue(copy(CONTEXT));
        const element = await mountCard({ flexipageRegionWidth: 'LARGE' });
        expect($(element, 'table').tagName).toBe('C-ON-DEMAND-SYNC-TABLE');
        element.flexipageRegionWidth = 'SMALL';
        await flushPromises();
        expect($(element, 'table').tagName).toBe('C-ON-DEMAND-SYNC-LIST');
    });

    it('tells keyboard users how to reach the rows and select them', async () => {
        getSyncContext.mockResolvedValue(copy(CONTEXT));
        const element = await mountCard();
        const help = $(element, 'keyboard-help');
        expect(help.classList).toContain('slds-assistive-text');
        expect(help.textContent).toContain('press Space');
        expect(help.textContent).toContain('up to 8');
    });

    it('says so when the Account has no billing accounts', async () => {
        getSyncContext.mockResolvedValue(copy(EMPTY));
        const element = await mountCard();
        const notice = $(element, 'notice');
        expect(notice.dataset.state).toBe('empty');
        expect(notice.textContent).toContain(LABEL.OnDemandSync_UI_EmptyTitle);
        expect(notice.textContent).toContain(LABEL.OnDemandSync_UI_EmptyMessage);
        expect($(element, 'table')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('explains a missing permission instead of offering a sync', async () => {
        getSyncContext.mockResolvedValue(copy(NO_PERMISSION));
        const element = await mountCard();
        const notice = $(element, 'notice');
        expect(notice.dataset.state).toBe('noPermission');
        expect(notice.textContent).toContain(LABEL.OnDemandSync_UI_NoPermissionTitle);
        expect(notice.textContent).toContain(LABEL.OnDemandSync_UI_NoPermissionMessage);
        expect($(element, 'sync')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('explains a missing permission when the org refuses the Apex class itself', async () => {
        // A rep without the permission set has no access to the controller class at all.
        getSyncContext.mockRejectedValue({
            status: 403,
            body: {
                message: "You do not have access to the Apex class named 'OnDemandSyncController'."
            }
        });
        const element = await mountCard();
        const notice = $(element, 'notice');
        expect(notice.dataset.state).toBe('noPermission');
        expect(notice.textContent).toContain(LABEL.OnDemandSync_UI_NoPermissionMessage);
        expect($(element, 'error')).toBeNull();
        expect($(element, 'sync')).toBeNull();
    });

    it('explains that Zuora is not configured in this org', async () => {
        getSyncContext.mockResolvedValue(copy(NOT_CONFIGURED));
        const element = await mountCard();
        const notice = $(element, 'notice');
        expect(notice.dataset.state).toBe('notConfigured');
        expect(notice.textContent).toContain(LABEL.OnDemandSync_UI_NotConfiguredTitle);
        expect(notice.textContent).toContain(LABEL.OnDemandSync_UI_NotConfiguredMessage);
        expect($(element, 'table')).toBeNull();
    });

    it('shows an Apex error in the error panel, with the details for an admin', async () => {
        getSyncContext.mockRejectedValue({
            status: 500,
            body: {
                message: 'Attempt to de-reference a null object',
                exceptionType: 'System.NullPointerException'
            }
        });
        const element = await mountCard();

        const panel = $(element, 'error');
        expect(panel.dataset.state).toBe('loadError');
        expect(panel.title).toBe(LABEL.OnDemandSync_UI_LoadErrorTitle);
        expect(panel.message).toBe('Attempt to de-reference a null object');
        expect($(element, 'table')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('words an unreachable server for a rep and loads again on Try again', async () => {
        getSyncContext.mockRejectedValueOnce(new TypeError('Failed to fetch'));
        const element = await mountCard();
        expect($(element, 'error').message).toBe(LABEL.OnDemandSync_UI_Msg_ErrorNetwork);
        expect($(element, 'error').details).toEqual(['Failed to fetch']);

        getSyncContext.mockResolvedValue(copy(CONTEXT));
        $(element, 'retry').click();
        await flushPromises();
        expect($(element, 'error')).toBeNull();
        expect($(element, 'table').data).toHaveLength(4);
        expect(getSyncContext).toHaveBeenCalledTimes(2);
    });

    it('says the Account is not found, with no Try again, when the org refuses it as NOT_FOUND', async () => {
        getSyncContext.mockRejectedValue({
            status: 500,
            body: {
                message: LABEL.OnDemandSync_Error_AccountNotFound,
                exceptionType: 'System.AuraHandledException'
            }
        });
        const element = await mountCard();
        const notice = $(element, 'notice');
        expect(notice.dataset.state).toBe('notFound');
        expect(notice.textContent).toContain(LABEL.OnDemandSync_UI_NotFoundTitle);
        expect(notice.textContent).toContain(LABEL.OnDemandSync_Error_AccountNotFound);
        expect(notice.textContent).not.toContain(LABEL.OnDemandSync_UI_EmptyTitle);
        expect($(element, 'retry')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says a malformed record id is not an Account, with no Try again that cannot succeed', async () => {
        const malformed = '001-not-an-id';
        getSyncContext.mockRejectedValue({
            status: 500,
            body: {
                message: LABEL.OnDemandSync_Error_InvalidAccountId.replace('{0}', malformed),
                exceptionType: 'System.AuraHandledException'
            }
        });
        const element = await mountCard({ recordId: malformed });
        const notice = $(element, 'notice');
        expect(notice.dataset.state).toBe('invalidRecord');
        expect(notice.textContent).toContain(LABEL.OnDemandSync_UI_InvalidRecordTitle);
        expect(notice.textContent).toContain(`${malformed} is not a valid Account id.`);
        expect($(element, 'retry')).toBeNull();
    });

    it('loads again when the record changes', async () => {
        getSyncContext.mockResolvedValue(copy(CONTEXT));
        const element = await mountCard();
        getSyncContext.mockResolvedValue(copy(EMPTY));
        element.recordId = OTHER_ACCOUNT_ID;
        await flushPromises();
        expect(getSyncContext).toHaveBeenLastCalledWith({ accountId: OTHER_ACCOUNT_ID });
        expect($(element, 'notice').dataset.state).toBe('empty');
    });
});
