import { withTenant } from '../../platform/db';
import { statusCounts } from '../inbox';
import { listCampaignRows, queuedMessageIds, recipientCounts } from './campaign.repository';
import { toView, type CampaignView } from './campaign-view';
import type { CampaignsDeps } from './deps';

/**
 * The workspace's campaigns, newest first, each with its funnel, so a list can show progress.
 * A page is at most 200 campaigns, counted by two grouped queries each.
 */
export async function listCampaigns(deps: CampaignsDeps, workspaceId: string, opts: { limit: number; before?: string }): Promise<CampaignView[]> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const rows = await listCampaignRows(tx, workspaceId, opts);
    const views: CampaignView[] = [];
    for (const c of rows) views.push(toView(c, await recipientCounts(tx, workspaceId, c.id), await statusCounts(tx, workspaceId, queuedMessageIds(workspaceId, c.id))));
    return views;
  });
}
