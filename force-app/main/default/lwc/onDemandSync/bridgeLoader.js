// Loads the OnDemandSyncBridge static resource once per page and hands out its global.
// The promise is shared by every instance of the card; a failed load is forgotten so that
// "Try again" loads it afresh.
import { loadScript } from 'lightning/platformResourceLoader';
import BRIDGE_URL from '@salesforce/resourceUrl/OnDemandSyncBridge';

const GLOBAL_NAME = 'OnDemandSyncBridge';

let bridgePromise = null;

function bridgeGlobal() {
    const bridge = window[GLOBAL_NAME];
    return bridge && typeof bridge.requestSync === 'function' ? bridge : null;
}

/**
 * Resolves with window.OnDemandSyncBridge, loading the static resource the first time.
 * @param {LightningElement} component the component that asks (loadScript needs one)
 * @returns {Promise<object>} the bridge
 */
export function loadBridge(component) {
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
    return bridgePromise;
}
