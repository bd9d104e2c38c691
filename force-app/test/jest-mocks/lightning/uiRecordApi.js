// lightning/uiRecordApi for component tests: notifyRecordUpdateAvailable is a jest.fn that
// resolves; the wire adapters are test adapters tests can emit through.
const { createLdsTestWireAdapter } = require('@salesforce/wire-service-jest-util');

function fieldName(field) {
    return typeof field === 'string' ? field.split('.').pop() : field.fieldApiName;
}

module.exports = {
    getRecord: createLdsTestWireAdapter(jest.fn()),
    getRecords: createLdsTestWireAdapter(jest.fn()),
    notifyRecordUpdateAvailable: jest.fn(() => Promise.resolve()),
    updateRecord: jest.fn(() => Promise.resolve({})),
    createRecord: jest.fn(() => Promise.resolve({})),
    deleteRecord: jest.fn(() => Promise.resolve()),
    getFieldValue: jest.fn((record, field) => {
        const value = record && record.fields && record.fields[fieldName(field)];
        return value ? value.value : undefined;
    }),
    getFieldDisplayValue: jest.fn((record, field) => {
        const value = record && record.fields && record.fields[fieldName(field)];
        return value ? value.displayValue : undefined;
    })
};
