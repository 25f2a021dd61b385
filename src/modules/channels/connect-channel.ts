import { newId, withTenant } from '../../platform/db';
import { parseOutboundUrl, urlNotAllowed } from '../../platform/net';
import type { Actor } from '../privacy';
import { sha256Hex } from './hash';
import { forgetChannelCredentials } from './channel-credentials';
import { sealChannelSecrets } from './channel-secrets';
import { insertChannel, unsafeFindRouteByPhoneNumberId } from './channel.repository';
import type { ChannelDeps } from './deps';
import { channelErrors } from './errors';
import { CloudApiClient, CloudApiError, GraphApiError, type PhoneNumberInfo } from './whatsapp/cloud-api';

export interface ConnectChannelInput {
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
  graphApiBaseUrl: string;
  graphApiVersion: string;
}

/**
 * Asks Meta about the number, so a wrong token is refused now rather than at the first send. The
 * base URL is the owner's to choose, so the request goes through the guarded transport, and every
 * failure but a Graph API error (Meta answering about the token or the number) is the one generic
 * `url_not_allowed`: refused address, refused or filtered port, timeout and non-Graph answer alike.
 */
async function fetchNumberInfo(deps: ChannelDeps, input: ConnectChannelInput): Promise<PhoneNumberInfo> {
  parseOutboundUrl(input.graphApiBaseUrl);
  const client = new CloudApiClient({
    baseUrl: input.graphApiBaseUrl,
    apiVersion: input.graphApiVersion,
    accessToken: input.accessToken,
    phoneNumberId: input.phoneNumberId,
    wabaId: input.wabaId,
    transport: deps.transport,
    timeoutMs: 10_000,
  });
  try {
    return await client.getPhoneNumberInfo();
  } catch (error) {
    if (error instanceof GraphApiError) throw channelErrors.credentialsRejected(error.hint, error.code);
    if (error instanceof CloudApiError) throw urlNotAllowed();
    throw error;
  }
}

export async function connectChannel(deps: ChannelDeps, workspaceId: string, actor: Actor, input: ConnectChannelInput) {
  if (await unsafeFindRouteByPhoneNumberId(deps.db, input.phoneNumberId)) throw channelErrors.alreadyConnected();
  const info = await fetchNumberInfo(deps, input);
  const id = newId();
  try {
    const connected = await withTenant(deps.db, workspaceId, async (tx) => {
      const row = {
        workspace_id: workspaceId,
        id,
        phone_number_id: input.phoneNumberId,
        waba_id: input.wabaId,
        display_phone_number: input.displayPhoneNumber,
        secrets: await sealChannelSecrets(deps.keyring, tx, workspaceId, id, { accessToken: input.accessToken, appSecret: input.appSecret, verifyToken: input.verifyToken }),
        graph_api_base_url: input.graphApiBaseUrl,
        graph_api_version: input.graphApiVersion,
        throughput_mps: info.throughputMps,
        quality_rating: info.qualityRating,
        messaging_limit: info.messagingLimit,
        sandbox: false,
      };
      await insertChannel(tx, row, sha256Hex(input.verifyToken));
      await deps.audit.record(tx, workspaceId, actor, { action: 'channel.connected', target: { type: 'channel', id } });
      const now = deps.clock.now();
      return { ...row, created_at: now, updated_at: now };
    });
    // A number connected before (then disconnected from another process) may still be cached
    // with its old secrets and Graph URL; from now on this process uses the new ones.
    forgetChannelCredentials(input.phoneNumberId);
    return connected;
  } catch (error) {
    // Two connections of one number racing: the routing table's primary key decides.
    if ((error as { code?: string }).code === '23505') throw channelErrors.alreadyConnected();
    throw error;
  }
}
