import assert from 'node:assert/strict';
import type { FixtureProvider } from './types';

/** A label and a canned response of workspace A; B may neither rename nor delete them. */
export const fixtures: FixtureProvider = async ({ a }) => {
  const label = await a.client.post('/api/v1/labels', { name: 'fixture-label' });
  assert.equal(label.status, 201, label.text);
  const canned = await a.client.post('/api/v1/canned-responses', { shortcut: 'fixture', text: 'fixture text' });
  assert.equal(canned.status, 201, canned.text);
  const labelId = (label.body as { id: string }).id;
  const cannedId = (canned.body as { id: string }).id;
  const unchanged = async () => {
    const labels = (await a.client.get('/api/v1/labels')).body as { data: { id: string; name: string }[] };
    assert.deepEqual(labels.data.filter((l) => l.id === labelId).map((l) => l.name), ['fixture-label']);
    const responses = (await a.client.get('/api/v1/canned-responses')).body as { data: { id: string; text: string }[] };
    assert.deepEqual(responses.data.filter((c) => c.id === cannedId).map((c) => c.text), ['fixture text']);
  };
  return {
    'PATCH /api/v1/labels/:id': { id: labelId, body: { name: 'renamed by B' }, unchanged },
    'DELETE /api/v1/labels/:id': { id: labelId, unchanged },
    'PATCH /api/v1/canned-responses/:id': { id: cannedId, body: { text: 'changed by B' }, unchanged },
    'DELETE /api/v1/canned-responses/:id': { id: cannedId, unchanged },
  };
};
