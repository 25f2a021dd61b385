// The API's shapes the inbox reads (src/modules/inbox, contacts, templates; contracts for labels,
// canned responses and template preview).
export type ConversationStatus = 'open' | 'pending' | 'resolved';

export type Conversation = {
  id: string;
  contactId: string;
  channelId: string;
  status: ConversationStatus;
  assigneeId: string | null;
  labels: string[];
  windowExpiresAt: string | null;
  freeEntryPointExpiresAt: string | null;
  lastCustomerMessageAt: string | null;
  lastMessageAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type SendError = { code?: number | string; title?: string | null; details?: string | null; class?: string; hint?: string };

export type Message = {
  id: string;
  wamid: string | null;
  channelId: string;
  conversationId: string;
  contactId: string;
  direction: 'inbound' | 'outbound';
  type: string;
  status: string;
  // Meta's message object under its type's name: { text: { body } }, { image: { caption } }, …
  content?: Record<string, unknown>;
  context?: { wamid?: string; id?: string; message_id?: string; forwarded?: boolean; frequentlyForwarded?: boolean };
  referral?: Record<string, unknown>;
  errors?: unknown[];
  reactions: { emoji: string; from: string; at: string }[];
  media?: { id: string; status: string }[];
  error?: SendError;
  timestamp: string;
  statusHistory: { status: string; at: string }[];
  // Set by the server: an automated reply's kind (welcome, away, keyword, opt_out_confirmation, …),
  // and the customer's edit or deletion of an earlier message.
  automation?: string | null;
  edited?: boolean;
  deleted?: boolean;
};

export type Contact = { id: string; name: string | null; phone: string | null };
export type Member = { id: string; name: string; email: string };
export type Label = { id: string; name: string; color?: string | null };
export type CannedResponse = { id: string; shortcut: string; text: string };
export type Note = { id: string; conversationId: string; authorId: string | null; body: string; createdAt: string };

export type TemplateComponent = Record<string, unknown> & { type?: string; format?: string; text?: string; buttons?: { type?: string; text?: string; url?: string }[] };
export type Template = { id: string; name: string; language: string; category: string | null; status: string | null; components: TemplateComponent[] };

export type Preview = {
  header?: { format: string; text?: string };
  body: string;
  footer?: string;
  buttons?: { type: string; text: string }[];
  missingParameters: string[];
};

export type List<T> = { data: T[]; nextCursor?: string | null };
