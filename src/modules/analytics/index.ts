export type { AnalyticsDeps } from './deps';
export { registerAnalyticsRoutes } from './analytics.routes';
export { startAnalyticsRollups } from './rollup-worker';
export { rollUpEvents } from './roll-up-events';
export { rebuildWorkspaces } from './rebuild-all';
