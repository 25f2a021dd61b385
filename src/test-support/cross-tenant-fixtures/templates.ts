import { sql } from 'kysely';
import { withTenant } from '../../platform/db';
import type { FixtureProvider } from './types';

/** A template row of A (standing in for a synced one) for the preview route. */
export const fixtures: FixtureProvider = async ({ t, a }) => {
  const channel = ((await a.client.get('/api/v1/channels')).body as { data: { wabaId: string }[] }).data[0]!;
  await withTenant(t.container.database.db, a.workspaceId, (tx) =>
    sql`insert into templates (workspace_id, id, waba_id, meta_template_id, name, language, category, status, components)
        values (${a.workspaceId}, 'tpl-preview-fixture', ${channel.wabaId}, '990002', 'fixture_preview', 'en_US', 'UTILITY', 'APPROVED', '[{"type":"BODY","text":"Hi {{1}}."}]'::jsonb)`.execute(tx));
  return { 'POST /api/v1/templates/:id/preview': { id: 'tpl-preview-fixture', body: {} } };
};
