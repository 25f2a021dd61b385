import type { Config } from '../../platform/config';
import type { Logger } from '../../platform/logging';
import { rebuildWorkspaces } from '../../modules/analytics';
import { buildContainer } from '../container';

/** `whatgrow analytics rebuild [--workspace ID]`: the figures summed afresh from the source tables. */
export async function runAnalyticsRebuild({ config, logger }: { config: Config; logger: Logger }, options: { workspace?: string }): Promise<void> {
  const container = await buildContainer(config, logger);
  try {
    const count = await rebuildWorkspaces(container.analytics, options.workspace, (workspaceId, s) => {
      process.stdout.write(`workspace ${workspaceId}: ${s.messages} messages, ${s.episodes} conversation episodes, ${s.consentChanges} consent changes, ${s.rollupRows} rollup rows\n`);
    });
    if (options.workspace !== undefined && count === 0) throw Object.assign(new Error(`no workspace ${options.workspace}`), { userFacing: true });
    if (options.workspace === undefined) process.stdout.write(`rebuilt ${count} workspaces\n`);
  } finally {
    await container.close();
  }
}
