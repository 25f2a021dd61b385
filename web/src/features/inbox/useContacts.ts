import { useEffect, useState } from 'react';
import { useApi } from '../../dashboard/useApi';
import type { Contact } from './types';

// Names are encrypted at rest and never travel with conversations or events: each contact the
// page shows is fetched once and kept for the page's lifetime.
const cache = new Map<string, Promise<Contact | null>>();

export function useContacts(ids: readonly string[]): Map<string, Contact> {
  const api = useApi();
  const [known, setKnown] = useState<Map<string, Contact>>(new Map());
  const key = [...new Set(ids)].sort().join(',');

  useEffect(() => {
    let current = true;
    const wanted = key ? key.split(',') : [];
    for (const id of wanted) {
      if (!cache.has(id)) cache.set(id, api<Contact>(`/contacts/${encodeURIComponent(id)}`).catch(() => (cache.delete(id), null)));
    }
    void Promise.all(wanted.map((id) => cache.get(id)!)).then((contacts) => {
      if (!current) return;
      setKnown(new Map(contacts.filter((c): c is Contact => c !== null).map((c) => [c.id, c])));
    });
    return () => {
      current = false;
    };
  }, [api, key]);
  return known;
}

export function contactLabel(contact: Contact | undefined): string {
  return contact?.name || contact?.phone || 'Unknown contact';
}
