import { startJobRunner } from '../platform/jobs';
import { purgeProcessedEnvelopes, startEnvelopeProcessor } from '../modules/channels';
import { fanOutEvents, startWebhookFanOut, webhookJobHandlers } from '../modules/integrations';
import { fetchMedia, MARK_READ_QUEUE, MEDIA_FETCH_QUEUE, sendReadReceipt, startSender } from '../modules/messages';
import { INBOUND_AUTOMATION_QUEUE, runInboundAutomation } from '../modules/automation';
import { startCampaignRunner } from '../modules/campaigns';
import { startAnalyticsRollups } from '../modules/analytics';
import { contactCrons, contactJobHandlers } from '../modules/contacts';
import type { Container } from './container';

const PURGE_ENVELOPES_QUEUE = 'webhooks.purge-envelopes';

/** The background half: jobs and crons, and the inbound envelope processor. */
export function startWorker(container: Container) {
  const { signals } = container;
  const inbound = startEnvelopeProcessor({ channels: container.channels, clock: container.clock, logger: container.logger, sink: container.envelopeSink, wakeOn: signals.envelopesStored });
  const fanOut = startWebhookFanOut(container.integrations);
  // Figures follow the events outbox, as the fan-out does, with a cursor of their own.
  const rollups = startAnalyticsRollups(container.analytics);
  // Outbound: one send stream per phone number, owned through a lease row.
  const sender = startSender(container.messages, { wakeOn: signals.sendsQueued });
  const campaigns = startCampaignRunner(container.campaigns, { onQueued: () => void signals.sendsQueued.notify() });
  const jobs = startJobRunner({
    db: container.database.db,
    clock: container.clock,
    logger: container.logger,
    handlers: {
      ...webhookJobHandlers(container.integrations),
      ...contactJobHandlers(container.contacts),
      [MEDIA_FETCH_QUEUE]: (job) => fetchMedia(container.messages, job),
      [INBOUND_AUTOMATION_QUEUE]: (job) => runInboundAutomation(container.automation, job),
      [MARK_READ_QUEUE]: (job) => sendReadReceipt(container.messages, job),
      [PURGE_ENVELOPES_QUEUE]: async () => void (await purgeProcessedEnvelopes(container.database.db, container.clock.now())),
    },
    crons: [{ queue: PURGE_ENVELOPES_QUEUE, everyMs: 3_600_000 }, ...contactCrons],
  });
  return {
    async stop() {
      await inbound.stop();
      await campaigns.stop();
      await sender.stop();
      await fanOut.stop();
      await rollups.stop();
      await jobs.stop();
    },
    async drain() {
      let total = 0;
      for (;;) {
        const n = (await inbound.drain()) + (await fanOutEvents(container.integrations)) + (await rollups.drain()) + (await jobs.drain());
        total += n;
        if (n === 0) return total;
      }
    },
  };
}
