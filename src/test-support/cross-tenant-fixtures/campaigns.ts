import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { withTenant } from '../../platform/db';
import type { FixtureProvider } from './types';

/** A draft campaign of A (its template row stands in for a synced, approved one). */
export const fixtures: FixtureProvider = async ({ t, a }) => {
  const channel = ((await a.client.get('/api/v1/channels')).body as { data: { wabaId: string }[] }).data[0]!;
  await withTenant(t.container.database.db, a.workspaceId, (tx) =>
    sql`insert into templates (workspace_id, id, waba_id, meta_template_id, name, language, category, status, components)
        values (${a.workspaceId}, 'tpl-fixture', ${channel.wabaId}, '990001', 'fixture_notice', 'en_US', 'UTILITY', 'APPROVED', '[{"type":"BODY","text":"Notice."}]'::jsonb)`.execute(tx));
  const contact = await a.client.post('/api/v1/contacts', { phone: '+14155550199', name: 'Fixture' });
  assert.equal(contact.status, 201, contact.text);
  const created = await a.client.post('/api/v1/campaigns', { name: 'Fixture', template: { name: 'fixture_notice', language: 'en_US' }, audience: { contactIds: [(contact.body as { id: string }).id] } });
  assert.equal(created.status, 201, created.text);
  const id = (created.body as { id: string }).id;
  const unchanged = async () => {
    const r = await a.client.get(`/api/v1/campaigns/${id}`);
    assert.equal(r.status, 200);
    assert.equal((r.body as { status: string }).status, 'draft', "A's campaign was not started, paused or cancelled by B");
  };
  return {
    'GET /api/v1/campaigns/:id': { id },
    'POST /api/v1/campaigns/:id/start': { id, unchanged },
    'POST /api/v1/campaigns/:id/pause': { id, unchanged },
    'POST /api/v1/campaigns/:id/resume': { id, unchanged },
    'POST /api/v1/campaigns/:id/cancel': { id, unchanged },
  };
};
