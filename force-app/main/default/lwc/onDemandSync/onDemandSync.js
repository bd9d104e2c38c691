import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { RefreshEvent } from 'lightning/refresh';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getSyncContext from '@salesforce/apex/OnDemandSyncController.getSyncContext';
import requestSyncApex from '@salesforce/apex/OnDemandSyncController.requestSync';
import { BRIDGE_MESSAGES, LABELS } from './labels';
import { BRIDGE_TIMEOUT_MS, loadBridge } from './bridgeLoader';
import { COLUMNS } from './columns';
import { isCompactRegion } from './layout';
import { describeFailure } from './errors';
import { FOLLOW_UP_WINDOW_MS, FollowUp } from './followUp';
import {
    afterRead,
    afterSync,
    afterTimeout,
    clearSending,
    markSending,
    pendingKeys
} from './outcomes';
import { PAGE_SIZE, buildRows, filterRows, nextCooldownEnd, rowKey, sortRows } from './rows';
import { limitsBySource } from './limits';
import { clampWhole } from './settings';
import { STATE, noticeFor, stateOfRefusal } from './states';
import { summaryToast } from './toast';

/** Zuora's cap for one on-demand sync from the Account page (the bridge's UI_SESSION_CAP). */
const PAGE_CAP = 8;
/** More rows than one sync can take: the filter box appears. */
const MANY_ROWS = PAGE_CAP;
const FOLLOW_UP_MINUTES = FOLLOW_UP_WINDOW_MS / 60000;

export default class OnDemandSync extends LightningElement {
    /** Card title (design attribute); blank falls back to the Custom Label. */
    @api cardTitle;
    /** Most billing accounts one sync may take (design attribute, 1 to 8). */
    @api maxSelection = PAGE_CAP;
    /** Share of a limit, in percent, from which a warning shows (design attribute, 50 to 100). */
    @api warningThresholdPercent = 80;
    /** Width of the record page region holding the card ('SMALL', 'MEDIUM' or 'LARGE'); set by Lightning. */
    @api flexipageRegionWidth;

    /** Whether the limits panel shows to users allowed to see it (design attribute, default on). */
    @api
    get showLimitsPanel() {
        return this._showLimitsPanel;
    }
    set showLimitsPanel(value) {
        this._showLimitsPanel = value !== false && value !== 'false';
    }

    @api
    get recordId() {
        return this._recordId;
    }
    set recordId(value) {
        const changed = value !== this._recordId;
        this._recordId = value;
        if (changed && this.connected) {
            this.forgetSyncs();
            this.load();
        }
    }

    labels = LABELS;
    state = STATE.LOADING;
    failure = null;
    context = null;
    outcomes = {};
    rows = [];
    /** Every row the filter lets through, sorted; the table draws the first `shownCount`. */
    matchingRows = [];
    visibleRows = [];
    shownCount = PAGE_SIZE;
    disabledIds = [];
    selectedIds = [];
    filterText = '';
    sortedBy;
    sortedDirection = 'asc';
    syncing = false;
    syncError = null;
    summary = null;
    orgLimits = [];
    syncLimits = [];
    selectionNotice = '';
    announcement = '';
    followUpState = null;
    /** data-id of the element that takes the focus after the next render (a sync's result). */
    focusTarget = null;

    _showLimitsPanel = true;
    _recordId;
    bridge = null;
    connected = false;
    loadToken = 0;
    /** Changes with the record: a sync's answer for another record is not shown. */
    syncToken = 0;
    syncInFlight = false;
    followUp = null;
    cooldownTimer = null;

    connectedCallback() {
        this.connected = true;
        this.load();
    }

    /** After a sync the focus goes to its result, not to the page body it fell to. */
    renderedCallback() {
        if (!this.focusTarget) {
            return;
        }
        const target = this.template.querySelector(`[data-id="${this.focusTarget}"]`);
        if (target) {
            this.focusTarget = null;
            target.focus();
        }
    }

    disconnectedCallback() {
        this.connected = false;
        this.loadToken += 1;
        this.stopTimers();
    }

    // ---- loading ----------------------------------------------------------------------------

