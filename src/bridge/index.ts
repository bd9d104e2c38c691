/**
 * OnDemandSyncBridge: the pure TypeScript core shared by the Lightning component (as the static
 * resource window.OnDemandSyncBridge) and the command line.
 */
export * from './types';
export * from './messages';
export * from './ids';
export * from './selection';
export * from './cooldown';
export * from './limits';
export * from './errors';
export * from './results';
export * from './request';
