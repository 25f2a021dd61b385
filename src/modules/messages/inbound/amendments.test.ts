import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Captured } from '../testing/inbound-harness';
import { useInboundFixture } from '../testing/inbound-fixture';

// A customer's edits and deletions (`edit`, `revoke` messages) sent by the simulator as signed
// webhooks: applied to the original in any arrival order, idempotent on redelivery, the edit
// history kept sealed, a deletion erasing every version.

const fx = useInboundFixture();
const CUSTOMER = '4915150000077';
const base = Math.floor(Date.now() / 1000) - 600;
let seq = 0;

type Msg = { id: string; type: string; content?: Record<string, { body?: string; caption?: string; id?: string }>; edited: boolean; editedAt: string | null; editHistory?: { content: Record<string, { body?: string }>; at: string }[]; deleted: boolean; deletedAt: string | null };


/** The customer writes `body` at base + `at` seconds; returns the wamid and the captured envelope (not yet delivered). */
async function original(at: number, body: string): Promise<{ wamid: string; envelope: Captured }> {
  const { wamid } = fx.h.sim.engine.injectInbound({ phoneNumberId: fx.h.number.phoneNumberId, from: CUSTOMER, profileName: 'Edda', type: 'text', text: { body }, timestamp: String(base + at) } as never);
  const [envelope] = await fx.h.take();
  return { wamid, envelope: envelope! };
}

