import assert from 'node:assert/strict';
import type { FixtureProvider } from './types';

export const fixtures: FixtureProvider = async ({ t, a }) => {
  const aKey = await t.apiKey(a.client, 'agent');
  const aAgent = await t.signUp();
  const invitation = await a.client.post('/api/v1/invitations', { email: `new-${Date.now()}@example.com`, role: 'agent' });
  const token = new URL((invitation.body as { acceptUrl: string }).acceptUrl).searchParams.get('invitation')!;
  const agentInvitation = await a.client.post('/api/v1/invitations', { email: aAgent.email, role: 'agent' });
  const agentToken = new URL((agentInvitation.body as { acceptUrl: string }).acceptUrl).searchParams.get('invitation')!;
  await aAgent.client.post(`/api/v1/invitations/${encodeURIComponent(agentToken)}/accept`);
  const agentId = ((await a.client.get('/api/v1/members')).body as { data: { id: string; role: string }[] }).data.find((m) => m.role === 'agent')!.id;
  const agentUnchanged = async () => {
    const members = (await a.client.get('/api/v1/members')).body as { data: { id: string; role: string }[] };
    assert.equal(members.data.find((m) => m.id === agentId)?.role, 'agent', "A's agent is still an agent");
  };
  return {
    'DELETE /api/v1/api-keys/:id': { id: aKey.id, unchanged: async () => assert.equal((await aKey.client.get('/api/v1/me')).status, 200) },
    'PATCH /api/v1/members/:id': { id: agentId, body: { role: 'admin' }, unchanged: agentUnchanged },
    'DELETE /api/v1/members/:id': { id: agentId, unchanged: agentUnchanged },
    'POST /api/v1/invitations/:token/accept': { id: token },
  };
};
