import { withTenant, type TenantTx } from '../../platform/db';
import { committedEventsAfter, type FeedEvent } from '../../platform/events';
import { calendarOf } from './calendar';
import { accumulate, consentContributions, episodeContributions, messageContributions } from './contributions';
import type { AnalyticsDeps } from './deps';
import { applyMessage, applyStatusChange, type Calendar } from './episodes';
import { localDay } from './local-day';
import { computeMessageFacts } from './message-facts';
import { addToRollups, findMessageFacts, insertConsentFacts, latestEpisodes, lockCursor, saveCursor, saveEpisodes, saveMessageFacts, unrepliedTemplateSends, unsafeWorkspacesBehind } from './rollup.repository';
import { consentEntries, findConversationSources } from './source.repository';
import type { ConsentFact, Contribution, Episode } from './facts';

/**
 * One round of the rollup worker: for each workspace with new events, reads the events after its
 * cursor, recomputes the facts they touch from the source tables, moves the rollups by each fact's
 * (new − old) contributions and advances the cursor, all in one transaction: exactly once. The
 * cursor row is locked with SKIP LOCKED, so concurrent workers split workspaces. Returns events read.
 */
export async function rollUpEvents(deps: AnalyticsDeps, batchSize = 1000): Promise<number> {
  let handled = 0;
  for (const workspaceId of await unsafeWorkspacesBehind(deps.db)) {
    try {
      handled += await rollUpWorkspace(deps, workspaceId, batchSize);
    } catch (error) {
      deps.logger.warn({ err: error, workspaceId }, 'analytics rollup failed for a workspace; will retry');
    }
  }
  return handled;
}

export async function rollUpWorkspace(deps: AnalyticsDeps, workspaceId: string, batchSize: number): Promise<number> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const position = await lockCursor(tx, workspaceId);
    if (!position) return 0;
    const events = await committedEventsAfter(tx, workspaceId, position, batchSize);
    if (!events.length) return 0;
    const calendar = await calendarOf(tx, workspaceId);
    const deltas = new Map<string, Contribution>();
    const sources = await applyMessageEvents(deps, tx, workspaceId, calendar, events, deltas);
    await applyEpisodeEvents(tx, workspaceId, calendar, events, sources, deltas);
    await applyConsentEvents(tx, workspaceId, calendar, events, deltas);
    await addToRollups(tx, workspaceId, deltas.values());
    await saveCursor(tx, workspaceId, events[events.length - 1]!.position, deps.clock.now());
    return events.length;
  });
}

type Sources = Awaited<ReturnType<typeof computeMessageFacts>>['sources'];

async function applyMessageEvents(deps: AnalyticsDeps, tx: TenantTx, workspaceId: string, calendar: Calendar, events: FeedEvent[], deltas: Map<string, Contribution>): Promise<Sources> {
  const ids = new Set<string>();
  const answered = new Set<string>();
  for (const e of events) {
    if (e.type === 'message.created' || e.type === 'message.status' || e.type === 'message.updated') ids.add((e.data as { messageId: string }).messageId);
    if (e.type === 'message.created' && (e.data as { direction: string }).direction === 'inbound') answered.add((e.data as { conversationId: string }).conversationId);
  }
  // A customer's message may answer earlier template sends of its conversation.
  for (const id of await unrepliedTemplateSends(tx, workspaceId, [...answered])) ids.add(id);
  const previous = await findMessageFacts(tx, workspaceId, [...ids]);
  const { facts, sources } = await computeMessageFacts(deps.keyring, tx, workspaceId, calendar, [...ids], previous);
  for (const fact of facts) {
    const old = previous.get(fact.message_id);
    if (old) accumulate(deltas, messageContributions(old), -1);
    accumulate(deltas, messageContributions(fact), 1);
  }
  await saveMessageFacts(tx, workspaceId, facts);
  return sources;
}

async function applyEpisodeEvents(tx: TenantTx, workspaceId: string, calendar: Calendar, events: FeedEvent[], sources: Sources, deltas: Map<string, Contribution>): Promise<void> {
  const changed = events.filter((e) => e.type === 'conversation.status' || e.type === 'message.created');
  const conversationOf = (e: FeedEvent) => (e.data as { conversationId: string }).conversationId;
  const conversationIds = [...new Set(changed.map(conversationOf))];
  if (!conversationIds.length) return;
  const latest = await latestEpisodes(tx, workspaceId, conversationIds);
  const conversations = await findConversationSources(tx, workspaceId, [...new Set(changed.filter((e) => e.type === 'conversation.status').map(conversationOf))]);
  const before = new Map([...latest.values()].map((e) => [`${e.conversation_id}/${e.seq}`, episodeContributions(e)]));
  const touched = new Map<string, Episode>();
  for (const e of changed) {
    const conversationId = conversationOf(e);
    let next: Episode | undefined;
    if (e.type === 'message.created') {
      const m = sources.get((e.data as { messageId: string }).messageId);
      if (!m) continue;
      next = applyMessage(calendar, latest.get(conversationId), { conversationId, channelId: m.channel_id, direction: m.direction, sentAt: m.sent_at, automated: m.automated, agentId: m.agent_id });
    } else {
      const c = conversations.get(conversationId);
      const { status, at } = e.data as { status: string; at: string };
      if (c) next = applyStatusChange(calendar, latest.get(conversationId), { conversationId, channelId: c.channel_id, status, at: new Date(at), assigneeId: c.assignee_id, labels: c.labels });
    }
    if (!next) continue;
    latest.set(conversationId, next);
    touched.set(`${next.conversation_id}/${next.seq}`, next);
  }
  for (const [key, episode] of touched) {
    const old = before.get(key);
    if (old) accumulate(deltas, old, -1);
    accumulate(deltas, episodeContributions(episode), 1);
  }
  await saveEpisodes(tx, workspaceId, [...touched.values()]);
}

/** Consent changes: a ledger entry that differs from the one before it (or is the first) is an opt-in or opt-out. */
export function consentFactsOf(calendar: Calendar, entries: { contact_id: string; purpose: string; seq: number; granted: boolean; at: Date }[]): ConsentFact[] {
  const facts: ConsentFact[] = [];
  entries.forEach((entry, i) => {
    const prev = entries[i - 1];
    const first = !prev || prev.contact_id !== entry.contact_id || prev.purpose !== entry.purpose;
    if (first || prev.granted !== entry.granted) facts.push({ contact_id: entry.contact_id, purpose: entry.purpose, seq: entry.seq, granted: entry.granted, day: localDay(entry.at, calendar.timeZone) });
  });
  return facts;
}

async function applyConsentEvents(tx: TenantTx, workspaceId: string, calendar: Calendar, events: FeedEvent[], deltas: Map<string, Contribution>): Promise<void> {
  const contactIds = [...new Set(events.filter((e) => e.type === 'contact.opted_in' || e.type === 'contact.opted_out').map((e) => (e.data as { contactId: string }).contactId))];
  if (!contactIds.length) return;
  const inserted = await insertConsentFacts(tx, workspaceId, consentFactsOf(calendar, await consentEntries(tx, workspaceId, contactIds)));
  for (const fact of inserted) accumulate(deltas, consentContributions(fact), 1);
}
