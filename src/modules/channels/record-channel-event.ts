import { isIndexable, type BlindPurpose } from '../../platform/crypto';
import type { TenantTx } from '../../platform/db';
import { addCustomerIdsOf } from './whatsapp/webhooks/envelope-shape';
import { insertChannelEvent } from './channel-event.repository';
import { CHANNEL_EVENT_CONTEXT, type ChannelDeps } from './deps';
import { metaText } from './whatsapp/webhooks/meta-values';

export interface ChannelEventInput {
  channelId: string | null;
  wabaId: string;
  field: string;
  event: unknown;
  facts?: Record<string, string | number>;
  value: Record<string, unknown>;
}

/**
 * Account-level and coexistence webhooks (account_update, errors, history, smb_message_echoes,
 * smb_app_state_sync, …) kept as channel events. Any of them may carry message bodies, phone
 * numbers or names, so the value is sealed under the workspace's own data key (no contact owns an
 * account event) and indexed by blind tokens of the customer ids it names, which is how erasure
 * finds it; only the field, Meta's event enum and codes stay readable.
 */
export async function recordChannelEvent(deps: Pick<ChannelDeps, 'keyring' | 'clock'>, tx: TenantTx, workspaceId: string, e: ChannelEventInput): Promise<void> {
  const ids = { waIds: new Set<string>(), bsuids: new Set<string>() };
  addCustomerIdsOf(e.value, ids);
  const customerTokens: string[] = [];
  const index = async (purpose: BlindPurpose, values: Set<string>) => {
    for (const v of values) if (isIndexable(purpose, v)) customerTokens.push(await deps.keyring.blindToken(tx, workspaceId, purpose, v));
  };
  await index('wa_id', ids.waIds);
  await index('bsuid', ids.bsuids);
  const keyId = await deps.keyring.dataKeyForOwner(tx, workspaceId, { type: 'workspace', id: workspaceId });
  const sealed = await deps.keyring.encryptJson(tx, workspaceId, keyId, e.value, CHANNEL_EVENT_CONTEXT);
  await insertChannelEvent(tx, workspaceId, {
    channelId: e.channelId, wabaId: metaText(e.wabaId, 64) ?? '', field: metaText(e.field, 128) ?? '', event: metaText(e.event, 128) ?? null,
    facts: e.facts ?? {}, sealed, customerTokens: [...new Set(customerTokens)],
  }, deps.clock.now());
}
