import { withTenant, type TenantTx } from '../../platform/db';
import { calendarOf } from './calendar';
import { accumulate, consentContributions, episodeContributions, messageContributions } from './contributions';
import type { AnalyticsDeps } from './deps';
import { applyMessage, applyStatusChange, type Calendar } from './episodes';
import { computeMessageFacts } from './message-facts';
import { consentFactsOf } from './roll-up-events';
import {
  addToRollups, allConsentFacts, conversationsWithEventsAfter, deleteRollups, episodesAfter, findMessageFacts, insertConsentFacts, latestEpisodes, lockCursor, messageFactsAfter, saveEpisodes, saveMessageFacts,
} from './rollup.repository';
import { consentEntries, conversationIdsAfter, conversationTimelines, findConversationSources, messageIdsAfter } from './source.repository';
import type { Contribution, Episode } from './facts';

const PAGE = 2000;

export interface RebuildSummary {
  messages: number;
  episodes: number;
  consentChanges: number;
  rollupRows: number;
}

/**
 * Rebuilds a workspace's figures from the source tables in one transaction, holding the rollup
 * worker's cursor: every message's fact is recomputed; conversations without episodes get them
 * from their messages and current status (the moments of earlier resolves and reopens exist only
 * in the episode ledger, which is kept); consent changes are re-read from the ledger; then the
 * rollups are summed afresh from all facts. Facts of messages or contacts since purged are kept,
 * so a rebuild never changes a figure retention removed the source of. The cursor stays: the
 * events after it are the worker's to apply to the episodes (facts recomputed twice come out the
 * same, consent changes count once), so conversations they name get no derived episode here.
 */
export async function rebuildRollups(deps: AnalyticsDeps, workspaceId: string): Promise<RebuildSummary> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const position = (await lockCursor(tx, workspaceId, true))!;
    const calendar = await calendarOf(tx, workspaceId);
    const messages = await recomputeMessageFacts(deps, tx, workspaceId, calendar);
    await deriveMissingEpisodes(tx, workspaceId, calendar, await conversationsWithEventsAfter(tx, workspaceId, position));
    await insertConsentFacts(tx, workspaceId, consentFactsOf(calendar, await consentEntries(tx, workspaceId, null)));
    return { messages, ...(await sumFactsIntoRollups(tx, workspaceId)) };
  });
}

async function recomputeMessageFacts(deps: AnalyticsDeps, tx: TenantTx, workspaceId: string, calendar: Calendar): Promise<number> {
  let after = '';
  let count = 0;
  for (;;) {
    const ids = await messageIdsAfter(tx, workspaceId, after, PAGE);
    if (!ids.length) return count;
    const { facts } = await computeMessageFacts(deps.keyring, tx, workspaceId, calendar, ids, await findMessageFacts(tx, workspaceId, ids));
    await saveMessageFacts(tx, workspaceId, facts);
    count += facts.length;
    after = ids[ids.length - 1]!;
  }
}

/** Conversations the worker never saw (traffic before analytics existed): episodes by the same rules, from their messages. */
async function deriveMissingEpisodes(tx: TenantTx, workspaceId: string, calendar: Calendar, pending: Set<string>): Promise<void> {
  let after = '';
  for (;;) {
    const ids = await conversationIdsAfter(tx, workspaceId, after, PAGE);
    if (!ids.length) return;
    after = ids[ids.length - 1]!;
    const known = await latestEpisodes(tx, workspaceId, ids);
    const missing = ids.filter((id) => !known.has(id) && !pending.has(id));
    const timelines = await conversationTimelines(tx, workspaceId, missing);
    const conversations = await findConversationSources(tx, workspaceId, missing);
    const episodes: Episode[] = [];
    for (const id of missing) {
      const byKey = new Map<number, Episode>();
      let current: Episode | undefined;
      for (const m of timelines.get(id) ?? []) byKey.set((current = applyMessage(calendar, current, { conversationId: id, ...m })).seq, current);
      const c = conversations.get(id);
      // Only the current status is stored: a resolved conversation counts as resolved at its last change.
      if (c?.status === 'resolved' && current) applyStatusChange(calendar, current, { conversationId: id, channelId: c.channel_id, status: c.status, at: c.updated_at, assigneeId: c.assignee_id, labels: c.labels });
      episodes.push(...byKey.values());
    }
    await saveEpisodes(tx, workspaceId, episodes);
  }
}

async function sumFactsIntoRollups(tx: TenantTx, workspaceId: string): Promise<Omit<RebuildSummary, 'messages'>> {
  const sums = new Map<string, Contribution>();
  let after = '';
  for (;;) {
    const facts = await messageFactsAfter(tx, workspaceId, after, PAGE * 5);
    if (!facts.length) break;
    for (const f of facts) accumulate(sums, messageContributions(f), 1);
    after = facts[facts.length - 1]!.message_id;
  }
  let episodes = 0;
  let position = { conversationId: '', seq: 0 };
  for (;;) {
    const page = await episodesAfter(tx, workspaceId, position, PAGE * 5);
    if (!page.length) break;
    for (const e of page) accumulate(sums, episodeContributions(e), 1);
    episodes += page.length;
    position = { conversationId: page[page.length - 1]!.conversation_id, seq: page[page.length - 1]!.seq };
  }
  const consents = await allConsentFacts(tx, workspaceId);
  for (const f of consents) accumulate(sums, consentContributions(f), 1);
  await deleteRollups(tx, workspaceId);
  await addToRollups(tx, workspaceId, sums.values());
  return { episodes, consentChanges: consents.length, rollupRows: sums.size };
}