    /** Loads the bridge and the sync context in parallel: one Apex round trip. */
    async load() {
        if (!this.recordId) {
            return;
        }
        const token = ++this.loadToken;
        this.state = STATE.LOADING;
        this.failure = null;
        const contextPromise = getSyncContext({ accountId: this.recordId });
        // Handled below once the bridge is in; this keeps an early failure from being reported
        // as an unhandled rejection while the bridge is still loading.
        contextPromise.catch(() => {});
        let bridge;
        try {
            bridge = await loadBridge(this, BRIDGE_TIMEOUT_MS);
        } catch (error) {
            if (token === this.loadToken) {
                this.fail(STATE.BRIDGE_ERROR, LABELS.bridgeErrorTitle, error);
            }
            return;
        }
        this.bridge = bridge;
        try {
            const context = await contextPromise;
            if (token === this.loadToken) {
                this.applyContext(context);
            }
        } catch (error) {
            if (token === this.loadToken) {
                this.fail(STATE.LOAD_ERROR, LABELS.loadErrorTitle, error);
            }
        }
    }

    fail(state, title, error) {
        const described = describeFailure(error, this.bridge, BRIDGE_MESSAGES);
        if (state === STATE.LOAD_ERROR && described.code === 'INSUFFICIENT_ACCESS') {
            // The org refused the controller itself: the rep lacks the permission set.
            this.failure = null;
            this.state = STATE.NO_PERMISSION;
            return;
        }
        const refusal =
            state === STATE.LOAD_ERROR &&
            stateOfRefusal(described.message, this.bridge && this.bridge.format, this.recordId);
        if (refusal) {
            // Not this Account's billing accounts, and no "Try again" that cannot succeed.
            this.failure = null;
            this.state = refusal;
            return;
        }
        const message =
            state === STATE.BRIDGE_ERROR ? LABELS.bridgeErrorMessage : described.message;
        this.failure = { title, message, details: described.details };
        this.state = state;
    }

    applyContext(context) {
        const data = context || {};
        this.context = data;
        this.orgLimits = limitsBySource(this.bridge, data.limits).org;
        if (data.hasPermission === false) {
            this.state = STATE.NO_PERMISSION;
        } else if (data.zuoraConfigured === false) {
            this.state = STATE.NOT_CONFIGURED;
        } else if (!(data.billingAccounts || []).length) {
            this.state = STATE.EMPTY;
        } else {
            this.state = STATE.READY;
        }
        this.refreshRows();
    }

    handleRetry() {
        this.load();
    }

    /** Billing accounts of the Account that have a Zuora id (what a background job covers). */
    get syncableCount() {
        const accounts = (this.context && this.context.billingAccounts) || [];
        return accounts.filter((account) => account.zuoraId).length;
    }

    /** A background job's counts changed: read the rows again, without a spinner. */
    async handleBackgroundProgress() {
        const token = this.loadToken;
        try {
            const context = await getSyncContext({ accountId: this.recordId });
            if (token === this.loadToken && this.connected) {
                this.applyContext(context);
            }
        } catch {
            // The next progress event or a reload reads the rows again.
        }
    }

    // ---- rows, filter, sort, selection ------------------------------------------------------

    refreshRows() {
        const now = Date.now();
        const accounts = this.context ? this.context.billingAccounts : [];
        this.rows = buildRows(accounts, this.outcomes, {
            bridge: this.bridge,
            now,
            followUpMinutes: FOLLOW_UP_MINUTES
        });
        const selectable = new Set(this.rows.filter((row) => row.selectable).map((row) => row.id));
        // While a sync is in flight, no checkbox can change the selection it sent.
        this.disabledIds = this.rows
            .filter((row) => this.syncing || !row.selectable)
            .map((row) => row.id);
        if (this.selectedIds.some((id) => !selectable.has(id))) {
            this.selectedIds = this.selectedIds.filter((id) => selectable.has(id));
        }
        this.updateVisibleRows();
        this.scheduleCooldownRefresh(now);
    }

    updateVisibleRows() {
        const filtered = filterRows(this.rows, this.filterText, this.selectedIds);
        this.matchingRows = sortRows(filtered, this.sortedBy, this.sortedDirection);
        this.visibleRows = this.matchingRows.slice(0, this.shownCount);
    }

    /** The rep scrolled to the end of the drawn rows: draw the next page. */
    handleLoadMore() {
        if (this.hasMoreRows) {
            this.shownCount += PAGE_SIZE;
            this.updateVisibleRows();
        }
    }

    /** Rows whose cooldown ends become selectable again without a reload. */
    scheduleCooldownRefresh(now) {
        clearTimeout(this.cooldownTimer);
        const wait = nextCooldownEnd(this.rows, now);
        if (wait !== null && this.connected) {
            // The cooldown ends at a known time; a timer is the way to wait for it.
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            this.cooldownTimer = setTimeout(() => this.refreshRows(), wait + 1000);
        }
    }

    handleFilterChange(event) {
        this.filterText = event.detail.value || '';
        this.shownCount = PAGE_SIZE;
        this.updateVisibleRows();
    }

