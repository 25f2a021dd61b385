import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import yauzl from 'yauzl';
import { useInboundFixture } from '../../messages/testing';
import { seedPerson, subscribeWebhooks, type SeededPerson } from '../testing/seed-person';

// A person's export as an owner downloads it: a ZIP whose export.json validates against the
// published schema and holds every message of theirs, with every medium's file.

let person: SeededPerson;
const fx = useInboundFixture(async (f) => {
  await subscribeWebhooks(f);
  person = await seedPerson(f, { phone: '4917655501234', name: 'Odalys Fenwright', word: 'quinoaparasol' });
  await seedPerson(f, { phone: '4917655509876', name: 'Someone Else', word: 'otherword' });
});

async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStreamPromise(entry).then(async (stream) => {
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        files.set(entry.fileName, Buffer.concat(chunks));
        zip.readEntry();
      }, reject);
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return files;
}

async function download(key: string, contactId: string) {
  return fetch(`${fx.t.url}/api/v1/contacts/${contactId}/export`, { headers: { authorization: `Bearer ${key}` } });
}

test('the export is a ZIP whose export.json validates against the published schema, with every message and medium', async () => {
  const owner = await fx.t.apiKey(fx.api, 'owner');
  const response = await download(owner.key, person.contactId);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/zip');
  const files = await unzip(Buffer.from(await response.arrayBuffer()));
  const document = JSON.parse(files.get('export.json')!.toString('utf8')) as {
    contact: { id: string; name: string; phone: string; tags: string[]; attributes: Record<string, string> };
    messages: { id: string; content?: Record<string, { body?: string; caption?: string }>; reactions: { emoji: string }[]; media: { id: string; file: string | null; sha256: string | null }[] }[];
    consent: unknown[]; conversations: { notes: { body: string }[] }[]; campaignReceipts: unknown[]; webhookDeliveries: unknown[]; automatedReplies: unknown[];
    files: { path: string; bytes: number }[];
  };

  const schema = JSON.parse(readFileSync(new URL('../../../../docs/schemas/contact-export.schema.json', import.meta.url), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true }).compile(schema);
  assert.ok(validate(document), JSON.stringify(validate.errors, null, 2));
  const served = await fx.t.anonymous.get('/api/v1/privacy/schemas/contact-export.json');
  assert.deepEqual(served.body, schema, 'the schema is published as it is in the repository');

  assert.equal(document.contact.id, person.contactId);
  assert.equal(document.contact.name, 'Odalys Fenwright');
  assert.equal(document.contact.phone, '+4917655501234');
  assert.deepEqual([document.contact.tags, document.contact.attributes], [['vip'], { favourite: 'quinoaparasol' }]);
  assert.deepEqual(document.messages.map((m) => m.id).sort(), [...person.messageIds].sort(), 'every message of the person, no one else\'s');
  assert.ok(document.messages.some((m) => m.content?.text?.body === 'hello quinoaparasol'));
  assert.ok(document.messages.some((m) => m.reactions.some((r) => r.emoji === '🦩')));
  const media = document.messages.flatMap((m) => m.media);
  assert.deepEqual(media.map((m) => m.id).sort(), [...person.mediaIds].sort());
  assert.ok(media.length >= 1);
  for (const m of media) {
    assert.ok(m.file && files.has(m.file), `the file of medium ${m.id} is in the ZIP`);
    assert.ok(files.get(m.file)!.length > 0);
  }
  assert.deepEqual(document.files.map((f) => f.path).sort(), media.map((m) => m.file).sort());
  assert.equal(document.consent.length, 1);
  assert.deepEqual(document.conversations[0]!.notes.map((n) => n.body), ['note about quinoaparasol']);
  assert.equal(document.campaignReceipts.length, 1);
  assert.equal(document.automatedReplies.length, 1);
  assert.ok(document.webhookDeliveries.length >= 1, 'the deliveries of events about them');
  const summary = files.get('summary.html')!.toString('utf8');
  assert.match(summary, /Odalys Fenwright/);
  assert.match(summary, /hello quinoaparasol/);
  assert.ok(!JSON.stringify(document).includes('otherword'), 'nothing of another person');

  const audit = (await fx.api.get('/api/v1/audit-events?limit=5')).body as { data: { action: string; target: { id: string } | null }[] };
  assert.equal(audit.data.filter((e) => e.action === 'contact.exported').length, 1, 'one audit entry per export');
  assert.equal(audit.data.find((e) => e.action === 'contact.exported')!.target?.id, person.contactId);
});

test('agents and analysts are refused; another workspace gets 404', async () => {
  for (const role of ['agent', 'analyst'] as const) {
    const key = await fx.t.apiKey(fx.api, role);
    assert.equal((await download(key.key, person.contactId)).status, 403, role);
  }
  const other = await fx.t.signUp();
  const otherKey = await fx.t.apiKey(other.client, 'owner');
  assert.equal((await download(otherKey.key, person.contactId)).status, 404);
  assert.equal((await download(otherKey.key, 'no-such-contact')).status, 404);
});
