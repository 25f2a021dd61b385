// What the customer's phone shows: per customer, the business's messages and the
// customer's own, with delivery ticks and reactions. Feeds the /phone page.

export type ChatStatus = 'accepted' | 'held' | 'sent' | 'delivered' | 'read' | 'played' | 'failed';

export interface ChatItem {
  seq: number;
  wamid: string;
  from: 'business' | 'customer';
  type: string;
  timestamp: number;
  /** Meta's type object: the send body's for the business, the webhook message's for the customer. */
  content: unknown;
  /** Quick-reply payloads and filled text of a template, so the phone can render and tap it. */
  rendered?: unknown;
  contextId?: string;
  status?: ChatStatus;
  errorCode?: number;
  reactions: { business?: string; customer?: string };
  readByBusiness?: boolean;
}

interface Chat {
  version: number;
  items: ChatItem[];
}

const STATUS_RANK: Record<ChatStatus, number> = { accepted: 0, held: 0, sent: 1, delivered: 2, read: 3, played: 4, failed: 5 };

export class ChatStore {
  private chats = new Map<string, Chat>();
  private byWamid = new Map<string, { chat: Chat; item: ChatItem; customer: string }>();
  private seq = 0;

  constructor(private readonly limitPerCustomer: number) {}

  add(customer: string, item: Omit<ChatItem, 'seq' | 'reactions'>): ChatItem {
    const chat = this.chat(customer);
    const full = item as ChatItem;
    full.seq = ++this.seq;
    full.reactions = {};
    chat.items.push(full);
    chat.version += 1;
    this.byWamid.set(full.wamid, { chat, item: full, customer });
    if (chat.items.length > this.limitPerCustomer) {
      for (const old of chat.items.splice(0, chat.items.length - this.limitPerCustomer)) this.byWamid.delete(old.wamid);
    }
    return full;
  }

  find(wamid: string): { item: ChatItem; customer: string } | undefined {
    return this.byWamid.get(wamid);
  }

  /** Statuses only move forward on the phone, whatever order the webhooks went out in. */
  setStatus(wamid: string, status: ChatStatus, errorCode?: number): void {
    const hit = this.byWamid.get(wamid);
    if (!hit) return;
    const current = hit.item.status;
    if (current === 'failed') return;
    if (current && status !== 'failed' && STATUS_RANK[status] <= STATUS_RANK[current]) return;
    hit.item.status = status;
    if (errorCode !== undefined) hit.item.errorCode = errorCode;
    hit.chat.version += 1;
  }

  react(wamid: string, who: 'business' | 'customer', emoji: string): void {
    const hit = this.byWamid.get(wamid);
    if (!hit) return;
    if (emoji) hit.item.reactions[who] = emoji;
    else delete hit.item.reactions[who];
    hit.chat.version += 1;
  }

  /** Mark-as-read covers the message and every earlier customer message of the chat. */
  markReadUpTo(wamid: string): void {
    const hit = this.byWamid.get(wamid);
    if (!hit) return;
    for (const item of hit.chat.items) {
      if (item.from === 'customer') item.readByBusiness = true;
      if (item === hit.item) break;
    }
    hit.chat.version += 1;
  }

  snapshot(customer: string): { version: number; items: ChatItem[] } {
    const chat = this.chats.get(customer);
    return chat ? { version: chat.version, items: chat.items } : { version: 0, items: [] };
  }

  renameCustomer(from: string, to: string): void {
    const chat = this.chats.get(from);
    if (!chat || from === to) return;
    this.chats.delete(from);
    this.chats.set(to, chat);
    for (const item of chat.items) {
      const hit = this.byWamid.get(item.wamid);
      if (hit) hit.customer = to;
    }
  }

  private chat(customer: string): Chat {
    let chat = this.chats.get(customer);
    if (!chat) {
      chat = { version: 0, items: [] };
      this.chats.set(customer, chat);
    }
    return chat;
  }
}
