import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { jobCatalog } from '../../platform/jobs';
import type { TestApp } from '../../test-support/test-app';
import type { HttpClient } from '../../test-support/http-client';
import { startAutomationFixture, type AutomationFixture } from './testing/automation-fixture';
import { SseClient } from '../../test-support/sse-client';

// The settings other modules read (markReadOnOpen, agentsSeeOnlyAssigned) over real HTTP; customers
// write through the simulator, the automation and mark-as-read jobs run as in a worker.

let t: TestApp;
let api: HttpClient;
let h: AutomationFixture['h'];
let jobs: AutomationFixture['jobs'];
let fx: AutomationFixture;

before(async () => {
  fx = await startAutomationFixture();
  ({ t, api, h, jobs } = fx);
});
after(async () => fx?.close());

const customerWrites = (from: string, body: string) => fx.customerWrites(from, body);
const patchSettings = (body: Record<string, unknown>) => fx.patchSettings(body);

async function conversationOf(to: string): Promise<{ id: string; contactId: string }> {
  const contacts = (await api.get('/api/v1/contacts?limit=200')).body as { data: { id: string; phone?: string | null }[] };
  const contact = contacts.data.find((c) => c.phone?.replace(/\D/g, '') === to);
  assert.ok(contact, `contact ${to}`);
  const list = (await api.get('/api/v1/conversations?limit=200')).body as { data: { id: string; contactId: string }[] };
  const conversation = list.data.find((c) => c.contactId === contact.id);
  assert.ok(conversation);
  return conversation;
}

test('mark as read sends Meta read status for the newest inbound message only with the setting on, once', async () => {
  const customer = '16315550208';
  await customerWrites(customer, 'Please read me');
  const conversation = await conversationOf(customer);
  const readFlag = () => h.sim.engine.requireNumber(h.number.phoneNumberId).chats.snapshot(customer).items.filter((i) => i.from === 'customer').map((i) => Boolean(i.readByBusiness));
  const off = await api.post(`/api/v1/conversations/${conversation.id}/read`);
  assert.equal(off.status, 200, off.text);
  assert.deepEqual(off.body, { markedRead: false });
  await jobs.drain();
  assert.deepEqual(readFlag(), [false]);

  await patchSettings({ markReadOnOpen: true });
  assert.deepEqual((await api.post(`/api/v1/conversations/${conversation.id}/read`)).body, { markedRead: true });
  assert.deepEqual((await api.post(`/api/v1/conversations/${conversation.id}/read`)).body, { markedRead: true });
  await jobs.drain();
  assert.deepEqual(readFlag(), [true]);
  const queued = await sql<{ n: string; payload: Record<string, unknown> }>`select count(*) over () as n, payload from jobs where queue = ${jobCatalog.markRead.name}`.execute(t.database.db);
  assert.equal(Number(queued.rows[0]!.n), 1, 'one read receipt per inbound message');
  assert.deepEqual(Object.keys(queued.rows[0]!.payload).sort(), ['messageId', 'workspaceId']);
  assert.equal((await api.post('/api/v1/conversations/not-a-conversation/read')).status, 404);
  await patchSettings({ markReadOnOpen: false });
});

test('agentsSeeOnlyAssigned: an agent sees only conversations assigned to them (list, reads, messages, search)', async () => {
  const owner = (await api.get('/api/v1/me')).body as { currentWorkspaceId: string };
  const person = await t.signUp();
  const invitation = await api.post('/api/v1/invitations', { email: person.email, role: 'agent' });
  const token = new URL((invitation.body as { acceptUrl: string }).acceptUrl).searchParams.get('invitation')!;
  assert.equal((await person.client.post(`/api/v1/invitations/${encodeURIComponent(token)}/accept`)).status, 200);
  assert.equal((await person.client.post('/api/v1/me/workspace', { workspaceId: owner.currentWorkspaceId })).status, 200);
  const agent = person.client;

  await customerWrites('16315550209', 'assigned words zebra');
  await customerWrites('16315550210', 'unassigned words zebra');
  const mine = await conversationOf('16315550209');
  const other = await conversationOf('16315550210');
  assert.equal((await api.patch(`/api/v1/conversations/${mine.id}`, { assigneeId: person.userId })).status, 200);

  const listIds = async () => ((await agent.get('/api/v1/conversations?limit=200')).body as { data: { id: string }[] }).data.map((c) => c.id);
  assert.ok((await listIds()).includes(other.id), 'the setting is off: agents see everything');

  await patchSettings({ agentsSeeOnlyAssigned: true });
  assert.deepEqual(await listIds(), [mine.id]);
  assert.equal((await agent.get(`/api/v1/conversations/${other.id}`)).status, 404);
  assert.equal((await agent.get(`/api/v1/conversations/${other.id}/messages`)).status, 404);
  assert.equal((await agent.post(`/api/v1/conversations/${other.id}/read`)).status, 404);
  assert.equal((await agent.patch(`/api/v1/conversations/${other.id}`, { status: 'resolved' })).status, 404);
  assert.equal((await agent.get(`/api/v1/conversations/${mine.id}`)).status, 200);
  assert.equal((await agent.get(`/api/v1/conversations/${mine.id}/messages`)).status, 200);
  const found = (await agent.get('/api/v1/messages/search?q=zebra')).body as { data: { conversationId: string }[] };
  assert.deepEqual(found.data.map((m) => m.conversationId), [mine.id]);
  const messages = (await agent.get('/api/v1/messages?limit=200')).body as { data: { id: string; conversationId: string }[] };
  assert.ok(messages.data.length > 0 && messages.data.every((m) => m.conversationId === mine.id));
  const foreign = ((await api.get(`/api/v1/conversations/${other.id}/messages`)).body as { data: { id: string }[] }).data[0]!;
  assert.equal((await agent.get(`/api/v1/messages/${foreign.id}`)).status, 404);
  h.sim.engine.injectInbound({ phoneNumberId: h.number.phoneNumberId, from: '16315550210', type: 'image', image: { caption: 'a photo' } } as never);
  await customerWrites('16315550210', 'see the photo');
  const image = ((await api.get(`/api/v1/conversations/${other.id}/messages`)).body as { data: { type: string; media?: { id: string }[] }[] }).data.find((m) => m.type === 'image')!;
  assert.notEqual((await api.get(`/api/v1/media/${image.media![0]!.id}`)).status, 404, 'the owner reaches the medium');
  assert.equal((await agent.get(`/api/v1/media/${image.media![0]!.id}`)).status, 404, 'the agent does not');
  assert.equal(((await api.get('/api/v1/conversations?limit=200')).body as { data: unknown[] }).data.length > 1, true, 'owners still see everything');

  // The event stream: message events of the other conversation never reach the agent.
  const stream = await SseClient.open(`${t.url}/api/v1/events`, { cookie: String(Reflect.get(agent, 'cookie')) });
  assert.equal(stream.status, 200);
  await customerWrites('16315550210', 'again, unassigned');
  await customerWrites('16315550209', 'again, assigned');
  const created = () => stream.messages.filter((m) => m.event === 'message.created').map((m) => (JSON.parse(m.data) as { conversationId: string }).conversationId);
  await stream.waitFor(() => created().includes(mine.id));
  assert.ok(!created().includes(other.id), 'no message event of an unassigned conversation');
  stream.close();
  await patchSettings({ agentsSeeOnlyAssigned: false });
});
