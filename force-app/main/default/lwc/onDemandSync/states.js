// The card's states, and the notice shown in those that only explain something.
import { LABELS } from './labels';

export const STATE = Object.freeze({
    LOADING: 'loading',
    BRIDGE_ERROR: 'bridgeError',
    LOAD_ERROR: 'loadError',
    NO_PERMISSION: 'noPermission',
    NOT_CONFIGURED: 'notConfigured',
    EMPTY: 'empty',
    NOT_FOUND: 'notFound',
    INVALID_RECORD: 'invalidRecord',
    READY: 'ready'
});

const NOTICES = {
    [STATE.NO_PERMISSION]: {
        icon: 'utility:lock',
        iconText: LABELS.warningLabel,
        title: LABELS.noPermissionTitle,
        message: LABELS.noPermissionMessage
    },
    [STATE.NOT_CONFIGURED]: {
        icon: 'utility:warning',
        iconText: LABELS.warningLabel,
        title: LABELS.notConfiguredTitle,
        message: LABELS.notConfiguredMessage
    },
    [STATE.NOT_FOUND]: {
        icon: 'utility:search',
        iconText: LABELS.infoLabel,
        title: LABELS.notFoundTitle,
        message: LABELS.notFoundMessage
    },
    [STATE.INVALID_RECORD]: {
        icon: 'utility:warning',
        iconText: LABELS.warningLabel,
        title: LABELS.invalidRecordTitle,
        message: LABELS.invalidRecordMessage
    },
    [STATE.EMPTY]: {
        icon: 'utility:info',
        iconText: LABELS.infoLabel,
        title: LABELS.emptyTitle,
        message: LABELS.emptyMessage
    }
};

/**
 * The notice of a state, or null when the state shows something else.
 * @param {string} state one of STATE
 * @param {function} format the bridge's format, for messages that name the record id
 * @param {string} recordId the page's record id
 */
export function noticeFor(state, format, recordId) {
    const notice = NOTICES[state];
    if (!notice) {
        return null;
    }
    return format ? { ...notice, message: format(notice.message, recordId || '') } : notice;
}

/**
 * The refusals of the page's own record that no retry can change, recognised by their text
 * (an Apex error reaches the component as its message only): the state that explains them.
 */
export function stateOfRefusal(message, format, recordId) {
    if (message === LABELS.notFoundMessage) {
        return STATE.NOT_FOUND;
    }
    if (format && message === format(LABELS.invalidRecordMessage, recordId || '')) {
        return STATE.INVALID_RECORD;
    }
    return null;
}
