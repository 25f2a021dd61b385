export { type AutomationDeps } from './deps';
export { registerAutomationRoutes } from './automation.routes';
export { readSettings } from './settings';
export { enqueueInboundAutomation } from './inbound-hook';
export { runInboundAutomation } from './run-inbound-automation';
