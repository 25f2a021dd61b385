import type { AnyDb } from '../../platform/db';
import { analyzeAudienceTables } from '../contacts';
import { analyzeMessageTables, analyzeSendQueue } from '../messages';
import { analyzeRecipients } from './campaign.repository';

const FIRST_MILESTONE = 2_000;
const GROWTH = 4;

/**
 * Keeps the planner's statistics in step with a running campaign, which grows a workspace's share
 * of the recipient, message and queue tables from nothing to its audience within minutes (stale
 * statistics turned every batched lookup into a scan of the workspace). The tables it reads are
 * analyzed when this process first steps it; the ones it writes again each time its queued count
 * quadruples — a handful of ANALYZEs however large the audience.
 */
export function statisticsMilestones(db: AnyDb) {
  const progress = new Map<string, { queued: number; milestone: number }>();
  const analyzeWritten = async () => {
    await analyzeRecipients(db);
    await analyzeMessageTables(db);
    await analyzeSendQueue(db);
  };
  return {
    async stepping(campaignId: string): Promise<void> {
      if (progress.has(campaignId)) return;
      progress.set(campaignId, { queued: 0, milestone: FIRST_MILESTONE });
      await analyzeAudienceTables(db);
      await analyzeWritten();
    },
    async queued(campaignId: string, n: number): Promise<void> {
      const p = progress.get(campaignId);
      if (!p) return;
      p.queued += n;
      if (p.queued < p.milestone) return;
      p.milestone = p.queued * GROWTH;
      await analyzeWritten();
    },
    /** Forgets campaigns no longer active. */
    keepOnly(activeIds: Set<string>): void {
      for (const id of progress.keys()) if (!activeIds.has(id)) progress.delete(id);
    },
  };
}
