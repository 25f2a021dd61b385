import { z } from 'zod';
import { newId, withTenant, type TenantTx } from '../../platform/db';
import type { Actor } from '../privacy';
import type { AutomationDeps } from './deps';
import { automationErrors } from './errors';
import { deleteKeywordReply, findKeywordReply, insertKeywordReply, listKeywordReplies, updateKeywordReply, type KeywordReplyRow } from './keyword-reply.repository';
import { keywordWords } from './match-keyword';

export const keywordReplyView = z.object({
  id: z.string(),
  keywords: z.array(z.string()),
  matchType: z.enum(['exact', 'contains']),
  replyText: z.string(),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type KeywordReplyView = z.infer<typeof keywordReplyView>;

export const keywordReplyBody = z.object({
  keywords: z.array(z.string().trim().min(1).max(100)).min(1).max(20),
  matchType: z.enum(['exact', 'contains']).default('exact'),
  replyText: z.string().trim().min(1).max(4096),
  enabled: z.boolean().default(true),
});
export const keywordReplyPatch = z.object({
  keywords: keywordReplyBody.shape.keywords,
  matchType: z.enum(['exact', 'contains']),
  replyText: keywordReplyBody.shape.replyText,
  enabled: z.boolean(),
}).partial();

export const toKeywordReplyView = (r: KeywordReplyRow): KeywordReplyView => ({
  id: r.id, keywords: r.keywords, matchType: r.match_type, replyText: r.reply_text, enabled: r.enabled, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
});

function checkKeywords(keywords: string[] | undefined): void {
  if (keywords?.some((k) => !keywordWords(k).length)) throw automationErrors.keywordWithoutWords();
}

export function listReplies(deps: AutomationDeps, workspaceId: string, f: { before?: string; limit: number }) {
  return withTenant(deps.db, workspaceId, (tx) => listKeywordReplies(tx, workspaceId, f));
}

/** In the caller's transaction: the one that stores its Idempotency-Key's answer. */
export async function createReply(deps: AutomationDeps, tx: TenantTx, workspaceId: string, actor: Actor, body: z.infer<typeof keywordReplyBody>): Promise<KeywordReplyView> {
  checkKeywords(body.keywords);
  const at = deps.clock.now();
  const row: KeywordReplyRow = { workspace_id: workspaceId, id: newId(at.getTime()), keywords: body.keywords, match_type: body.matchType, reply_text: body.replyText, enabled: body.enabled, created_at: at, updated_at: at };
  await insertKeywordReply(tx, row);
  await deps.audit.record(tx, workspaceId, actor, { action: 'keyword_reply.create', target: { type: 'keyword_reply', id: row.id } });
  return toKeywordReplyView(row);
}

export async function patchReply(deps: AutomationDeps, workspaceId: string, actor: Actor, id: string, patch: z.infer<typeof keywordReplyPatch>): Promise<KeywordReplyView> {
  checkKeywords(patch.keywords);
  return withTenant(deps.db, workspaceId, async (tx) => {
    if (!(await findKeywordReply(tx, workspaceId, id))) throw automationErrors.keywordReplyNotFound();
    const set = { keywords: patch.keywords, match_type: patch.matchType, reply_text: patch.replyText, enabled: patch.enabled };
    const defined = Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined));
    await updateKeywordReply(tx, workspaceId, id, defined, deps.clock.now());
    await deps.audit.record(tx, workspaceId, actor, { action: 'keyword_reply.update', target: { type: 'keyword_reply', id }, details: { fields: Object.keys(patch) } });
    return toKeywordReplyView((await findKeywordReply(tx, workspaceId, id))!);
  });
}

export async function removeReply(deps: AutomationDeps, workspaceId: string, actor: Actor, id: string): Promise<void> {
  await withTenant(deps.db, workspaceId, async (tx) => {
    if (!(await deleteKeywordReply(tx, workspaceId, id))) throw automationErrors.keywordReplyNotFound();
    await deps.audit.record(tx, workspaceId, actor, { action: 'keyword_reply.delete', target: { type: 'keyword_reply', id } });
  });
}
