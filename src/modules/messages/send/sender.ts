import { randomUUID } from 'node:crypto';
import { startPollingLoop } from '../../../platform/jobs';
import { onCampaignSendsChanged } from './campaign-sends-control';
import type { MessagesDeps } from '../deps';
import { unsafeChannelsWithWork, vacuumSendQueue } from './send-queue.repository';
import { SendStream } from './send-stream';

/** While streams send, the queue's dead rows are vacuumed this often (10,000 of them at 1,000 sends/s). */
const VACUUM_EVERY_MS = 10_000;

export interface Sender {
  /** Look for work now (after a send was accepted in this process). */
  wake(): void;
  /** Runs until no channel has work that is due (tests). */
  drain(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The worker's sender: finds channels with sends due, takes each channel's lease (one owner per
 * phone number across every worker process) and runs its send stream while work remains. The scan
 * is a polling loop's round; the streams it starts run beside it, concurrently, each at its number's pace.
 */
export function startSender(deps: MessagesDeps, options: { pollMs?: number; owner?: string; wakeOn?: { subscribe(listener: () => void): () => void } } = {}): Sender {
  const owner = options.owner ?? `sender-${process.pid}-${randomUUID()}`;
  const streams = new Map<string, SendStream>();
  let vacuumedAt = Date.now();

  /** Starts a stream for each channel with sends due that has none yet; returns how many it started. */
  const scan = async (signal: AbortSignal): Promise<number> => {
    if (streams.size && Date.now() - vacuumedAt > VACUUM_EVERY_MS) {
      vacuumedAt = Date.now();
      await vacuumSendQueue(deps.db);
    }
    let started = 0;
    for (const c of await unsafeChannelsWithWork(deps.db, deps.clock.now())) {
      const key = `${c.workspace_id}/${c.channel_id}`;
      if (signal.aborted || streams.has(key)) continue;
      const stream = new SendStream(deps, c.workspace_id, c.channel_id, owner);
      streams.set(key, stream);
      void stream.done.finally(() => streams.delete(key));
      started += 1;
    }
    return started;
  };
  const loop = startPollingLoop({ name: 'sender', tick: scan, idleMs: options.pollMs ?? 250, logger: deps.logger });
  // A pause or cancel made in this process reaches the streams before it is acknowledged; a resume wakes the sender.
  const unsubscribe = onCampaignSendsChanged(deps, (workspaceId, campaignId, hold) => {
    for (const s of streams.values()) if (s.workspaceId === workspaceId) s.holdChanged(campaignId, hold);
    if (!hold) loop.wake();
  });
  // Sends queued elsewhere in this process (an automated reply, a campaign batch) are picked up at once.
  const unsubscribeQueued = options.wakeOn?.subscribe(() => loop.wake());
  const streamsDone = () => Promise.all([...streams.values()].map((s) => s.done));

  return {
    wake: () => loop.wake(),
    async drain(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      // The loop's drain scans (never beside its own round); the work itself is the streams', so wait for them too.
      for (;;) {
        await loop.drain();
        if (!streams.size) return;
        await streamsDone();
        if (Date.now() > deadline) throw new Error('sender drain timed out');
      }
    },
    async stop() {
      unsubscribe();
      unsubscribeQueued?.();
      await loop.stop();
      for (const s of streams.values()) s.stop();
      await streamsDone();
    },
  };
}
