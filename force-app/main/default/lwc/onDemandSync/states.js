// The card's states, and the notice shown in those that only explain something.
import { LABELS } from './labels';

export const STATE = Object.freeze({
    LOADING: 'loading',
    BRIDGE_ERROR: 'bridgeError',
    LOAD_ERROR: 'loadError',
    NO_PERMISSION: 'noPermission',
    NOT_CONFIGURED: 'notConfigured',
    EMPTY: 'empty',
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
    [STATE.EMPTY]: {
        icon: 'utility:info',
        iconText: LABELS.infoLabel,
        title: LABELS.emptyTitle,
        message: LABELS.emptyMessage
    }
};

/** The notice of a state, or null when the state shows something else. */
export function noticeFor(state) {
    return NOTICES[state] || null;
}
