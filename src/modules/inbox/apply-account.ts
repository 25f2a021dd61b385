import type { TenantTx } from '../../platform/db';
import { publishEvent } from '../../platform/events';
import { applyNumberUpdate, type InboundItem } from '../channels';
import { recordConsent, resolveContacts } from '../contacts';
import { upsertTemplate } from '../templates';
import type { InboxDeps, RejectItem } from './deps';
import { metaText, metaTime } from './normalize-message';
import { recordChannelEvent } from './record-channel-event';

type AccountItem = Extract<InboundItem, { kind: 'account' }>;
type ErrorItem = Extract<InboundItem, { kind: 'error' }>;
type PreferenceItem = Extract<InboundItem, { kind: 'user_preference' }>;

// Template names, enums and ids become columns: repaired and bounded text, or absent.
const str = (v: unknown) => metaText(v, 512);

/** Template status/quality/category, number quality and throughput, account updates. */
export async function applyAccountItem(deps: InboxDeps, tx: TenantTx, workspaceId: string, item: AccountItem): Promise<void> {
  const now = deps.clock.now();
  const v = item.value;
  const templateId = str(v.message_template_id);
  if (templateId && /^(message_template_status_update|message_template_quality_update|template_category_update)$/.test(item.field)) {
    const status = item.field === 'message_template_status_update' ? str(v.event) : undefined;
    const id = await upsertTemplate(tx, workspaceId, {
      wabaId: item.wabaId,
      metaTemplateId: templateId,
      name: str(v.message_template_name),
      language: str(v.message_template_language),
      category: str(v.new_category) ?? str(v.message_template_category),
      status,
      quality: item.field === 'message_template_quality_update' ? str(v.new_quality_score) : undefined,
      rejectedReason: status ? (str(v.reason) ?? null) : undefined,
    }, now);
    await publishEvent(tx, workspaceId, 'template.status', { templateId: id, status: status ?? 'updated' });
    return;
  }
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

/** Value-level errors (system, app, account): their code readable, the rest sealed. */
export async function applyErrorItem(deps: InboxDeps, tx: TenantTx, workspaceId: string, item: ErrorItem): Promise<void> {
  const e = item.error;
  const code = str(e.code);
  await recordChannelEvent(deps, tx, workspaceId, { channelId: item.channel.channelId, wabaId: item.channel.wabaId, field: 'errors', event: code, facts: code ? { code } : {}, value: e });
}

/** Meta's marketing stop / resume for a user: written to the consent ledger. */
export async function applyPreferences(deps: InboxDeps, tx: TenantTx, workspaceId: string, items: PreferenceItem[], reject: RejectItem): Promise<void> {
  const relevant = items.filter((i) => i.preference.category === 'marketing_messages' && (i.preference.value === 'stop' || i.preference.value === 'resume'));
  if (!relevant.length) return;
  const contacts = await resolveContacts(deps.contacts, tx, workspaceId, relevant.map((i) => ({ waId: i.waId, bsuid: i.userId })));
  for (let n = 0; n < relevant.length; n++) {
    const c = contacts[n];
    const p = relevant[n]!.preference;
    if (!c) {
      reject(relevant[n]!, 'no_customer_identity');
      continue;
    }
    const at = metaTime(p.timestamp, deps.clock.now());
    await recordConsent(tx, workspaceId, { contactId: c.contactId, purpose: 'marketing', granted: p.value === 'resume', source: 'meta_user_preferences', reference: `meta:${p.value}:${at.getTime()}`, at });
  }
}
