import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useInboundFixture } from '../messages/testing';

// Conversation search: names are encrypted, so `q` goes through the contacts' blind search tokens,
// and `contactId` narrows the list to one customer (the contact page's conversations).

const customers = [
  { from: '16315550301', profileName: 'Lucía Fernández' },
  { from: '16315550302', profileName: 'Omar Haddad' },
];
const fx = useInboundFixture(async (fx) => {
  for (const c of customers) fx.h.sim.engine.injectInbound({ phoneNumberId: fx.h.number.phoneNumberId, from: c.from, profileName: c.profileName, type: 'text', text: { body: 'hello' } } as never);
  for (const c of await fx.h.take()) assert.equal((await fx.h.deliver(c)).status, 200);
  await fx.h.process();
});

type Page = { data: { id: string; contactId: string }[] };
const conversations = async (query: string) => {
  const response = await fx.api.get(`/api/v1/conversations?${query}`);
  assert.equal(response.status, 200, response.text);
  return (response.body as Page).data;
};
const contactIdOf = async (name: string) => ((await fx.api.get(`/api/v1/contacts?q=${encodeURIComponent(name)}`)).body as { data: { id: string }[] }).data[0]!.id;

test('q finds conversations by the customer name (accents and case folded, word prefixes) and by phone digits', async () => {
  const lucia = await contactIdOf('Lucía');
  const omar = await contactIdOf('Omar');
  assert.notEqual(lucia, omar);
  assert.deepEqual((await conversations('q=lucia')).map((c) => c.contactId), [lucia]);
  assert.deepEqual((await conversations('q=FERN')).map((c) => c.contactId), [lucia], 'a word prefix of 3+ letters');
  assert.deepEqual((await conversations('q=5550302')).map((c) => c.contactId), [omar], 'phone digits');
  assert.deepEqual(await conversations('q=Nobody'), []);
  assert.equal((await conversations('')).length, 2);
});

test('contactId narrows to one customer, also combined with q; another id finds nothing', async () => {
  const omar = await contactIdOf('Omar');
  assert.deepEqual((await conversations(`contactId=${omar}`)).map((c) => c.contactId), [omar]);
  assert.deepEqual(await conversations(`contactId=${omar}&q=lucia`), []);
  assert.deepEqual(await conversations('contactId=not-a-contact'), []);
});
