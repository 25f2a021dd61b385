import type { Keyring } from '../../platform/crypto';
import type { TenantTx } from '../../platform/db';
import { billedPriceOf, priceOf } from '../campaigns';
import type { Calendar } from './episodes';
import { localDay } from './local-day';
import { countryOfSealedPhone, templateOfPayload } from './sealed-facts';
import { findMessageSources, sealedPhones, templateCategories, type MessageSource } from './source.repository';
import type { MessageFact } from './facts';

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * The facts of some messages as their rows say now (so computing one twice gives the same fact),
 * keeping what only an earlier fact knows: a send once answered stays answered (the answer may
 * since have been purged). Messages no longer stored get no new fact; their old one stays.
 */
export async function computeMessageFacts(keyring: Keyring, tx: TenantTx, workspaceId: string, calendar: Calendar, ids: string[], previous: Map<string, MessageFact>): Promise<{ facts: MessageFact[]; sources: Map<string, MessageSource> }> {
  const sources = await findMessageSources(tx, workspaceId, ids);
  const templates = new Map<string, string | null>();
  for (const s of sources) if (s.payload) templates.set(s.id, await templateOfPayload(keyring, tx, workspaceId, s.payload));
  const categories = await templateCategories(tx, workspaceId, [...new Set([...templates.values()].filter((t): t is string => t !== null))]);
  const priced = sources.filter((s) => s.direction === 'outbound' && (s.billable || (s.type === 'template' && !s.has_pricing && s.status !== 'failed')));
  const phones = await sealedPhones(tx, workspaceId, [...new Set(priced.filter((s) => !s.country).map((s) => s.contact_id))]);
  const countries = new Map<string, string>();
  for (const s of priced) countries.set(s.id, s.country ?? (await countryOfSealedPhone(keyring, tx, workspaceId, phones.get(s.contact_id))));

  const facts = sources.map((s): MessageFact => {
    const template = s.campaign_template ?? templates.get(s.id) ?? null;
    const templateCategory = s.campaign_category ?? (template ? categories.get(template) ?? null : null);
    const country = countries.get(s.id) ?? null;
    const billable = s.direction === 'outbound' && s.billable;
    // Sends whose pricing webhook has not come are estimated at their template's category rate; sessions' free-form replies are free.
    const pending = s.direction === 'outbound' && s.type === 'template' && !s.has_pricing && s.status !== 'failed';
    return {
      message_id: s.id, conversation_id: s.conversation_id, channel_id: s.channel_id, day: localDay(s.sent_at, calendar.timeZone), sent_at: s.sent_at,
      direction: s.direction, type: s.type, automated: s.automated, agent_id: s.agent_id, template, template_category: templateCategory, campaign_id: s.campaign_id,
      status: s.status, error_code: s.error_code, replied: Boolean(previous.get(s.id)?.replied) || s.replied,
      pricing_category: s.pricing_category, billable, country,
      cost: billable ? round(billedPriceOf(s.pricing_category, country, templateCategory ?? 'UTILITY')) : 0,
      estimate: pending ? round(priceOf(templateCategory ?? 'UTILITY', country ?? 'other')) : 0,
    };
  });
  return { facts, sources: new Map(sources.map((s) => [s.id, s])) };
}
