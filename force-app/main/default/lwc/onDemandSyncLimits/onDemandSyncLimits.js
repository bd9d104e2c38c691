import { LightningElement, api } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import { LABELS, LIMIT_NAMES } from './labels';

const NUMBER = new Intl.NumberFormat(LOCALE);

/**
 * Governor limits for the On-Demand Sync card: the bridge's warnings, worded for a rep, and
 * (when the admin turned the panel on) the numbers behind them in an expandable table.
 */
export default class OnDemandSyncLimits extends LightningElement {
    /** Warnings from the bridge's limitWarnings(). */
    @api warnings = [];
    /** Limit readings { name, scope, used, max }. */
    @api limits = [];
    /** Whether the numbers panel shows. */
    @api showNumbers = false;

    labels = LABELS;

    get warningItems() {
        return (this.warnings || []).map((warning) => {
            const severe = warning.severity === 'error';
            return {
                key: `${warning.code}-${warning.scope}-${warning.name}`,
                message: warning.message,
                icon: severe ? 'utility:error' : 'utility:warning',
                variant: severe ? 'error' : 'warning',
                iconText: severe ? LABELS.errorLabel : LABELS.warningLabel
            };
        });
    }

    get hasWarnings() {
        return this.warningItems.length > 0;
    }

    get hasNumbers() {
        return this.showNumbers && Array.isArray(this.limits) && this.limits.length > 0;
    }

    get limitRows() {
        return this.limits.map((limit) => ({
            key: `${limit.scope}-${limit.name}`,
            // A readable, translated name (the API name for a limit without one); the API name also
            // shows as the cell's title.
            name: Object.prototype.hasOwnProperty.call(LIMIT_NAMES, limit.name)
                ? LIMIT_NAMES[limit.name]
                : limit.name,
            apiName: limit.name,
            scope: limit.scope === 'org' ? LABELS.limitsScopeOrg : LABELS.limitsScopeTransaction,
            used: NUMBER.format(limit.used),
            max: NUMBER.format(limit.max),
            percent: limit.max > 0 ? NUMBER.format(Math.floor((limit.used * 100) / limit.max)) : ''
        }));
    }
}
