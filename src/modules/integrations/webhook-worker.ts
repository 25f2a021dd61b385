import { startPollingLoop, type JobHandlers } from '../../platform/jobs';
import type { IntegrationDeps } from './deps';
import { deliverWebhook } from './deliver-webhook';
import { fanOutEvents } from './fan-out-events';

/** Job handlers of the integrations module. */
export function webhookJobHandlers(deps: IntegrationDeps): Pick<JobHandlers, 'deliverWebhook'> {
  return {
    deliverWebhook: ({ workspaceId, deliveryId }) => deliverWebhook(deps, workspaceId, deliveryId),
  };
}

/** The fan-out consumer loop of a worker process: every `intervalMs`, or at once while busy. */
export function startWebhookFanOut(deps: IntegrationDeps, options: { intervalMs?: number } = {}) {
  return startPollingLoop({ name: 'webhook fan-out', tick: () => fanOutEvents(deps), idleMs: options.intervalMs ?? 500, logger: deps.logger });
}