    handleSort(event) {
        this.sortedBy = event.detail.fieldName;
        this.sortedDirection = event.detail.sortDirection;
        this.shownCount = PAGE_SIZE;
        this.updateVisibleRows();
    }

    handleRowSelection(event) {
        if (this.syncing) {
            // Rows are disabled while a sync is in flight; the table is told the selection again.
            this.selectedIds = [...this.selectedIds];
            return;
        }
        // The table speaks only for the rows it draws: selections further down stay.
        const drawn = new Set(this.visibleRows.map((row) => row.id));
        const chosen = [
            ...this.selectedIds.filter((id) => !drawn.has(id)),
            ...event.detail.selectedRows.map((row) => row.id)
        ];
        const byId = new Map(this.rows.map((row) => [row.id, row]));
        const rejected = chosen.filter((id) => !(byId.get(id) || {}).selectable);
        const allowed = chosen.filter((id) => !rejected.includes(id));
        // Earlier choices win when more than the cap arrive at once.
        const ordered = [
            ...this.selectedIds.filter((id) => allowed.includes(id)),
            ...allowed.filter((id) => !this.selectedIds.includes(id))
        ];
        const max = this.maxRowSelection;
        const next = ordered.slice(0, max);
        let notice = '';
        if (rejected.length) {
            const row = byId.get(rejected[0]);
            notice = this.bridge.format(
                LABELS.selectionNotSyncable,
                row ? row.name : rejected[0],
                row ? row.syncDetail || row.syncState : ''
            );
        } else if (
            next.length >= max &&
            this.rows.some((row) => row.selectable && !next.includes(row.id))
        ) {
            notice = this.bridge.format(LABELS.selectionCapReached, max);
        }
        this.selectedIds = next;
        if (notice !== this.selectionNotice) {
            this.selectionNotice = notice;
            if (notice) {
                this.announce(notice);
            }
        }
        if (this.filterText) {
            this.updateVisibleRows();
        }
    }

    // ---- sync ---------------------------------------------------------------------------------

    async handleSync() {
        // One request per click: the flag is set before anything asynchronous happens, so double
        // clicks and a held-down Enter key cannot send a second request.
        if (this.syncInFlight || !this.bridge) {
            return;
        }
        const check = this.selectionCheck;
        if (!check.ok) {
            this.announce(check.message);
            return;
        }
        const token = this.syncToken;
        this.syncInFlight = true;
        this.syncing = true;
        this.syncError = null;
        this.summary = null;
        const ids = [...this.selectedIds];
        const before = this.outcomes;
        this.outcomes = markSending(
            before,
            ids.map((id) => rowKey(this.bridge, id))
        );
        this.refreshRows();
        try {
            const outcome = await this.bridge.requestSync(
                (request) =>
                    requestSyncApex({
                        accountId: this.recordId,
                        billingAccountIds: [...request.ids]
                    }),
                { objectType: 'BILLING_ACCOUNT', ids, source: 'UI' },
                { max: this.maxRowSelection, messages: BRIDGE_MESSAGES }
            );
            if (this.connected && token === this.syncToken) {
                this.endSync();
                this.applyOutcome(outcome, ids.length);
            }
        } catch (error) {
            if (this.connected && token === this.syncToken) {
                this.endSync();
                this.applySyncError(error, before, ids);
            }
        } finally {
            if (token === this.syncToken) {
                this.endSync();
            }
        }
    }

    /** The sync in flight is over (answered, failed, or left behind on another record). */
    endSync() {
        this.syncInFlight = false;
        if (this.syncing) {
            this.syncing = false;
            this.refreshRows();
        }
    }

    applyOutcome(outcome, selected) {
        const settings = this.settings;
        this.outcomes = afterSync(this.outcomes, outcome.results, {
            bridge: this.bridge,
            accounts: this.context.billingAccounts,
            now: Date.now(),
            cooldownMinutes: settings.cooldownMinutes
        });
        const readings = limitsBySource(this.bridge, outcome.limits);
        if (readings.org.length) {
            this.orgLimits = readings.org;
        }
        this.syncLimits = readings.transaction;
        this.summary = { ...this.bridge.summarise(outcome.results), selected };
        this.selectedIds = [];
        this.selectionNotice = '';
        this.refreshRows();
        const text = this.summaryText;
        this.dispatchEvent(new ShowToastEvent(summaryToast(this.summary, text)));
        this.announce(text);
        this.focusTarget = 'result-summary';
        if (this.summary.requested > 0) {
            this.startFollowUp();
        }
    }

