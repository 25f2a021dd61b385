import { randomUUID } from 'node:crypto';
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
 * phone number across every worker process) and runs its send stream while work remains.
 */
export function startSender(deps: MessagesDeps, options: { pollMs?: number; owner?: string; wakeOn?: { subscribe(listener: () => void): () => void } } = {}): Sender {
  const owner = options.owner ?? `sender-${process.pid}-${randomUUID()}`;
  const pollMs = options.pollMs ?? 250;
  const streams = new Map<string, SendStream>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let scanning: Promise<void> | undefined;
  let vacuumedAt = Date.now();

  const scan = async () => {
    if (streams.size && Date.now() - vacuumedAt > VACUUM_EVERY_MS) {
      vacuumedAt = Date.now();
      await vacuumSendQueue(deps.db);
    }
    const channels = await unsafeChannelsWithWork(deps.db, deps.clock.now());
    for (const c of channels) {
      const key = `${c.workspace_id}/${c.channel_id}`;
      if (stopped || streams.has(key)) continue;
      const stream = new SendStream(deps, c.workspace_id, c.channel_id, owner);
      streams.set(key, stream);
      void stream.done.finally(() => streams.delete(key));
    }
  };
  const tick = () => {
    if (stopped) return;
    scanning ??= scan()
      .catch((error: unknown) => deps.logger.error({ err: error }, 'sender scan failed'))
      .finally(() => {
        scanning = undefined;
        if (!stopped) timer = setTimeout(tick, pollMs);
      });
  };
  const wake = () => {
    if (timer) clearTimeout(timer);
    tick();
  };
  tick();
  // A pause or cancel made in this process reaches the streams before it is acknowledged; a resume wakes the sender.
  const unsubscribe = onCampaignSendsChanged(deps, (workspaceId, campaignId, hold) => {
    for (const s of streams.values()) if (s.workspaceId === workspaceId) s.holdChanged(campaignId, hold);
    if (!hold) wake();
  });
  // Sends queued elsewhere in this process (an automated reply, a campaign batch) are picked up at once.
  const unsubscribeQueued = options.wakeOn?.subscribe(wake);

  return {
    wake,
    async drain(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await scanning;
        await scan();
        if (!streams.size) return;
        await Promise.all([...streams.values()].map((s) => s.done));
        if (Date.now() > deadline) throw new Error('sender drain timed out');
      }
    },
    async stop() {
      stopped = true;
      unsubscribe();
      unsubscribeQueued?.();
      if (timer) clearTimeout(timer);
      await scanning;
      for (const s of streams.values()) s.stop();
      await Promise.all([...streams.values()].map((s) => s.done));
    },
  };
}
