// Texts of the error panel (Custom Labels).
import ERROR_DETAILS from '@salesforce/label/c.OnDemandSync_UI_ErrorDetails';
import ERROR_LABEL from '@salesforce/label/c.OnDemandSync_UI_ErrorLabel';

export const LABELS = Object.freeze({
    errorDetails: ERROR_DETAILS,
    errorLabel: ERROR_LABEL
});
