import type { ChannelDeps } from './deps';
import type { GraphTransport } from './whatsapp/cloud-api';
import type { ChannelRow } from './tables';

export const SANDBOX_GRAPH_PATH = '/sandbox/graph';

/** The Graph API of this process's in-process simulator, from the configuration it runs with. */
export function sandboxGraphUrl(deps: Pick<ChannelDeps, 'publicUrl'>): string {
  return `${deps.publicUrl}${SANDBOX_GRAPH_PATH}`;
}

/**
 * Where a channel's Graph API is. A sandbox channel stores none: its simulator is the running
 * process's, so a workspace created by `whatgrow workspace create` under one PUBLIC_URL still
 * sends when the product is served on another port. Any URL a sandbox row still holds from before
 * is ignored. A connected number's URL is the one its owner gave, checked at every connection.
 */
export function graphBaseUrlOf(deps: Pick<ChannelDeps, 'publicUrl'>, row: Pick<ChannelRow, 'sandbox' | 'graph_api_base_url'>): string {
  // Only sandbox rows may lack a URL (the channels_graph_url_check constraint).
  return row.sandbox ? sandboxGraphUrl(deps) : row.graph_api_base_url!;
}

/**
 * The connections a channel's requests go through: the sandbox's reach our own simulator on a
 * loopback or private address built from our configuration, never from a user; every other
 * channel's pass the outbound-address guard.
 */
export function graphTransportOf(deps: Pick<ChannelDeps, 'transport' | 'sandboxTransport'>, channel: { sandbox: boolean }): GraphTransport {
  return channel.sandbox ? deps.sandboxTransport : deps.transport;
}