/** An edit or revoke of `target`, through the simulator's POST /_sim/webhooks (a signed `messages` webhook). */
async function amend(target: string, at: number, kind: 'edit' | 'revoke', body?: string): Promise<Captured> {
  seq += 1;
  const message = { from: CUSTOMER, id: `wamid.amend-${process.pid}-${seq}`, timestamp: String(base + at), type: kind, [kind]: kind === 'edit' ? { original_message_id: target, message: { type: 'text', text: { body } } } : { original_message_id: target } };
  const r = await fetch(`${fx.h.sim.url}/_sim/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phoneNumberId: fx.h.number.phoneNumberId, field: 'messages', value: { contacts: [{ profile: { name: 'Edda' }, wa_id: CUSTOMER }], messages: [message] } }) });
  assert.equal(r.status, 202, await r.text());
  const [envelope] = await fx.h.take();
  return envelope!;
}

async function deliver(...envelopes: Captured[]) {
  for (const e of envelopes) assert.equal((await fx.h.deliver(e)).status, 200);
  await fx.h.process();
}

async function byWamid(wamid: string): Promise<Msg> {
  const [m] = ((await fx.api.get(`/api/v1/messages?wamid=${encodeURIComponent(wamid)}`)).body as { data: Msg[] }).data;
  assert.ok(m, `message ${wamid} stored`);
  return m;
}

const search = async (q: string) => ((await fx.api.get(`/api/v1/messages/search?q=${encodeURIComponent(q)}`)).body as { data: { id: string }[] }).data.map((m) => m.id);

test('an edit replaces the content, keeps the original in the history, re-indexes words, and is idempotent', async () => {
  const o = await original(0, 'meet at noon pelican');
  await deliver(o.envelope);
  const edit = await amend(o.wamid, 30, 'edit', 'meet at one albatross');
  await deliver(edit, edit, edit);
  const m = await byWamid(o.wamid);
  assert.equal(m.type, 'text');
  assert.deepEqual(m.content, { text: { body: 'meet at one albatross' } });
  assert.equal(m.edited, true);
  assert.equal(m.editedAt, new Date((base + 30) * 1000).toISOString());
  assert.deepEqual(m.editHistory, [{ content: { text: { body: 'meet at noon pelican' } }, at: new Date(base * 1000).toISOString() }]);
  assert.equal(m.deleted, false);
  assert.deepEqual(await search('albatross'), [m.id]);
  assert.deepEqual(await search('pelican'), []);
  const rows = await sql<{ n: string }>`select count(*) as n from messages where wamid like 'wamid.amend-%'`.execute(fx.t.container.database.db);
  assert.equal(Number(rows.rows[0]!.n), 0, 'an edit is not a message of its own');
});

test('edits and a revoke arriving before their original, in any order, end in the same state', async () => {
  const orders = [[0, 1, 2], [2, 1, 0], [1, 2, 0], [1, 0, 2]];
  for (const order of orders) {
    const o = await original(100, 'first draft');
    const later = await amend(o.wamid, 160, 'edit', 'final wording');
    const earlier = await amend(o.wamid, 130, 'edit', 'second draft');
    const envelopes = [o.envelope, earlier, later];
    await deliver(...order.map((i) => envelopes[i]!));
    await deliver(...envelopes);
    const m = await byWamid(o.wamid);
    assert.deepEqual(m.content, { text: { body: 'final wording' } }, `order ${order}`);
    assert.deepEqual(m.editHistory?.map((v) => v.content.text?.body), ['first draft', 'second draft'], `order ${order}`);
  }
  const o = await original(200, 'regret this');
  const edit = await amend(o.wamid, 210, 'edit', 'really regret this');
  const revoke = await amend(o.wamid, 220, 'revoke');
  await deliver(revoke, edit);
  await deliver(o.envelope, edit, revoke);
  const m = await byWamid(o.wamid);
  assert.equal(m.deleted, true);
  assert.equal(m.content, undefined);
  assert.equal(m.editHistory, undefined);
});

test('a revoke erases the message and every edit of it; a late edit does not bring it back', async () => {
  const o = await original(300, 'secret cassowary code');
  await deliver(o.envelope, await amend(o.wamid, 310, 'edit', 'secret emu code'));
  const revoke = await amend(o.wamid, 320, 'revoke');
  await deliver(revoke, revoke);
  const m = await byWamid(o.wamid);
  assert.equal(m.deleted, true);
  assert.equal(m.deletedAt, new Date((base + 320) * 1000).toISOString());
  assert.equal(m.edited, true);
  assert.equal(m.content, undefined);
  assert.deepEqual(await search('cassowary'), []);
  assert.deepEqual(await search('emu'), []);
  const db = fx.t.container.database.db;
  const stored = (await sql<{ payload: Buffer | null; words: string[] }>`select payload, words from messages where id = ${m.id}`.execute(db)).rows[0]!;
  assert.equal(stored.payload, null);
  assert.deepEqual(stored.words, []);
  const edits = (await sql<{ content: Buffer | null }>`select content from message_amendments where target_wamid = ${o.wamid}`.execute(db)).rows;
  assert.equal(edits.length, 2);
  assert.ok(edits.every((e) => e.content === null), 'edit versions erased');

  await deliver(await amend(o.wamid, 330, 'edit', 'resurrected'));
  assert.equal((await byWamid(o.wamid)).content, undefined);
});

test('only the author may amend a message; unknown targets wait without error', async () => {
  const o = await original(400, 'mine alone');
  await deliver(o.envelope);
  seq += 1;
  const other = '4915150000088';
  const r = await fetch(`${fx.h.sim.url}/_sim/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phoneNumberId: fx.h.number.phoneNumberId, field: 'messages', value: { contacts: [{ profile: { name: 'Mallory' }, wa_id: other }], messages: [{ from: other, id: `wamid.amend-${process.pid}-${seq}`, timestamp: String(base + 410), type: 'revoke', revoke: { original_message_id: o.wamid } }] } }) });
  assert.equal(r.status, 202);
  await deliver(...(await fx.h.take()));
  assert.equal((await byWamid(o.wamid)).deleted, false);
  await deliver(await amend('wamid.never-seen', 420, 'revoke'));
  const parked = await sql<{ n: string }>`select count(*) as n from webhook_envelopes where processed_at is null`.execute(fx.t.container.database.db);
  assert.equal(Number(parked.rows[0]!.n), 0, 'every envelope processed');
});
