// lightning/uiRecordApi for the playground: the record page's own record (the Account the page
// shows) is embedded in the page, so reading it costs no request, as with Lightning Data Service's
// cache on a record page.
function pageRecord() {
    return (window.__PLAYGROUND__ && window.__PLAYGROUND__.record) || null;
}

function fieldPath(field) {
    return typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`;
}

export class getRecord {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }
    connect() {}
    disconnect() {}
    update(config) {
        const record = pageRecord();
        if (!config || !config.recordId) return;
        if (record && record.id === config.recordId) {
            this.dataCallback({ data: record, error: undefined });
        } else {
            this.dataCallback({
                data: undefined,
                error: { status: 404, body: { message: 'The requested resource does not exist' } }
            });
        }
    }
}

export function getFieldValue(record, field) {
    const [, ...path] = fieldPath(field).split('.');
    let value = record;
    for (const key of path) {
        value = value && value.fields && value.fields[key];
        if (value === undefined) return undefined;
        if (key !== path[path.length - 1]) value = value.value;
    }
    return value ? value.value : undefined;
}

export function getFieldDisplayValue(record, field) {
    const [, ...path] = fieldPath(field).split('.');
    const leaf = record && record.fields && record.fields[path[0]];
    return leaf ? (leaf.displayValue ?? leaf.value) : undefined;
}

export function notifyRecordUpdateAvailable() {
    return Promise.resolve();
}

export function getRecordNotifyChange() {}