    applySyncError(error, before, ids) {
        this.outcomes = clearSending(this.outcomes, before);
        // Nothing was synced: the same selection is ready for another try.
        this.selectedIds = ids;
        const described = describeFailure(error, this.bridge, BRIDGE_MESSAGES);
        if (described.code === 'INSUFFICIENT_ACCESS') {
            this.state = STATE.NO_PERMISSION;
        } else if (described.code === 'ZUORA_NOT_CONFIGURED') {
            this.state = STATE.NOT_CONFIGURED;
        } else {
            this.syncError = {
                title: LABELS.syncErrorTitle,
                message: described.message,
                details: described.details
            };
        }
        this.refreshRows();
        this.dispatchEvent(
            new ShowToastEvent({
                title: LABELS.syncErrorTitle,
                message: described.message,
                variant: 'error'
            })
        );
        this.announce(`${LABELS.syncErrorTitle}. ${described.message}`);
        this.focusTarget = this.syncError ? 'sync-error' : null;
    }

    // ---- follow-up ----------------------------------------------------------------------------

    startFollowUp() {
        if (!this.followUp) {
            this.followUp = new FollowUp({
                check: () => this.checkForNewData(),
                onFinish: (result) => this.finishFollowUp(result),
                onPause: (paused) => {
                    this.followUpState = paused ? 'paused' : 'running';
                }
            });
        }
        this.followUpState = 'running';
        this.followUp.start();
    }

    /** Reads the billing accounts again; resolves true when every requested row has new data. */
    async checkForNewData() {
        const token = this.loadToken;
        const context = await getSyncContext({ accountId: this.recordId });
        if (!this.connected || token !== this.loadToken || !context) {
            // Removed, or showing another record meanwhile: this answer is stale.
            return true;
        }
        this.context = { ...this.context, billingAccounts: context.billingAccounts || [] };
        const readings = limitsBySource(this.bridge, context.limits);
        if (readings.org.length) {
            this.orgLimits = readings.org;
        }
        const { outcomes, updated } = afterRead(
            this.outcomes,
            context.billingAccounts,
            this.bridge
        );
        this.outcomes = outcomes;
        this.refreshRows();
        if (updated.length) {
            this.refreshRecordPage(updated);
            this.announce(
                updated
                    .map((account) => this.bridge.format(LABELS.rowUpdated, account.name))
                    .join(' ')
            );
        }
        return pendingKeys(outcomes).length === 0;
    }

    finishFollowUp(result) {
        if (result === 'timedOut') {
            this.outcomes = afterTimeout(this.outcomes);
            this.refreshRows();
        }
        this.followUpState = result;
        this.announce(this.followUpText);
    }

    /** Lets the record page's other components show the new data. */
    refreshRecordPage(updatedAccounts) {
        this.dispatchEvent(new RefreshEvent());
        const records = [this.recordId, ...updatedAccounts.map((account) => account.id)];
        notifyRecordUpdateAvailable(records.map((recordId) => ({ recordId }))).catch(() => {
            // The RefreshEvent already asked the page to reload; nothing else to do.
        });
    }

    /** Another record: this view's syncs, selection and follow-up belong to the previous one. */
    forgetSyncs() {
        this.stopTimers();
        // A sync still in flight answers for the previous record: its answer is not shown here.
        this.syncToken += 1;
        this.syncInFlight = false;
        this.syncing = false;
        this.outcomes = {};
        this.selectedIds = [];
        this.selectionNotice = '';
        this.summary = null;
        this.syncError = null;
        this.syncLimits = [];
        this.followUpState = null;
    }

    stopTimers() {
        if (this.followUp) {
            this.followUp.stop();
        }
        clearTimeout(this.cooldownTimer);
        this.cooldownTimer = null;
    }

    announce(text) {
        this.announcement = text || '';
    }

    // ---- template getters ---------------------------------------------------------------------

    get title() {
        return this.cardTitle && this.cardTitle.trim() ? this.cardTitle : LABELS.cardTitle;
    }

    get columns() {
        return COLUMNS;
    }

    /** A phone or a narrow region gets the compact list instead of the table. */
    get compact() {
        return isCompactRegion(this.flexipageRegionWidth);
    }

    /** For keyboard and screen reader users: how to reach the rows and select them. */
    get keyboardHelp() {
        const help = this.compact ? LABELS.keyboardHelpList : LABELS.keyboardHelp;
        return this.bridge ? this.bridge.format(help, this.maxRowSelection) : '';
    }

