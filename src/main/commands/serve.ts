import type { Config } from '../../platform/config';
import type { Logger } from '../../platform/logging';
import { buildApi } from '../api';
import { buildContainer } from '../container';
import { startWorker } from '../worker';

export async function runServe({ config, logger }: { config: Config; logger: Logger }, parts: { api: boolean; worker: boolean }): Promise<void> {
  const container = await buildContainer(config, logger);
  const app = parts.api ? await buildApi(container) : undefined;
  const worker = parts.worker ? startWorker(container) : undefined;
  if (app) {
    await app.listen({ port: config.port, host: config.host });
    logger.info(`WhatGrowPro is running at ${config.publicUrl} (database: ${container.database.kind}, WhatsApp: ${config.whatsappMode})`);
  }
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app?.close();
    await worker?.stop();
    await container.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
