import { z } from 'zod';
import type { ChannelDeps } from './deps';
import { graphBaseUrlOf } from './graph-endpoint';
import type { ChannelRow } from './tables';

export const channelView = z.object({
  id: z.string(),
  phoneNumberId: z.string(),
  wabaId: z.string(),
  displayPhoneNumber: z.string(),
  throughputMps: z.number(),
  qualityRating: z.string().nullable(),
  messagingLimit: z.string().nullable(),
  graphApiBaseUrl: z.string(),
  graphApiVersion: z.string(),
  sandbox: z.boolean(),
  createdAt: z.string(),
});

/** The public view of a channel: never its token, app secret or verify token. */
export function toChannelView(deps: Pick<ChannelDeps, 'publicUrl'>, row: ChannelRow): z.infer<typeof channelView> {
  return {
    id: row.id,
    phoneNumberId: row.phone_number_id,
    wabaId: row.waba_id,
    displayPhoneNumber: row.display_phone_number,
    throughputMps: row.throughput_mps,
    qualityRating: row.quality_rating,
    messagingLimit: row.messaging_limit,
    graphApiBaseUrl: graphBaseUrlOf(deps, row),
    graphApiVersion: row.graph_api_version,
    sandbox: row.sandbox,
    createdAt: row.created_at.toISOString(),
  };
}