    /** The last sync's result in one sentence ("3 selected: 2 requested, ..."). */
    get summaryText() {
        const summary = this.summary;
        if (!summary) {
            return '';
        }
        return this.bridge.format(
            LABELS.summary,
            summary.selected,
            summary.requested,
            summary.failed,
            summary.skipped + summary.notSent
        );
    }

    get isLoading() {
        return this.state === STATE.LOADING;
    }

    get notice() {
        return noticeFor(this.state, this.bridge && this.bridge.format, this.recordId);
    }

    /** Org settings, with Zuora's defaults when a value is missing. */
    get settings() {
        const settings = (this.context && this.context.settings) || {};
        return {
            uiSessionCap: clampWhole(settings.uiSessionCap, 1, PAGE_CAP, PAGE_CAP),
            cooldownMinutes: clampWhole(settings.cooldownMinutes, 0, 1440, 30),
            warningThresholdPercent: clampWhole(settings.warningThresholdPercent, 1, 100, 100)
        };
    }

    /** The design attribute, never above the org's cap nor the bridge's. */
    get maxRowSelection() {
        const design = clampWhole(this.maxSelection, 1, PAGE_CAP, PAGE_CAP);
        const bridgeCap = (this.bridge && this.bridge.UI_SESSION_CAP) || PAGE_CAP;
        return Math.min(design, this.settings.uiSessionCap, bridgeCap);
    }

    /** The stricter of the design attribute and the org setting. */
    get warningThreshold() {
        const design = clampWhole(this.warningThresholdPercent, 50, 100, 80);
        return Math.min(design, this.settings.warningThresholdPercent);
    }

    get selectionCheck() {
        return this.bridge.checkSelection(this.selectedIds, this.maxRowSelection, BRIDGE_MESSAGES);
    }

    get selectionStatus() {
        if (this.syncing) {
            return LABELS.syncReasonBusy;
        }
        if (!this.selectedIds.length && !this.rows.some((row) => row.selectable)) {
            // Every row is cooling down or cannot be synced: asking for a selection would mislead.
            return LABELS.nothingSelectable;
        }
        return this.selectionCheck.message;
    }

    get syncDisabled() {
        return this.syncing || !this.selectionCheck.ok;
    }

    get showFilter() {
        return this.rows.length > MANY_ROWS;
    }

    /** Half the card's width beside the button in a wide region; the whole width in a narrow one. */
    get filterClass() {
        return this.compact
            ? 'slds-col slds-size_1-of-1'
            : 'slds-col slds-size_1-of-1 slds-medium-size_1-of-2';
    }

    get filterStatus() {
        if (!this.filterText.trim()) {
            return '';
        }
        if (!this.matchingRows.length) {
            return this.bridge.format(LABELS.filterNoMatch, this.filterText.trim());
        }
        return this.bridge.format(LABELS.filterCount, this.matchingRows.length, this.rows.length);
    }

    get hasMoreRows() {
        return this.matchingRows.length > this.visibleRows.length;
    }

    /**
     * Infinite loading needs a table of fixed height to scroll in; the compact list takes its own
     * height (a page of rows, then Show more) as a related list in a narrow column does.
     */
    get tableAreaClass() {
        if (this.compact) {
            return 'slds-is-relative';
        }
        const paged = this.rows.length > PAGE_SIZE ? ' table-area_paged' : '';
        return `table-area slds-is-relative${paged}`;
    }

    /**
     * The limits panel is for admins: users with the Zuora_On_Demand_Sync_View_Limits permission
     * (the server says), where the design attribute leaves it on.
     */
    get showLimitNumbers() {
        return this.showLimitsPanel && Boolean(this.context && this.context.canViewLimits);
    }

    get panelLimits() {
        return [...this.orgLimits, ...this.syncLimits];
    }

    get warnings() {
        return this.bridge.limitWarnings(this.panelLimits, {
            threshold: this.warningThreshold,
            messages: BRIDGE_MESSAGES
        });
    }

    get partialFailureText() {
        const summary = this.summary;
        if (!summary || summary.requested === summary.total) {
            return '';
        }
        return this.bridge.format(
            LABELS.partialFailure,
            summary.total - summary.requested,
            summary.total
        );
    }

    get followUpText() {
        switch (this.followUpState) {
            case 'running':
                return this.bridge.format(LABELS.followUpRunning, FOLLOW_UP_MINUTES);
            case 'paused':
                return LABELS.followUpPaused;
            case 'done':
                return LABELS.followUpDone;
            case 'timedOut':
                return this.bridge.format(LABELS.followUpTimedOut, FOLLOW_UP_MINUTES);
            default:
                return '';
        }
    }
}
