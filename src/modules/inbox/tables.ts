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

export interface ConversationRow {
  workspace_id: string;
  id: string;
  contact_id: string;
  channel_id: string;
  status: 'open' | 'pending' | 'resolved';
  assignee_id: string | null;
  labels: string[];
  last_customer_message_at: Date | null;
  window_expires_at: Date | null;
  free_entry_point_expires_at: Date | null;
  last_message_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface InboxTables {
  messages: MessageRow;
  conversations: ConversationRow;
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
  conversation_notes: { workspace_id: string; id: string; conversation_id: string; author_id: string | null; body: Buffer; created_at: Date };
  labels: { workspace_id: string; id: string; name: string; color: string; created_at: Date; updated_at: Date };
  canned_responses: { workspace_id: string; id: string; shortcut: string; text: string; created_at: Date; updated_at: Date };
  message_amendments: { workspace_id: string; wamid: string; target_wamid: string; contact_id: string; kind: 'edit' | 'revoke'; content: Buffer | null; amended_at: Date; created_at: Generated<Date> };
  channel_events: {
    workspace_id: string; id: string; channel_id: string | null; waba_id: string; field: string; event: string | null;
    /** Non-personal facts only; the value is in `sealed`. */
    details: unknown; sealed: Buffer | null; customer_tokens: string[]; received_at: Date;
  };
}
