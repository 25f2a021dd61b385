import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ManualClock } from '../../../platform/clock';
import { startTestApp, type TestApp } from '../../../test-support/test-app';
import type { HttpClient } from '../../../test-support/http-client';
import { startSenderHarness } from '../../../test-support/sender-harness';
import { rollUpEvents } from '../roll-up-events';

/**
 * The product on a manual clock with a simulator number whose clock moves with it: customers write
 * at exact instants (Meta's timestamps), people answer through the API, statuses and pricing come
 * back from the simulator, and the rollup worker runs when the test says.
 */
export async function startTrafficFixture(start: Date) {
  const clock = new ManualClock(start);
  const t: TestApp = await startTestApp({}, { clock });
  const owner = await t.signUp({ name: 'Olivia Owner' });
  const h = await startSenderHarness(t, owner.client);
  // The simulator's clock (windows, status timestamps) runs at the product's time.
  h.sim.engine.clock.advance((start.getTime() - h.sim.engine.clock.nowMs()) / 1000);
  const api: HttpClient = owner.client;

  const ok = async (response: Promise<{ status: number; text: string; body: unknown }>, status = 200) => {
    const r = await response;
    assert.equal(r.status, status, r.text);
    return r.body as Record<string, unknown>;
  };

  return {
    t, h, api, owner, clock, ok,
    /** Moves the product's and the simulator's clocks to `at`. */
    at(at: Date) {
      const seconds = (at.getTime() - clock.now().getTime()) / 1000;
      clock.advance(seconds * 1000);
      h.sim.engine.clock.advance(seconds);
    },
    async contact(phone: string): Promise<string> {
      return String((await ok(api.post('/api/v1/contacts', { phone, name: `Customer ${phone.slice(-3)}` }), 201)).id);
    },
    /** A customer writes now (Meta's timestamp is the clock's second). */
    async customerWrites(from: string, body: string) {
      h.sim.engine.injectInbound({ phoneNumberId: h.number.phoneNumberId, from, type: 'text', text: { body }, timestamp: String(Math.floor(clock.now().getTime() / 1000)) } as never);
      await h.settle();
    },
    async send(body: Record<string, unknown>) {
      const sent = await ok(api.post('/api/v1/messages', body), 202);
      await h.settle();
      await h.settle();
      return sent;
    },
    async consent(contactId: string, granted: boolean) {
      await ok(api.post(`/api/v1/contacts/${contactId}/consent`, { purpose: 'marketing', granted, source: 'api' }), 201);
    },
    async conversationOf(contactId: string): Promise<string> {
      const list = (await ok(api.get(`/api/v1/conversations?contactId=${contactId}`))).data as { id: string }[];
      return list[0]!.id;
    },
    /**
     * The rollup worker catches up with every event. The feed shows an event only once every older
     * transaction of the server has ended (another test's on a shared server too), so it waits for that.
     */
    async rollUp() {
      const deadline = Date.now() + 30_000;
      for (;;) {
        while ((await rollUpEvents(t.container.analytics)) > 0);
        const { rows } = await sql<{ behind: boolean }>`
          select exists (select 1 from events e left join analytics_cursors c on c.workspace_id = e.workspace_id
            where e.workspace_id = ${owner.workspaceId} and (c.workspace_id is null or (e.tx_id, e.id) > (c.tx_id, c.event_id))) as behind`.execute(t.database.db);
        if (!rows[0]!.behind) return;
        if (Date.now() > deadline) throw new Error('the rollups never caught up with the events');
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      await h.close();
      await t.close();
    },
  };
}
