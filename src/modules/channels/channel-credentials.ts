import { CloudApiClient } from './whatsapp/cloud-api';
import { withTenant, type TenantTx } from '../../platform/db';
import { openChannelSecrets } from './channel-secrets';
import { findChannel, listChannels } from './channel.repository';
import type { ChannelDeps } from './deps';
import { graphBaseUrlOf, graphTransportOf } from './graph-endpoint';

/** What webhook ingress and media downloads need of a channel. Never logged. */
export interface ChannelCredentials {
  workspaceId: string;
  channelId: string;
  phoneNumberId: string;
  wabaId: string;
  appSecret: string;
  accessToken: string;
  graphApiBaseUrl: string;
  graphApiVersion: string;
  sandbox: boolean;
}

const TTL_MS = 30_000;
const MISS_TTL_MS = 2_000;
const cache = new Map<string, { at: number; value: Promise<ChannelCredentials | null> }>();

async function load(deps: ChannelDeps, phoneNumberId: string): Promise<ChannelCredentials | null> {
  const route = await deps.db.selectFrom('channel_routes').selectAll().where('phone_number_id', '=', phoneNumberId).executeTakeFirst();
  if (!route) return null;
  return withTenant(deps.db, route.workspace_id, async (tx) => {
    const row = await findChannel(tx, route.workspace_id, route.channel_id);
    if (!row) return null;
    const secrets = await openChannelSecrets(deps.keyring, tx, route.workspace_id, row.secrets);
    return {
      workspaceId: route.workspace_id,
      channelId: row.id,
      phoneNumberId: row.phone_number_id,
      wabaId: row.waba_id,
      appSecret: secrets.appSecret,
      accessToken: secrets.accessToken,
      graphApiBaseUrl: graphBaseUrlOf(deps, row),
      graphApiVersion: row.graph_api_version,
      sandbox: row.sandbox,
    };
  });
}

/**
 * Webhook ingress: the credentials of the channel of a phone number, before any tenant is known.
 * Cached in memory for 30 s (unknown numbers for 2 s), so a webhook flood costs no key unwrapping.
 */
export function unsafeLoadChannelCredentials(deps: ChannelDeps, phoneNumberId: string): Promise<ChannelCredentials | null> {
  const now = Date.now();
  const hit = cache.get(phoneNumberId);
  if (hit && now - hit.at < TTL_MS) return hit.value;
  const value = load(deps, phoneNumberId).then(
    (found) => {
      if (!found) setTimeout(() => cache.get(phoneNumberId)?.value === value && cache.delete(phoneNumberId), MISS_TTL_MS).unref();
      return found;
    },
    (error: unknown) => {
      cache.delete(phoneNumberId);
      throw error;
    },
  );
  cache.set(phoneNumberId, { at: now, value });
  if (cache.size > 10_000) cache.delete(cache.keys().next().value!);
  return value;
}

/** Account-level webhooks name a WABA: the phone numbers connected under it. */
export async function unsafeListPhoneNumberIdsOfWaba(deps: ChannelDeps, wabaId: string): Promise<string[]> {
  const rows = await deps.db.selectFrom('channel_routes').select('phone_number_id').where('waba_id', '=', wabaId).execute();
  return rows.map((r) => r.phone_number_id);
}

/** Whether a verify token is a connected channel's (the GET handshake). */
export async function unsafeIsVerifyTokenHash(deps: ChannelDeps, hash: string): Promise<boolean> {
  return Boolean(await deps.db.selectFrom('channel_routes').select('phone_number_id').where('verify_token_hash', '=', hash).executeTakeFirst());
}

/** Tests and disconnects: forget cached credentials. */
export function forgetChannelCredentials(phoneNumberId?: string): void {
  if (phoneNumberId) cache.delete(phoneNumberId);
  else cache.clear();
}

/** A channel's credentials by its id, inside the tenant (media downloads). */
export async function loadChannelCredentialsById(deps: ChannelDeps, workspaceId: string, channelId: string): Promise<ChannelCredentials | null> {
  const row = await withTenant(deps.db, workspaceId, (tx) => findChannel(tx, workspaceId, channelId));
  return row ? unsafeLoadChannelCredentials(deps, row.phone_number_id) : null;
}

/** A Cloud API client for a channel (media downloads by inbound processing). */
export function clientFor(deps: ChannelDeps, creds: ChannelCredentials): CloudApiClient {
  return new CloudApiClient({ baseUrl: creds.graphApiBaseUrl, apiVersion: creds.graphApiVersion, accessToken: creds.accessToken, phoneNumberId: creds.phoneNumberId, wabaId: creds.wabaId, transport: graphTransportOf(deps, creds) });
}

/** The routing facts of a workspace's channels, read inside its transaction (no secrets). */
export async function listChannelRefs(tx: TenantTx, workspaceId: string): Promise<{ channelId: string; phoneNumberId: string; wabaId: string; displayPhoneNumber: string }[]> {
  return (await listChannels(tx, workspaceId)).map((c) => ({ channelId: c.id, phoneNumberId: c.phone_number_id, wabaId: c.waba_id, displayPhoneNumber: c.display_phone_number }));
}
