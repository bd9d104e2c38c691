// Loads the OnDemandSyncBridge static resource once per page and hands out its global.
// The promise is shared by every instance of the card; a failed load is forgotten so that
// "Try again" loads it afresh.
import { loadScript } from 'lightning/platformResourceLoader';
import BRIDGE_URL from '@salesforce/resourceUrl/OnDemandSyncBridge';

const GLOBAL_NAME = 'OnDemandSyncBridge';
/** A bridge that has not loaded by then is a failed load (the error panel offers Try again). */
export const BRIDGE_TIMEOUT_MS = 20000;

let bridgePromise = null;

function bridgeGlobal() {
    const bridge = window[GLOBAL_NAME];
    return bridge && typeof bridge.requestSync === 'function' ? bridge : null;
}

/**
 * Resolves with window.OnDemandSyncBridge, loading the static resource the first time; rejects
 * when it has not loaded within `timeoutMs` (the next call loads it afresh).
 * @param {LightningElement} component the component that asks (loadScript needs one)
 * @param {number} timeoutMs how long to wait for the static resource
 * @returns {Promise<object>} the bridge
 */
export function loadBridge(component, timeoutMs = BRIDGE_TIMEOUT_MS) {
    if (!bridgePromise) {
        bridgePromise = loadScript(component, BRIDGE_URL)
            .then(() => {
                const bridge = bridgeGlobal();
                if (!bridge) {
                    throw new Error(
                        `${BRIDGE_URL} loaded but did not define window.${GLOBAL_NAME}`
                    );
                }
                return bridge;
            })
            .catch((error) => {
                bridgePromise = null;
                throw error;
            });
    }
    const loading = bridgePromise;
    return new Promise((resolve, reject) => {
        // Nothing else tells that a script never finished loading.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        const timer = setTimeout(() => {
            if (bridgePromise === loading) {
                bridgePromise = null;
            }
            reject(new Error(`${BRIDGE_URL} did not load within ${timeoutMs / 1000} s`));
        }, timeoutMs);
        loading.then(
            (bridge) => {
                clearTimeout(timer);
                resolve(bridge);
            },
            (error) => {
                clearTimeout(timer);
                reject(error);
            }
        );
    });
}
