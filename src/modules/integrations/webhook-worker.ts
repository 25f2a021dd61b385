import type { JobHandler } from '../../platform/jobs';
import type { IntegrationDeps } from './deps';
import { deliverWebhook } from './deliver-webhook';
import { DELIVER_QUEUE, fanOutEvents } from './fan-out-events';

/** Job handlers of the integrations module (payloads carry ids only). */
export function webhookJobHandlers(deps: IntegrationDeps): Record<string, JobHandler> {
  return {
    [DELIVER_QUEUE]: (job) => deliverWebhook(deps, String(job.payload.workspaceId), String(job.payload.deliveryId)),
  };
}

/** The fan-out consumer loop of a worker process: every `intervalMs`, or at once while busy. */
export function startWebhookFanOut(deps: IntegrationDeps, options: { intervalMs?: number } = {}) {
  let stopped = false;
  let running: Promise<number> = Promise.resolve(0);
  let timer: NodeJS.Timeout | undefined;
  const loop = async () => {
    if (stopped) return;
    running = fanOutEvents(deps).catch((error: unknown) => {
      deps.logger.error({ err: error }, 'webhook fan-out tick failed');
      return 0;
    });
    const created = await running;
    if (!stopped) timer = setTimeout(() => void loop(), created > 0 ? 0 : (options.intervalMs ?? 500));
  };
  void loop();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
