import { startJobRunner } from '../platform/jobs';
import { purgeProcessedEnvelopes, startEnvelopeProcessor } from '../modules/channels';
import { fetchMedia, inboundSink, MEDIA_FETCH_QUEUE } from '../modules/inbox';
import { fanOutEvents, startWebhookFanOut, webhookJobHandlers } from '../modules/integrations';
import { MARK_READ_QUEUE, sendReadReceipt, startSender } from '../modules/outbound';
import { INBOUND_AUTOMATION_QUEUE, runInboundAutomation } from '../modules/automation';
import { startCampaignRunner } from '../modules/campaigns';
import type { Container } from './container';

const PURGE_ENVELOPES_QUEUE = 'webhooks.purge-envelopes';

/** The background half: jobs and crons, and the inbound envelope processor. */
export function startWorker(container: Container) {
  const inbound = startEnvelopeProcessor({ channels: container.channels, clock: container.clock, logger: container.logger, sink: inboundSink(container.inbox) });
  container.webhooks.onStored = inbound.wake;
  const fanOut = startWebhookFanOut(container.integrations);
  // Outbound: one send stream per phone number, owned through a lease row.
  const sender = startSender(container.outbound);
  container.automation.onQueued = sender.wake;
  const campaigns = startCampaignRunner(container.campaigns, { onQueued: sender.wake });
  const jobs = startJobRunner({
    db: container.database.db,
    clock: container.clock,
    logger: container.logger,
    handlers: {
      ...webhookJobHandlers(container.integrations),
      [MEDIA_FETCH_QUEUE]: (job) => fetchMedia(container.inbox, job),
      [INBOUND_AUTOMATION_QUEUE]: (job) => runInboundAutomation(container.automation, job),
      [MARK_READ_QUEUE]: (job) => sendReadReceipt(container.outbound, job),
      [PURGE_ENVELOPES_QUEUE]: async () => void (await purgeProcessedEnvelopes(container.database.db, container.clock.now())),
    },
    crons: [{ queue: PURGE_ENVELOPES_QUEUE, everyMs: 3_600_000 }],
  });
  return {
    async stop() {
      await inbound.stop();
      await campaigns.stop();
      await sender.stop();
      await fanOut.stop();
      await jobs.stop();
    },
    async drain() {
      let total = 0;
      for (;;) {
        const n = (await inbound.drain()) + (await fanOutEvents(container.integrations)) + (await jobs.drain());
        total += n;
        if (n === 0) return total;
      }
    },
  };
}
