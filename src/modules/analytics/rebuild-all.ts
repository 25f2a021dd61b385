import type { AnalyticsDeps } from './deps';
import { rebuildRollups, type RebuildSummary } from './rebuild-rollups';
import { unsafeAllWorkspaceIds } from './rollup.repository';

/** Rebuilds one workspace's figures, or every workspace's (one transaction each); reports each as it ends. Returns how many (0: no such workspace). */
export async function rebuildWorkspaces(deps: AnalyticsDeps, workspaceId: string | undefined, onDone: (workspaceId: string, summary: RebuildSummary) => void): Promise<number> {
  const ids = (await unsafeAllWorkspaceIds(deps.db)).filter((id) => workspaceId === undefined || id === workspaceId);
  for (const id of ids) onDone(id, await rebuildRollups(deps, id));
  return ids.length;
}
