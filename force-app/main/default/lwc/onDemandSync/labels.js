// Every text of the onDemandSync card is a Custom Label (OnDemandSync_UI_*).
// LABELS: the card's own texts. BRIDGE_MESSAGES: the texts the OnDemandSyncBridge produces,
// keyed by the bridge's message names; passed as its messages override map.
import CARD_TITLE from '@salesforce/label/c.OnDemandSync_UI_CardTitle';
import LOADING from '@salesforce/label/c.OnDemandSync_UI_Loading';
import SYNCING from '@salesforce/label/c.OnDemandSync_UI_Syncing';
import BRIDGE_ERROR_TITLE from '@salesforce/label/c.OnDemandSync_UI_BridgeErrorTitle';
import BRIDGE_ERROR_MESSAGE from '@salesforce/label/c.OnDemandSync_UI_BridgeErrorMessage';
import LOAD_ERROR_TITLE from '@salesforce/label/c.OnDemandSync_UI_LoadErrorTitle';
import SYNC_ERROR_TITLE from '@salesforce/label/c.OnDemandSync_UI_SyncErrorTitle';
import RETRY from '@salesforce/label/c.OnDemandSync_UI_Retry';
import NO_PERMISSION_TITLE from '@salesforce/label/c.OnDemandSync_UI_NoPermissionTitle';
import NO_PERMISSION_MESSAGE from '@salesforce/label/c.OnDemandSync_UI_NoPermissionMessage';
import NOT_CONFIGURED_TITLE from '@salesforce/label/c.OnDemandSync_UI_NotConfiguredTitle';
import NOT_CONFIGURED_MESSAGE from '@salesforce/label/c.OnDemandSync_UI_NotConfiguredMessage';
import EMPTY_TITLE from '@salesforce/label/c.OnDemandSync_UI_EmptyTitle';
import EMPTY_MESSAGE from '@salesforce/label/c.OnDemandSync_UI_EmptyMessage';
import NOT_FOUND_TITLE from '@salesforce/label/c.OnDemandSync_UI_NotFoundTitle';
import NOT_FOUND_MESSAGE from '@salesforce/label/c.OnDemandSync_Error_AccountNotFound';
import INVALID_RECORD_TITLE from '@salesforce/label/c.OnDemandSync_UI_InvalidRecordTitle';
import INVALID_RECORD_MESSAGE from '@salesforce/label/c.OnDemandSync_Error_InvalidAccountId';
import COLUMN_NAME from '@salesforce/label/c.OnDemandSync_UI_ColumnName';
import COLUMN_STATUS from '@salesforce/label/c.OnDemandSync_UI_ColumnStatus';
import COLUMN_BALANCE from '@salesforce/label/c.OnDemandSync_UI_ColumnBalance';
import COLUMN_LAST_UPDATED from '@salesforce/label/c.OnDemandSync_UI_ColumnLastUpdated';
import COLUMN_SYNC_STATE from '@salesforce/label/c.OnDemandSync_UI_ColumnSyncState';
import FILTER_LABEL from '@salesforce/label/c.OnDemandSync_UI_FilterLabel';
import FILTER_PLACEHOLDER from '@salesforce/label/c.OnDemandSync_UI_FilterPlaceholder';
import FILTER_COUNT from '@salesforce/label/c.OnDemandSync_UI_FilterCount';
import FILTER_NO_MATCH from '@salesforce/label/c.OnDemandSync_UI_FilterNoMatch';
import STATE_READY from '@salesforce/label/c.OnDemandSync_UI_StateReady';
import STATE_NO_ZUORA_ID from '@salesforce/label/c.OnDemandSync_UI_StateNoZuoraId';
import DETAIL_NO_ZUORA_ID from '@salesforce/label/c.OnDemandSync_UI_DetailNoZuoraId';
import STATE_COOLING_DOWN from '@salesforce/label/c.OnDemandSync_UI_StateCoolingDown';
import DETAIL_COOLING_DOWN from '@salesforce/label/c.OnDemandSync_UI_DetailCoolingDown';
import STATE_UNAVAILABLE from '@salesforce/label/c.OnDemandSync_UI_StateUnavailable';
import DETAIL_UNAVAILABLE from '@salesforce/label/c.OnDemandSync_UI_DetailUnavailable';
import STATE_SENDING from '@salesforce/label/c.OnDemandSync_UI_StateSending';
import STATE_REQUESTED from '@salesforce/label/c.OnDemandSync_UI_StateRequested';
import DETAIL_REQUESTED from '@salesforce/label/c.OnDemandSync_UI_DetailRequested';
import STATE_UPDATED from '@salesforce/label/c.OnDemandSync_UI_StateUpdated';
import DETAIL_UPDATED from '@salesforce/label/c.OnDemandSync_UI_DetailUpdated';
import DETAIL_UPDATED_COOLDOWN from '@salesforce/label/c.OnDemandSync_UI_DetailUpdatedCooldown';
import NOTE_SYNC_AGAIN from '@salesforce/label/c.OnDemandSync_UI_NoteSyncAgain';
import KEYBOARD_HELP from '@salesforce/label/c.OnDemandSync_UI_KeyboardHelp';
import KEYBOARD_HELP_LIST from '@salesforce/label/c.OnDemandSync_UI_KeyboardHelpList';
import SHOW_MORE from '@salesforce/label/c.OnDemandSync_UI_ShowMore';
import LIST_LABEL from '@salesforce/label/c.OnDemandSync_UI_ListLabel';
import STATE_NOT_ARRIVED from '@salesforce/label/c.OnDemandSync_UI_StateNotArrived';
import DETAIL_NOT_ARRIVED from '@salesforce/label/c.OnDemandSync_UI_DetailNotArrived';
import STATE_FAILED from '@salesforce/label/c.OnDemandSync_UI_StateFailed';
import STATE_SKIPPED from '@salesforce/label/c.OnDemandSync_UI_StateSkipped';
import SELECTION_CAP_REACHED from '@salesforce/label/c.OnDemandSync_UI_SelectionCapReached';
import SELECTION_NOT_SYNCABLE from '@salesforce/label/c.OnDemandSync_UI_SelectionNotSyncable';
import NOTHING_SELECTABLE from '@salesforce/label/c.OnDemandSync_UI_NothingSelectable';
import SYNC_BUTTON from '@salesforce/label/c.OnDemandSync_UI_SyncButton';
import SYNC_REASON_BUSY from '@salesforce/label/c.OnDemandSync_UI_SyncReasonBusy';
import TOAST_REQUESTED from '@salesforce/label/c.OnDemandSync_UI_ToastRequested';
import TOAST_PARTIAL from '@salesforce/label/c.OnDemandSync_UI_ToastPartial';
import TOAST_NONE from '@salesforce/label/c.OnDemandSync_UI_ToastNone';
import SUMMARY from '@salesforce/label/c.OnDemandSync_UI_Summary';
import PARTIAL_FAILURE from '@salesforce/label/c.OnDemandSync_UI_PartialFailure';
import FOLLOW_UP_RUNNING from '@salesforce/label/c.OnDemandSync_UI_FollowUpRunning';
import FOLLOW_UP_DONE from '@salesforce/label/c.OnDemandSync_UI_FollowUpDone';
import FOLLOW_UP_TIMED_OUT from '@salesforce/label/c.OnDemandSync_UI_FollowUpTimedOut';
import FOLLOW_UP_PAUSED from '@salesforce/label/c.OnDemandSync_UI_FollowUpPaused';
import ROW_UPDATED from '@salesforce/label/c.OnDemandSync_UI_RowUpdated';
import WARNING_LABEL from '@salesforce/label/c.OnDemandSync_UI_WarningLabel';
import ERROR_LABEL from '@salesforce/label/c.OnDemandSync_UI_ErrorLabel';
import INFO_LABEL from '@salesforce/label/c.OnDemandSync_UI_InfoLabel';
import MSG_ID_EMPTY from '@salesforce/label/c.OnDemandSync_UI_Msg_IdEmpty';
import MSG_ID_MALFORMED from '@salesforce/label/c.OnDemandSync_UI_Msg_IdMalformed';
import MSG_ID_BAD_CHECKSUM from '@salesforce/label/c.OnDemandSync_UI_Msg_IdBadChecksum';
import MSG_ID_WRONG_OBJECT from '@salesforce/label/c.OnDemandSync_UI_Msg_IdWrongObject';
import MSG_ID_MIXED_PREFIX from '@salesforce/label/c.OnDemandSync_UI_Msg_IdMixedPrefix';
import MSG_ZUORA_ID_MALFORMED from '@salesforce/label/c.OnDemandSync_UI_Msg_ZuoraIdMalformed';
import MSG_SELECTION_EMPTY from '@salesforce/label/c.OnDemandSync_UI_Msg_SelectionEmpty';
import MSG_SELECTION_TOO_MANY from '@salesforce/label/c.OnDemandSync_UI_Msg_SelectionTooMany';
import MSG_SELECTION_OK from '@salesforce/label/c.OnDemandSync_UI_Msg_SelectionOk';
import MSG_ERROR_EMPTY_REQUEST from '@salesforce/label/c.OnDemandSync_UI_Msg_ErrorEmptyRequest';
import MSG_ERROR_TOO_MANY_IDS from '@salesforce/label/c.OnDemandSync_UI_Msg_ErrorTooManyIds';
import MSG_ERROR_INVALID_ID from '@salesforce/label/c.OnDemandSync_UI_Msg_ErrorInvalidId';
import MSG_ERROR_INVALID_OBJECT_TYPE from '@salesforce/label/c.OnDemandSync_UI_Msg_ErrorInvalidObjectType';
import MSG_ERROR_INVALID_SOURCE from '@salesforce/label/c.OnDemandSync_UI_Msg_ErrorInvalidSource';
import MSG_ERROR_INSUFFICIENT_ACCESS from '@salesforce/label/c.OnDemandSync_UI_Msg_ErrorInsufficientAccess';
import MSG_ERROR_ZUORA_NOT_CONFIGURED from '@salesforce/label/c.OnDemandSync_UI_Msg_ErrorZuoraNotConfigured';
import MSG_ERROR_ZUORA_ERROR from '@salesforce/label/c.OnDemandSync_UI_Msg_ErrorZuoraError';
import MSG_ERROR_NETWORK from '@salesforce/label/c.OnDemandSync_UI_Msg_ErrorNetwork';
import MSG_ERROR_TIMEOUT from '@salesforce/label/c.OnDemandSync_UI_Msg_ErrorTimeout';
import MSG_ERROR_BUSY from '@salesforce/label/c.OnDemandSync_UI_Msg_ErrorBusy';
import MSG_ERROR_SESSION_EXPIRED from '@salesforce/label/c.OnDemandSync_UI_Msg_ErrorSessionExpired';
import MSG_ERROR_UNKNOWN from '@salesforce/label/c.OnDemandSync_UI_Msg_ErrorUnknown';
import MSG_ITEM_REQUESTED from '@salesforce/label/c.OnDemandSync_UI_Msg_ItemRequested';
import MSG_ITEM_FAILED from '@salesforce/label/c.OnDemandSync_UI_Msg_ItemFailed';
import MSG_ITEM_SKIPPED from '@salesforce/label/c.OnDemandSync_UI_Msg_ItemSkipped';
import MSG_ITEM_NOT_SENT from '@salesforce/label/c.OnDemandSync_UI_Msg_ItemNotSent';
import MSG_ITEM_NO_RESULT from '@salesforce/label/c.OnDemandSync_UI_Msg_ItemNoResult';
import MSG_LIMIT_DAILY_API_REQUESTS from '@salesforce/label/c.OnDemandSync_UI_Msg_LimitDailyApiRequests';
import MSG_LIMIT_DAILY_ASYNC_APEX_EXECUTIONS from '@salesforce/label/c.OnDemandSync_UI_Msg_LimitDailyAsyncApexExecutions';
import MSG_LIMIT_ORG from '@salesforce/label/c.OnDemandSync_UI_Msg_LimitOrg';
import MSG_LIMIT_TRANSACTION from '@salesforce/label/c.OnDemandSync_UI_Msg_LimitTransaction';
import MSG_LIMIT_NAME_CALLOUTS from '@salesforce/label/c.OnDemandSync_UI_Msg_LimitNameCallouts';
import MSG_LIMIT_NAME_SOQL_QUERIES from '@salesforce/label/c.OnDemandSync_UI_Msg_LimitNameSoqlQueries';
import MSG_LIMIT_NAME_DML_STATEMENTS from '@salesforce/label/c.OnDemandSync_UI_Msg_LimitNameDmlStatements';
import MSG_LIMIT_NAME_CPU_TIME from '@salesforce/label/c.OnDemandSync_UI_Msg_LimitNameCpuTime';
import MSG_LIMIT_NAME_HEAP_SIZE from '@salesforce/label/c.OnDemandSync_UI_Msg_LimitNameHeapSize';

