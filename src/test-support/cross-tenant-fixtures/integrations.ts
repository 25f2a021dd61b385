import assert from 'node:assert/strict';
import type { FixtureProvider } from './types';

export const fixtures: FixtureProvider = async ({ a }) => {
  const created = await a.client.post('/api/v1/webhook-subscriptions', { url: 'https://hooks.example.com/whatgrow', events: ['conversation.updated'] });
  assert.equal(created.status, 201, created.text);
  const id = (created.body as { id: string }).id;
  const unchanged = async () => {
    const row = await a.client.get(`/api/v1/webhook-subscriptions/${id}`);
    assert.equal(row.status, 200);
    const body = row.body as { url: string; enabled: boolean; events: string[] };
    assert.equal(body.url, 'https://hooks.example.com/whatgrow', "A's subscription was not changed by B");
    assert.deepEqual(body.events, ['conversation.updated']);
    assert.equal(body.enabled, true);
  };
  return {
    'GET /api/v1/webhook-subscriptions/:id': { id },
    'PATCH /api/v1/webhook-subscriptions/:id': { id, body: { url: 'https://evil.example.com/', enabled: false }, unchanged },
    'DELETE /api/v1/webhook-subscriptions/:id': { id, unchanged },
    'POST /api/v1/webhook-subscriptions/:id/enable': { id, unchanged },
    'GET /api/v1/webhook-subscriptions/:id/deliveries': { id },
  };
};
