/* eslint-disable @typescript-eslint/no-explicit-any */
import type { TenantTx } from '../../../../platform/db';
import { asArray, asString, type WebhookEntry } from './envelope-shape';
import { metaText } from './meta-values';

export interface ChannelRef {
  channelId: string;
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
}

/** One unit of work of a verified envelope, in envelope order. Meta's objects are passed as sent. */
export type InboundItem =
  | { kind: 'message'; channel: ChannelRef; message: Record<string, any>; profileName?: string; username?: string; waId?: string; userId?: string }
  | { kind: 'status'; channel: ChannelRef; status: Record<string, any> }
  | { kind: 'error'; channel: ChannelRef; error: Record<string, any> }
  | { kind: 'user_preference'; channel: ChannelRef; preference: Record<string, any>; waId?: string; userId?: string }
  | { kind: 'template'; wabaId: string; field: string; value: Record<string, any> }
  | { kind: 'account'; wabaId: string; channels: ChannelRef[]; field: string; value: Record<string, any> };

/** Leaves an item out with a reason code (it names no id, no customer, no known status). */
export type RejectItem = (item: InboundItem, reason: string) => void;

/** An item applied to nothing because of what it holds (no id, no customer identity): recorded, never retried. */
export interface ItemRejection {
  item: InboundItem;
  reason: string;
}

/**
 * Applies a batch of items in the caller's tenant transaction (the envelope is marked processed in
 * it too) and returns the items it had to leave out, with a reason code each.
 */
export type InboundSink = (tx: TenantTx, workspaceId: string, items: InboundItem[]) => Promise<ItemRejection[]>;

const digits = (phone: string | undefined) => (phone ?? '').replace(/\D/g, '');

/**
 * phone_number_quality_update names its number by display number only ("15550783881" or
 * "+1 555-078-3881"): the WABA's channel with the same digits. Without one, only a WABA's sole
 * channel can be meant; other account fields concern every channel of the WABA.
 */
function channelsNamedBy(field: string, value: Record<string, any>, channels: ChannelRef[]): ChannelRef[] {
  if (field !== 'phone_number_quality_update') return channels;
  const display = digits(asString(value.display_phone_number));
  if (!display) return channels.length === 1 ? channels : [];
  return channels.filter((c) => digits(c.displayPhoneNumber) === display);
}

const TEMPLATE_FIELDS = new Set(['message_template_status_update', 'message_template_quality_update', 'template_category_update']);

/** A WABA-level field: a template's status, quality or category when it names the template, else an account item. */
function accountItem(wabaId: string, field: string, value: Record<string, any>, channels: ChannelRef[]): InboundItem {
  if (TEMPLATE_FIELDS.has(field) && metaText(value.message_template_id, 512)) return { kind: 'template', wabaId, field, value };
  return { kind: 'account', wabaId, channels, field, value };
}

/**
 * A `user_changed_user_id` system message may come with no `from` and no contacts block: the BSUID
 * it announces is then the only id naming the customer (matched like any BSUID, never dropped).
 */
function changedUserIdOf(message: Record<string, any>): string | undefined {
  return message.type === 'system' && message.system?.type === 'user_changed_user_id' ? asString(message.system.user_id) : undefined;
}

/** Every entry × change × message × status × error of the accepted entries, as items. */
export function itemsOf(entries: WebhookEntry[], channelOf: (phoneNumberId: string) => ChannelRef | undefined, wabaChannels: (wabaId: string) => ChannelRef[] | undefined): InboundItem[] {
  const items: InboundItem[] = [];
  for (const entry of entries) {
    for (const { field, value } of entry.changes) {
      const phoneNumberId = asString(value.metadata?.phone_number_id);
      if (!phoneNumberId) {
        const channels = wabaChannels(entry.id);
        if (channels) items.push(accountItem(entry.id, field, value, channelsNamedBy(field, value, channels)));
        continue;
      }
      const channel = channelOf(phoneNumberId);
      if (!channel) continue;
      const contacts = asArray(value.contacts);
      const contactFor = (waId?: string, userId?: string) =>
        contacts.find((c) => (userId && c?.user_id === userId) || (waId && c?.wa_id === waId)) ?? (contacts.length === 1 ? contacts[0] : undefined);
      for (const message of asArray(value.messages)) {
        if (typeof message !== 'object' || message === null) continue;
        const waId = asString(message.from);
        const userId = asString(message.from_user_id);
        const contact = contactFor(waId, userId);
        items.push({
          kind: 'message', channel, message, profileName: asString(contact?.profile?.name), username: asString(contact?.profile?.username),
          waId: waId ?? asString(contact?.wa_id), userId: userId ?? asString(contact?.user_id) ?? changedUserIdOf(message),
        });
      }
      for (const status of asArray(value.statuses)) if (typeof status === 'object' && status) items.push({ kind: 'status', channel, status });
      for (const error of asArray(value.errors)) if (typeof error === 'object' && error) items.push({ kind: 'error', channel, error });
      for (const preference of asArray(value.user_preferences)) {
        if (typeof preference !== 'object' || !preference) continue;
        items.push({ kind: 'user_preference', channel, preference, waId: asString(preference.wa_id), userId: asString(preference.user_id) });
      }
      if (field !== 'messages' && field !== 'user_preferences') items.push(accountItem(entry.id, field, value, [channel]));
    }
  }
  return items;
}
