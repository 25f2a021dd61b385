import type { Generated } from 'kysely';

export interface MessageRow {
  workspace_id: string;
  id: string;
  wamid: string | null;
  channel_id: string;
  conversation_id: string;
  contact_id: string;
  direction: 'inbound' | 'outbound';
  type: string;
  status: string;
  payload: Buffer | null;
  error: unknown;
  pricing: unknown;
  status_history: { status: string; at: string }[];
  /** Blind tokens of the message's words (search). */
  words: string[];
  /** When the customer last edited / deleted the message (Meta's time). */
  edited_at?: Date | null;
  deleted_at?: Date | null;
  sent_at: Date;
  /** The automation that sent an outbound message (welcome, away, keyword, opt_out_confirmation); null otherwise. */
  automation?: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface MessagesTables {
  messages: MessageRow;
  message_reactions: { workspace_id: string; target_wamid: string; reactor: string; emoji: Buffer | null; reacted_at: Date };
  media: {
    workspace_id: string;
    id: string;
    message_id: string | null;
    contact_id: string | null;
    channel_id: string | null;
    meta_media_id: string | null;
    mime_type: string | null;
    sha256: string | null;
    size_bytes: number | null;
    status: 'pending' | 'stored' | 'failed';
    storage_key: string | null;
    created_at: Date;
    updated_at: Date;
  };
  message_amendments: { workspace_id: string; wamid: string; target_wamid: string; contact_id: string; kind: 'edit' | 'revoke'; content: Buffer | null; amended_at: Date; created_at: Generated<Date> };
}
