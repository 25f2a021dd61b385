import { z } from 'zod';
import type { TenantTx } from '../../../platform/db';
import { PAYLOAD_CONTEXT, REACTION_CONTEXT, type MessagesDeps } from '../deps';
import { mediaOfMessages } from '../media/media.repository';
import { reactionsOf } from '../inbound/reaction.repository';
import type { MessageRow } from '../tables';

export const messageView = z.object({
  id: z.string(),
  wamid: z.string().nullable(),
  channelId: z.string(),
  conversationId: z.string(),
  contactId: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  type: z.string(),
  status: z.string(),
  content: z.record(z.string(), z.unknown()).optional(),
  context: z.record(z.string(), z.unknown()).optional(),
  referral: z.record(z.string(), z.unknown()).optional(),
  errors: z.array(z.unknown()).optional(),
  reactions: z.array(z.object({ emoji: z.string(), from: z.string(), at: z.string() })),
  media: z.array(z.object({ id: z.string(), status: z.string() })).optional(),
  error: z.unknown().optional(),
  edited: z.boolean().describe('The customer edited the message; `content` is the newest version.'),
  editedAt: z.string().nullable(),
  editHistory: z.array(z.object({ content: z.record(z.string(), z.unknown()), at: z.string() })).optional().describe('Versions an edit replaced, the original first.'),
  deleted: z.boolean().describe('The customer deleted the message: its content (and every edit) is gone.'),
  deletedAt: z.string().nullable(),
  pricing: z.unknown().optional(),
  /** Present on replies sent by an automation: welcome, away, keyword, opt_out_confirmation. */
  automation: z.string().optional(),
  timestamp: z.string(),
  statusHistory: z.array(z.object({ status: z.string(), at: z.string() })),
});
export type MessageView = z.infer<typeof messageView>;

interface Payload {
  content?: Record<string, unknown>;
  context?: Record<string, unknown>;
  referral?: Record<string, unknown>;
  errors?: unknown[];
  history?: { content: Record<string, unknown>; at: string }[];
}

/** Messages as the API returns them; content decrypted only when `withContent` (analysts see none). */
export async function toMessageViews(deps: MessagesDeps, tx: TenantTx, workspaceId: string, rows: MessageRow[], withContent: boolean): Promise<MessageView[]> {
  const wamids = rows.map((r) => r.wamid).filter((w): w is string => !!w);
  const reactions = withContent ? await reactionsOf(tx, workspaceId, wamids) : [];
  const media = await mediaOfMessages(tx, workspaceId, rows.map((r) => r.id));
  const out: MessageView[] = [];
  for (const r of rows) {
    const payload: Payload = withContent && r.payload ? await deps.keyring.decryptJson<Payload>(tx, workspaceId, r.payload, PAYLOAD_CONTEXT) : {};
    const mine = [];
    for (const x of reactions.filter((x) => x.target_wamid === r.wamid)) {
      mine.push({ emoji: await deps.keyring.decryptText(tx, workspaceId, x.emoji!, REACTION_CONTEXT), from: x.reactor, at: x.reacted_at.toISOString() });
    }
    const m = media.filter((x) => x.message_id === r.id).map((x) => ({ id: x.id, status: x.status }));
    out.push({
      id: r.id,
      wamid: r.wamid,
      channelId: r.channel_id,
      conversationId: r.conversation_id,
      contactId: r.contact_id,
      direction: r.direction,
      type: r.type,
      status: r.status,
      ...(withContent && payload.content ? { content: payload.content } : {}),
      ...(withContent && payload.context ? { context: payload.context } : {}),
      ...(withContent && payload.referral ? { referral: payload.referral } : {}),
      ...(withContent && payload.errors ? { errors: payload.errors } : {}),
      reactions: mine,
      ...(m.length ? { media: m } : {}),
      ...(r.error ? { error: r.error } : {}),
      edited: !!r.edited_at,
      editedAt: r.edited_at ? r.edited_at.toISOString() : null,
      ...(withContent && payload.history?.length ? { editHistory: payload.history } : {}),
      deleted: !!r.deleted_at,
      deletedAt: r.deleted_at ? r.deleted_at.toISOString() : null,
      ...(r.pricing ? { pricing: r.pricing } : {}),
      ...(r.automation ? { automation: r.automation } : {}),
      timestamp: r.sent_at.toISOString(),
      statusHistory: r.status_history,
    });
  }
  return out;
}
