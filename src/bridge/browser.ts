/**
 * The static resource OnDemandSyncBridge (window.OnDemandSyncBridge): exactly what the
 * onDemandSync component calls. Everything else of the bridge serves the command line
 * (index.ts) and stays out of the page. scripts/build-bridge.mjs builds it without the English
 * default texts: the component passes every text as a Custom Label.
 */
export { UI_SESSION_CAP, checkSelection } from './selection';
export { cooldownState, cooldownUntil } from './cooldown';
export { describeError } from './errors';
export { format } from './messages';
export { idKey } from './ids';
export { limitWarnings } from './limits';
export { normaliseLimits, summarise } from './results';
export { requestSync } from './request';
