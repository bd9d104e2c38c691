import { LightningElement, api } from 'lwc';
import { LABELS } from './labels';

/**
 * Shows one error: a title, a message a user can act on, and the technical details (for an
 * admin) in an expandable section. The messages come from one place, the bridge's describeError.
 */
export default class ErrorPanel extends LightningElement {
    @api title;
    @api message;
    /** Technical messages, e.g. the raw Apex error texts. */
    @api details = [];

    labels = LABELS;

    /** Moves the focus to the panel's title (after a sync that failed), keeping Tab inside it. */
    @api
    focus() {
        const title = this.template.querySelector('[data-id="title"]');
        if (title) {
            title.focus();
        }
    }

    get hasDetails() {
        return Array.isArray(this.details) && this.details.length > 0;
    }

    get detailItems() {
        return (this.details || []).map((text, index) => ({ key: `detail-${index}`, text }));
    }
}
