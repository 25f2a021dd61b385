// The shapes of the contacts API, from the types generated from the server's OpenAPI document.
import type { ApiItem, ApiResponse } from '../../app/apiSchema';

export type Contact = ApiResponse<'/api/v1/contacts/{id}'>;
export type Identity = Contact['identities'][number];
export type ConsentEntry = ApiItem<'/api/v1/contacts/{id}/consent'>;

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
