import assert from 'node:assert/strict';
import type { FixtureProvider } from './types';

export const fixtures: FixtureProvider = async ({ a }) => {
  const created = await a.client.post('/api/v1/contacts', { phone: '+351912345678', name: 'Fixture Person', tags: ['vip'] });
  assert.equal(created.status, 201, created.text);
  const id = (created.body as { id: string }).id;
  const unchanged = async () => {
    const contact = (await a.client.get(`/api/v1/contacts/${id}`)).body as { name: string; marketingConsent: boolean };
    assert.equal(contact.name, 'Fixture Person', "A's contact was not changed by B");
    assert.equal(contact.marketingConsent, false);
  };
  const imported = await a.client.request('POST', '/api/v1/contacts/import', { rawBody: 'phone,name\n+351912345679,Imported Person\n', headers: { 'content-type': 'text/csv' } });
  assert.equal(imported.status, 202, imported.text);
  return {
    'GET /api/v1/contacts/imports/:id': { id: (imported.body as { importId: string }).importId },
    'GET /api/v1/contacts/:id': { id },
    'PATCH /api/v1/contacts/:id': { id, body: { name: 'Changed by B' }, unchanged },
    'GET /api/v1/contacts/:id/consent': { id },
    'POST /api/v1/contacts/:id/consent': { id, body: { purpose: 'marketing', granted: true, source: 'b' }, unchanged },
  };
};
