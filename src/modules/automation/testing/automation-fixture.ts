import assert from 'node:assert/strict';
import { jobCatalog, startJobRunner } from '../../../platform/jobs';
import { sendReadReceipt } from '../../messages';
import { startTestApp, type TestApp } from '../../../test-support/test-app';
import type { HttpClient } from '../../../test-support/http-client';
import { startSenderHarness } from '../../../test-support/sender-harness';
import { runInboundAutomation } from '../run-inbound-automation';

/**
 * The product with a connected simulator number, its owner's client, and the automation and
 * mark-as-read jobs run as in a worker (drained by the tests, so each step is deterministic).
 */
export async function startAutomationFixture() {
  const t: TestApp = await startTestApp();
  const api: HttpClient = (await t.signUp()).client;
  const h = await startSenderHarness(t, api);
  const jobs = startJobRunner({
    db: t.container.database.db,
    clock: t.container.clock,
    logger: t.container.logger,
    catalog: { inboundAutomation: jobCatalog.inboundAutomation, markRead: jobCatalog.markRead },
    handlers: {
      inboundAutomation: (payload) => runInboundAutomation(t.container.automation, payload),
      markRead: (payload) => sendReadReceipt(t.container.messages, payload),
    },
    pollMs: 10_000,
  });
  return {
    t,
    api,
    h,
    jobs,
    /** A customer writes; the worker's jobs run; replies are sent and their statuses come back. */
    async customerWrites(from: string, body: string) {
      await h.inbound(from, body);
      await jobs.drain();
      await h.settle();
    },
    async patchSettings(body: Record<string, unknown>) {
      const r = await api.patch('/api/v1/settings', body);
      assert.equal(r.status, 200, r.text);
      return r.body as Record<string, unknown>;
    },
    async close() {
      await jobs.stop();
      await h.close();
      await t.close();
    },
  };
}

export type AutomationFixture = Awaited<ReturnType<typeof startAutomationFixture>>;
