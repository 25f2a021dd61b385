import assert from 'node:assert/strict';
import type { FixtureProvider } from './types';

export const fixtures: FixtureProvider = async ({ a }) => {
  const channelId = ((await a.client.get('/api/v1/channels')).body as { data: { id: string }[] }).data[0]!.id;
  const unchanged = async () => {
    const channel = await a.client.get(`/api/v1/channels/${channelId}`);
    assert.equal(channel.status, 200);
    assert.equal((channel.body as { throughputMps: number }).throughputMps, 80, "A's channel was not changed by B");
  };
  return {
    'GET /api/v1/channels/:id': { id: channelId },
    'PATCH /api/v1/channels/:id': { id: channelId, body: { throughputMps: 20 }, unchanged },
    'DELETE /api/v1/channels/:id': { id: channelId, unchanged },
    'GET /api/v1/channels/:id/sandbox-phone': { id: channelId },
  };
};
