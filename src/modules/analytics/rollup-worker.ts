import { startPollingLoop, type PollingLoop } from '../../platform/jobs';
import type { AnalyticsDeps } from './deps';
import { rollUpEvents } from './roll-up-events';

/** The rollup worker of a worker process: a round at once while events keep coming, else every `idleMs`. */
export function startAnalyticsRollups(deps: AnalyticsDeps, options: { idleMs?: number; autoStart?: boolean } = {}): PollingLoop {
  return startPollingLoop({ name: 'analytics-rollups', tick: () => rollUpEvents(deps), idleMs: options.idleMs ?? 1000, logger: deps.logger, autoStart: options.autoStart });
}
