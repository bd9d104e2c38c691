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
