import { LightningElement } from 'lwc';

// Shows the ShowToastEvents that reach the document, like the Lightning Experience shell:
// 'dismissible' (default) and 'pester' toasts close after the page's toastDurationMs (3 s, as in
// Lightning Experience), 'sticky' ones stay until closed. Every toast shown is also kept in
// window.__playgroundToasts for tests and demos.
const EVENT = 'lightning__showtoast';
const VARIANTS = new Set(['info', 'success', 'warning', 'error']);
let nextId = 1;

function substitute(message, messageData) {
    if (!Array.isArray(messageData)) return message;
    return String(message).replace(/\{(\d+)\}/g, (match, index) => {
        const data = messageData[Number(index)];
        if (data === undefined) return match;
        return typeof data === 'object' ? (data.label ?? data.url ?? '') : String(data);
    });
}

export default class ToastRegion extends LightningElement {
    toasts = [];

    get durationMs() {
        const page = window.__PLAYGROUND__ || {};
        return page.toastDurationMs || 3000;
    }

    connectedCallback() {
        this.listener = (event) => this.show(event.detail || {});
        document.addEventListener(EVENT, this.listener);
        window.__playgroundToasts = window.__playgroundToasts || [];
    }

    disconnectedCallback() {
        document.removeEventListener(EVENT, this.listener);
    }

    show(detail) {
        const variant = VARIANTS.has(detail.variant) ? detail.variant : 'info';
        const mode = detail.mode || 'dismissible';
        const toast = {
            id: nextId++,
            title: detail.title || detail.label || '',
            message: substitute(detail.message || '', detail.messageData),
            variant,
            mode,
            className: `slds-notify slds-notify_toast slds-theme_${variant}`,
            iconName: `utility:${variant}`,
            role: variant === 'error' ? 'alert' : 'status',
            closable: mode !== 'pester'
        };
        window.__playgroundToasts.push({
            title: toast.title,
            message: toast.message,
            variant,
            mode
        });
        this.toasts = [...this.toasts, toast];
        if (mode !== 'sticky') {
            setTimeout(() => this.close(toast.id), this.durationMs);
        }
    }

    close(id) {
        this.toasts = this.toasts.filter((toast) => toast.id !== id);
    }

    handleClose(event) {
        this.close(Number(event.currentTarget.dataset.id));
    }
}
