import { withTenant } from '../../platform/db';
import { clientFor, loadChannelCredentialsById, type MetaTemplate } from '../channels';
import type { Actor } from '../privacy';
import type { TemplatesDeps } from './deps';
import { templateErrors } from './errors';
import { upsertTemplates } from './template.repository';

/** Pulls every template of the channel's WhatsApp Business Account into our table. */
export async function syncTemplates(deps: TemplatesDeps, workspaceId: string, actor: Actor, channelId: string): Promise<{ synced: number }> {
  const creds = await loadChannelCredentialsById(deps.channels, workspaceId, channelId);
  if (!creds) throw templateErrors.channelNotFound();
  const client = clientFor(deps.channels, creds);
  const all: MetaTemplate[] = [];
  for await (const t of client.listAllTemplates()) all.push(t);
  const at = deps.clock.now();
  for (let i = 0; i < all.length; i += 500) {
    await withTenant(deps.db, workspaceId, (tx) => upsertTemplates(tx, workspaceId, creds.wabaId, all.slice(i, i + 500), at));
  }
  await withTenant(deps.db, workspaceId, (tx) => deps.audit.record(tx, workspaceId, actor, { action: 'template.sync', target: { type: 'channel', id: channelId }, details: { synced: all.length } }));
  return { synced: all.length };
}
