import { jobCatalog, startJobRunner, type JobHandlers } from '../platform/jobs';
import { purgeProcessedEnvelopes, startEnvelopeProcessor } from '../modules/channels';
import { startWebhookFanOut, webhookJobHandlers } from '../modules/integrations';
import { fetchMedia, sendReadReceipt, startSender } from '../modules/messages';
import { runInboundAutomation } from '../modules/automation';
import { startCampaignRunner } from '../modules/campaigns';
import { contactJobHandlers } from '../modules/contacts';
import type { Container } from './container';

/** One handler per job of the catalog: a job added to the catalog without one here does not compile. */
function jobHandlers(container: Container): JobHandlers {
  return {
    ...webhookJobHandlers(container.integrations),
    ...contactJobHandlers(container.contacts),
    mediaFetch: (payload) => fetchMedia(container.messages, payload),
    inboundAutomation: (payload) => runInboundAutomation(container.automation, payload),
    markRead: (payload) => sendReadReceipt(container.messages, payload),
    purgeEnvelopes: async () => void (await purgeProcessedEnvelopes(container.database.db, container.clock.now())),
  };
}

/**
 * The background half: every part is a polling loop (the same stop, drain and wake), woken by the
 * container's signals where another part stores their work.
 */
export function startWorker(container: Container) {
  const { signals } = container;
  const inbound = startEnvelopeProcessor({ channels: container.channels, clock: container.clock, logger: container.logger, sink: container.envelopeSink, wakeOn: signals.envelopesStored });
  const fanOut = startWebhookFanOut(container.integrations);
  // Outbound: one send stream per phone number, owned through a lease row.
  const sender = startSender(container.messages, { wakeOn: signals.sendsQueued });
  const campaigns = startCampaignRunner(container.campaigns, { onQueued: () => void signals.sendsQueued.notify() });
  const jobs = startJobRunner({ db: container.database.db, clock: container.clock, logger: container.logger, catalog: jobCatalog, handlers: jobHandlers(container) });
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
        const n = (await inbound.drain()) + (await fanOut.drain()) + (await jobs.drain());
        total += n;
        if (n === 0) return total;
      }
    },
  };
}
