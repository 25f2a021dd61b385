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
  conversations: ConversationRow;
  conversation_notes: { workspace_id: string; id: string; conversation_id: string; author_id: string | null; body: Buffer; created_at: Date };
  labels: { workspace_id: string; id: string; name: string; color: string; created_at: Date; updated_at: Date };
  canned_responses: { workspace_id: string; id: string; shortcut: string; text: string; created_at: Date; updated_at: Date };
}
