// The shapes of the contacts API (src/modules/contacts/contact-view.ts, contacts.routes.ts).

export type Identity = 'bsuid' | 'wa_id' | 'phone';

export type Contact = {
  id: string;
  name: string | null;
  phone: string | null;
  identities: Identity[];
  tags: string[];
  attributes: Record<string, string>;
  marketingConsent: boolean;
  createdAt: string;
  updatedAt: string;
};

export type ConsentEntry = {
  purpose: string;
  seq: number;
  granted: boolean;
  source: string;
  reference: string | null;
  at: string;
  hash: string;
};

export const TAG_MAX = 50;

// Tags are typed as one comma-separated field; blanks and repeats are dropped.
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()).filter(Boolean))];
}

// A contact without a stored name (most start from a phone number) is called by its number.
export function contactLabel(contact: Pick<Contact, 'name' | 'phone' | 'id'>): string {
  return contact.name ?? contact.phone ?? 'Unnamed contact';
}

export function contactPath(id: string): string {
  return `/app/contacts/${encodeURIComponent(id)}`;
}
