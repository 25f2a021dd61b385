import { useState, type FormEvent } from 'react';
import { TextField } from '../../ui/TextField';

export type Filters = { q: string; tag: string };

// Search applies on submit, not at every keystroke: each search reads the whole contact list's index.
export function ContactFilters({ filters, onChange }: { filters: Filters; onChange: (filters: Filters) => void }) {
  const [q, setQ] = useState(filters.q);
  const [tag, setTag] = useState(filters.tag);
  // A tag chosen from the table replaces what was typed.
  const [shown, setShown] = useState(filters);
  if (shown !== filters) {
    setShown(filters);
    setQ(filters.q);
    setTag(filters.tag);
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ q: q.trim(), tag: tag.trim() });
  };
  const clear = () => onChange({ q: '', tag: '' });

  return (
    <form className="inline-form contact-filters" role="search" aria-label="Filter contacts" onSubmit={submit}>
      <TextField id="contact-search" label="Name or phone number" hint="Whole words or their first 3 letters; a whole number or its last 4 digits." type="search" maxLength={100} value={q} onChange={(e) => setQ(e.target.value)} />
      <TextField id="contact-tag" label="Tag" type="search" maxLength={50} value={tag} onChange={(e) => setTag(e.target.value)} />
      <button type="submit" className="button">Search</button>
      {(filters.q || filters.tag) && <button type="button" className="button button-quiet" onClick={clear}>Clear filters</button>}
    </form>
  );
}
