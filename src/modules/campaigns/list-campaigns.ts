import { withTenant } from '../../platform/db';
import { listCampaignRows } from './campaign.repository';
import { viewWithFunnel, type CampaignView } from './campaign-view';
import type { CampaignsDeps } from './deps';

/**
 * The workspace's campaigns, newest first, each with its funnel, so a list can show progress.
 * A page is at most 200 campaigns, each counted by a few grouped queries.
 */
export async function listCampaigns(deps: CampaignsDeps, workspaceId: string, opts: { limit: number; before?: string }): Promise<CampaignView[]> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const rows = await listCampaignRows(tx, workspaceId, opts);
    const views: CampaignView[] = [];
    for (const c of rows) views.push(await viewWithFunnel(tx, workspaceId, c));
    return views;
  });
}