export const LABELS = Object.freeze({
    cardTitle: CARD_TITLE,
    loading: LOADING,
    syncing: SYNCING,
    bridgeErrorTitle: BRIDGE_ERROR_TITLE,
    bridgeErrorMessage: BRIDGE_ERROR_MESSAGE,
    loadErrorTitle: LOAD_ERROR_TITLE,
    syncErrorTitle: SYNC_ERROR_TITLE,
    retry: RETRY,
    noPermissionTitle: NO_PERMISSION_TITLE,
    noPermissionMessage: NO_PERMISSION_MESSAGE,
    notConfiguredTitle: NOT_CONFIGURED_TITLE,
    notConfiguredMessage: NOT_CONFIGURED_MESSAGE,
    emptyTitle: EMPTY_TITLE,
    emptyMessage: EMPTY_MESSAGE,
    notFoundTitle: NOT_FOUND_TITLE,
    notFoundMessage: NOT_FOUND_MESSAGE,
    invalidRecordTitle: INVALID_RECORD_TITLE,
    invalidRecordMessage: INVALID_RECORD_MESSAGE,
    columnName: COLUMN_NAME,
    columnStatus: COLUMN_STATUS,
    columnBalance: COLUMN_BALANCE,
    columnLastUpdated: COLUMN_LAST_UPDATED,
    columnSyncState: COLUMN_SYNC_STATE,
    filterLabel: FILTER_LABEL,
    filterPlaceholder: FILTER_PLACEHOLDER,
    filterCount: FILTER_COUNT,
    filterNoMatch: FILTER_NO_MATCH,
    stateReady: STATE_READY,
    stateNoZuoraId: STATE_NO_ZUORA_ID,
    detailNoZuoraId: DETAIL_NO_ZUORA_ID,
    stateCoolingDown: STATE_COOLING_DOWN,
    detailCoolingDown: DETAIL_COOLING_DOWN,
    stateUnavailable: STATE_UNAVAILABLE,
    detailUnavailable: DETAIL_UNAVAILABLE,
    stateSending: STATE_SENDING,
    stateRequested: STATE_REQUESTED,
    detailRequested: DETAIL_REQUESTED,
    stateUpdated: STATE_UPDATED,
    detailUpdated: DETAIL_UPDATED,
    detailUpdatedCooldown: DETAIL_UPDATED_COOLDOWN,
    noteSyncAgain: NOTE_SYNC_AGAIN,
    keyboardHelp: KEYBOARD_HELP,
    keyboardHelpList: KEYBOARD_HELP_LIST,
    showMore: SHOW_MORE,
    listLabel: LIST_LABEL,
    stateNotArrived: STATE_NOT_ARRIVED,
    detailNotArrived: DETAIL_NOT_ARRIVED,
    stateFailed: STATE_FAILED,
    stateSkipped: STATE_SKIPPED,
    selectionCapReached: SELECTION_CAP_REACHED,
    selectionNotSyncable: SELECTION_NOT_SYNCABLE,
    nothingSelectable: NOTHING_SELECTABLE,
    syncButton: SYNC_BUTTON,
    syncReasonBusy: SYNC_REASON_BUSY,
    toastRequested: TOAST_REQUESTED,
    toastPartial: TOAST_PARTIAL,
    toastNone: TOAST_NONE,
    summary: SUMMARY,
    partialFailure: PARTIAL_FAILURE,
    followUpRunning: FOLLOW_UP_RUNNING,
    followUpDone: FOLLOW_UP_DONE,
    followUpTimedOut: FOLLOW_UP_TIMED_OUT,
    followUpPaused: FOLLOW_UP_PAUSED,
    rowUpdated: ROW_UPDATED,
    warningLabel: WARNING_LABEL,
    errorLabel: ERROR_LABEL,
    infoLabel: INFO_LABEL
});

