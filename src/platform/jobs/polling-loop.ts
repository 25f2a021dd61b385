import type { Logger } from '../logging';

export interface PollingLoopOptions {
  /** Names the loop in its log lines. */
  name: string;
  /**
   * One round of work; returns how many items it handled. A busy round (> 0) is followed at once by
   * another, an idle one (0) by a sleep. `signal` aborts when the loop is stopped, so a long round can
   * stop between items instead of finishing its whole batch.
   */
  tick: (signal: AbortSignal) => Promise<number>;
  /** How long to sleep after an idle or failed round, unless woken. */
  idleMs: number;
  /**
   * How long to sleep after a busy round, unless woken (default 0: the next round at once). A loop
   * that paces its work (the campaign runner tops up its sends every so often) keeps its cadence.
   */
  busyMs?: number;
  logger: Logger;
  /** False: no background rounds, only `drain()` (tests and benches that step the loop themselves). */
  autoStart?: boolean;
}

export interface PollingLoop {
  /** Ends the current sleep at once (new work was stored); a wake during a round skips the next sleep. */
  wake(): void;
  /** Runs rounds until one is idle and returns the items handled; rounds never overlap the loop's own. Errors reach the caller. */
  drain(): Promise<number>;
  /** Ends the sleep at once and resolves when the current round has finished; no round starts after it. */
  stop(): Promise<void>;
}

/**
 * The one poll/sleep/wake loop of the background workers. Rounds run one at a time (a drain waits for
 * the loop's round and the loop for the drain's), and the sleep is a timer that stop() clears, so a
 * stopped loop leaves nothing behind that keeps the process alive.
 */
export function startPollingLoop(options: PollingLoopOptions): PollingLoop {
  const abort = new AbortController();
  let current: Promise<unknown> = Promise.resolve();
  let woken = false;
  let endSleep: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;

  // Chains rounds so a drain and the background loop never run one at the same time.
  const exclusive = (): Promise<number> => {
    const round = current.then(() => (abort.signal.aborted ? 0 : options.tick(abort.signal)));
    current = round.catch(() => undefined);
    return round;
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken || abort.signal.aborted) return resolve();
      endSleep = resolve;
      timer = setTimeout(resolve, ms);
    }).finally(() => {
      clearTimeout(timer);
      endSleep = undefined;
      woken = false;
    });

  const loop = async () => {
    while (!abort.signal.aborted) {
      woken = false;
      const handled = await exclusive().catch((error: unknown) => {
        options.logger.error({ err: error, loop: options.name }, 'background loop round failed; retrying after its idle pause');
        return 0;
      });
      if (handled === 0) await sleep(options.idleMs);
      else if (options.busyMs) await sleep(options.busyMs);
    }
  };
  if (options.autoStart !== false) void loop();

  return {
    wake() {
      woken = true;
      endSleep?.();
    },
    async drain() {
      let total = 0;
      for (;;) {
        const handled = await exclusive();
        total += handled;
        if (handled === 0) return total;
      }
    },
    async stop() {
      abort.abort();
      endSleep?.();
      await current;
    },
  };
}
