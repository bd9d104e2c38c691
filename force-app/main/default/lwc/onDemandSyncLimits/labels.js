// Texts of the limits panel (Custom Labels).
import LIMITS_HEADING from '@salesforce/label/c.OnDemandSync_UI_LimitsHeading';
import LIMITS_COLUMN_NAME from '@salesforce/label/c.OnDemandSync_UI_LimitsColumnName';
import LIMITS_COLUMN_SCOPE from '@salesforce/label/c.OnDemandSync_UI_LimitsColumnScope';
import LIMITS_COLUMN_USED from '@salesforce/label/c.OnDemandSync_UI_LimitsColumnUsed';
import LIMITS_COLUMN_MAX from '@salesforce/label/c.OnDemandSync_UI_LimitsColumnMax';
import LIMITS_COLUMN_PERCENT from '@salesforce/label/c.OnDemandSync_UI_LimitsColumnPercent';
import LIMITS_SCOPE_ORG from '@salesforce/label/c.OnDemandSync_UI_LimitsScopeOrg';
import LIMITS_SCOPE_TRANSACTION from '@salesforce/label/c.OnDemandSync_UI_LimitsScopeTransaction';
import WARNING_LABEL from '@salesforce/label/c.OnDemandSync_UI_WarningLabel';
import ERROR_LABEL from '@salesforce/label/c.OnDemandSync_UI_ErrorLabel';
import LIMIT_NAME_CALLOUTS from '@salesforce/label/c.OnDemandSync_UI_LimitName_Callouts';
import LIMIT_NAME_CPU_TIME from '@salesforce/label/c.OnDemandSync_UI_LimitName_CpuTime';
import LIMIT_NAME_DAILY_API_REQUESTS from '@salesforce/label/c.OnDemandSync_UI_LimitName_DailyApiRequests';
import LIMIT_NAME_DAILY_ASYNC_APEX_EXECUTIONS from '@salesforce/label/c.OnDemandSync_UI_LimitName_DailyAsyncApexExecutions';
import LIMIT_NAME_DML_STATEMENTS from '@salesforce/label/c.OnDemandSync_UI_LimitName_DmlStatements';
import LIMIT_NAME_HEAP_SIZE from '@salesforce/label/c.OnDemandSync_UI_LimitName_HeapSize';
import LIMIT_NAME_SOQL_QUERIES from '@salesforce/label/c.OnDemandSync_UI_LimitName_SoqlQueries';

export const LABELS = Object.freeze({
    limitsHeading: LIMITS_HEADING,
    limitsColumnName: LIMITS_COLUMN_NAME,
    limitsColumnScope: LIMITS_COLUMN_SCOPE,
    limitsColumnUsed: LIMITS_COLUMN_USED,
    limitsColumnMax: LIMITS_COLUMN_MAX,
    limitsColumnPercent: LIMITS_COLUMN_PERCENT,
    limitsScopeOrg: LIMITS_SCOPE_ORG,
    limitsScopeTransaction: LIMITS_SCOPE_TRANSACTION,
    warningLabel: WARNING_LABEL,
    errorLabel: ERROR_LABEL
});

/** Readable names of the limits, keyed by their API names (as Apex reports them). */
export const LIMIT_NAMES = Object.freeze({
    Callouts: LIMIT_NAME_CALLOUTS,
    CpuTime: LIMIT_NAME_CPU_TIME,
    DailyApiRequests: LIMIT_NAME_DAILY_API_REQUESTS,
    DailyAsyncApexExecutions: LIMIT_NAME_DAILY_ASYNC_APEX_EXECUTIONS,
    DmlStatements: LIMIT_NAME_DML_STATEMENTS,
    HeapSize: LIMIT_NAME_HEAP_SIZE,
    SoqlQueries: LIMIT_NAME_SOQL_QUERIES
});
