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
  channel_events: { workspace_id: string; id: string; channel_id: string | null; waba_id: string; field: string; event: string | null; details: unknown; received_at: Date };
}
