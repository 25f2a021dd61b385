import assert from 'node:assert/strict';
import type { FixtureProvider } from './types';

export const fixtures: FixtureProvider = async ({ a }) => {
  const created = await a.client.post('/api/v1/contacts', { phone: '+351912345690', name: 'Privacy Fixture', tags: ['vip'] });
  assert.equal(created.status, 201, created.text);
  const id = (created.body as { id: string }).id;
  const unchanged = async () => {
    const contact = await a.client.get(`/api/v1/contacts/${id}`);
    assert.equal(contact.status, 200, "B could not erase A's contact");
  };
  // A certificate of A's: a second contact, erased by A.
  const erased = await a.client.post('/api/v1/contacts', { phone: '+351912345691', name: 'Erased By A' });
  const certificate = await a.client.delete(`/api/v1/contacts/${(erased.body as { id: string }).id}`);
  assert.equal(certificate.status, 200, certificate.text);
  return {
    'GET /api/v1/contacts/:id/export': { id },
    'DELETE /api/v1/contacts/:id': { id, unchanged },
    'GET /api/v1/privacy/erasure-certificates/:id': { id: (certificate.body as { certificate: { id: string } }).certificate.id },
  };
};
