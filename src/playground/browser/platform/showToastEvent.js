// lightning/platformShowToastEvent for the playground. The page (../toasts.js) listens for the
// event on the document and shows an SLDS toast, as the Lightning Experience shell does.
export const SHOW_TOAST_EVENT = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent {
    constructor(toast) {
        super(SHOW_TOAST_EVENT, { bubbles: true, composed: true, cancelable: true, detail: toast });
    }
}
