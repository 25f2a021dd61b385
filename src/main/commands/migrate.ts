import type { Config } from '../../platform/config';
import { migrate, openDatabase } from '../../platform/db';
import type { Logger } from '../../platform/logging';

export async function runMigrate({ config, logger }: { config: Config; logger: Logger }): Promise<void> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrate(database);
    logger.info({ applied }, applied.length ? 'migrations applied' : 'database already up to date');
    process.stdout.write(`${JSON.stringify({ applied })}\n`);
  } finally {
    await database.close();
  }
}
