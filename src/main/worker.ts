import { startJobRunner } from '../platform/jobs';
import type { Container } from './container';

/** The background half: jobs and crons. Handlers are added as modules gain background work. */
export function startWorker(container: Container) {
  return startJobRunner({ db: container.database.db, clock: container.clock, logger: container.logger, handlers: {} });
}
