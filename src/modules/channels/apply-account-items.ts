import { publishEvent } from '../../platform/events';
import { applyNumberUpdate } from './apply-number-update';
import type { ChannelDeps } from './deps';
import { recordChannelEvent } from './record-channel-event';
import { metaText } from './whatsapp/webhooks/meta-values';
import type { ItemHandlers } from './whatsapp/webhooks/sink-by-kind';

// Meta's enums and limits become columns: repaired and bounded text, or absent.
const str = (v: unknown) => metaText(v, 512);

/**
 * The envelope items channels own: number quality and throughput, account updates and any other
 * account field (kept as channel events), and value-level errors (system, app, account: their
 * code readable, the rest sealed).
 */
export function channelItemHandlers(deps: ChannelDeps): Pick<ItemHandlers, 'account' | 'error'> {
  return {
    async account(tx, workspaceId, items) {
      const now = deps.clock.now();
      for (const item of items) {
        const v = item.value;
        if (item.field === 'phone_number_quality_update') {
          const event = str(v.event);
          // Meta names the number by display number only; the item carries the channel(s) it matched.
          for (const channel of item.channels) {
            await applyNumberUpdate(tx, workspaceId, channel.channelId, {
              messagingLimit: str(v.current_limit) ?? str(v.max_daily_conversations_per_business),
              throughputMps: event === 'THROUGHPUT_UPGRADE' ? 1000 : undefined,
              qualityRating: event === 'FLAGGED' ? 'RED' : event === 'UNFLAGGED' ? 'GREEN' : undefined,
            }, now);
            await publishEvent(tx, workspaceId, 'channel.updated', { channelId: channel.channelId });
          }
        }
        await recordChannelEvent(deps, tx, workspaceId, { channelId: item.channels[0]?.channelId ?? null, wabaId: item.wabaId, field: item.field, event: v.event, value: v });
      }
    },
    async error(tx, workspaceId, items) {
      for (const { channel, error: e } of items) {
        const code = str(e.code);
        await recordChannelEvent(deps, tx, workspaceId, { channelId: channel.channelId, wabaId: channel.wabaId, field: 'errors', event: code, facts: code ? { code } : {}, value: e });
      }
    },
  };
}
