// `@salesforce/apex` itself: refreshApex and getSObjectValue.
import { refreshWiredValue } from './apex';

export function refreshApex(wiredValue) {
    return refreshWiredValue(wiredValue);
}

export function getSObjectValue(record, field) {
    const path = typeof field === 'string' ? field : field.fieldApiName;
    return path.split('.').reduce((value, key) => (value == null ? undefined : value[key]), record);
}