export const BRIDGE_MESSAGES = Object.freeze({
    idEmpty: MSG_ID_EMPTY,
    idMalformed: MSG_ID_MALFORMED,
    idBadChecksum: MSG_ID_BAD_CHECKSUM,
    idWrongObject: MSG_ID_WRONG_OBJECT,
    idMixedPrefix: MSG_ID_MIXED_PREFIX,
    zuoraIdMalformed: MSG_ZUORA_ID_MALFORMED,
    selectionEmpty: MSG_SELECTION_EMPTY,
    selectionTooMany: MSG_SELECTION_TOO_MANY,
    selectionOk: MSG_SELECTION_OK,
    errorEmptyRequest: MSG_ERROR_EMPTY_REQUEST,
    errorTooManyIds: MSG_ERROR_TOO_MANY_IDS,
    errorInvalidId: MSG_ERROR_INVALID_ID,
    errorInvalidObjectType: MSG_ERROR_INVALID_OBJECT_TYPE,
    errorInvalidSource: MSG_ERROR_INVALID_SOURCE,
    errorInsufficientAccess: MSG_ERROR_INSUFFICIENT_ACCESS,
    errorZuoraNotConfigured: MSG_ERROR_ZUORA_NOT_CONFIGURED,
    errorZuoraError: MSG_ERROR_ZUORA_ERROR,
    errorNetwork: MSG_ERROR_NETWORK,
    errorTimeout: MSG_ERROR_TIMEOUT,
    errorBusy: MSG_ERROR_BUSY,
    errorSessionExpired: MSG_ERROR_SESSION_EXPIRED,
    errorUnknown: MSG_ERROR_UNKNOWN,
    itemRequested: MSG_ITEM_REQUESTED,
    itemFailed: MSG_ITEM_FAILED,
    itemSkipped: MSG_ITEM_SKIPPED,
    itemNotSent: MSG_ITEM_NOT_SENT,
    itemNoResult: MSG_ITEM_NO_RESULT,
    limitDailyApiRequests: MSG_LIMIT_DAILY_API_REQUESTS,
    limitDailyAsyncApexExecutions: MSG_LIMIT_DAILY_ASYNC_APEX_EXECUTIONS,
    limitOrg: MSG_LIMIT_ORG,
    limitTransaction: MSG_LIMIT_TRANSACTION,
    limitNameCallouts: MSG_LIMIT_NAME_CALLOUTS,
    limitNameSoqlQueries: MSG_LIMIT_NAME_SOQL_QUERIES,
    limitNameDmlStatements: MSG_LIMIT_NAME_DML_STATEMENTS,
    limitNameCpuTime: MSG_LIMIT_NAME_CPU_TIME,
    limitNameHeapSize: MSG_LIMIT_NAME_HEAP_SIZE
});
