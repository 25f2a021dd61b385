import { startJobRunner } from '../platform/jobs';
import { startWebhookFanOut, webhookJobHandlers } from '../modules/integrations';
import type { Container } from './container';

/** The background half: jobs and crons. Handlers are added as modules gain background work. */
export function startWorker(container: Container) {
  const fanOut = startWebhookFanOut(container.integrations);
  const runner = startJobRunner({ db: container.database.db, clock: container.clock, logger: container.logger, handlers: { ...webhookJobHandlers(container.integrations) } });
  return {
    async stop() {
      await fanOut.stop();
      await runner.stop();
    },
    drain: () => runner.drain(),
  };
}
