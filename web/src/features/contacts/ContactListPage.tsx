import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { can } from '../../app/permissions';
import { Link } from '../../app/navigation';
import { usePageTitle } from '../../app/usePageTitle';
import { usePagedList } from '../../dashboard/usePagedList';
import { PagedListMore } from '../../ui/PagedListMore';
import type { Contact } from './contact';
import { ContactFilters, type Filters } from './ContactFilters';
import { ContactTable } from './ContactTable';
import { CreateContactForm } from './CreateContactForm';

function listPath({ q, tag }: Filters): string {
  const query = new URLSearchParams();
  if (q) query.set('q', q);
  if (tag) query.set('tag', tag);
  return `/contacts${query.size ? `?${query}` : ''}`;
}

export function ContactListPage() {
  usePageTitle('Contacts');
  const { me } = useAuth();
  const [filters, setFilters] = useState<Filters>({ q: '', tag: '' });
  const list = usePagedList<Contact>(listPath(filters));
  const filtered = Boolean(filters.q || filters.tag);
  return (
    <>
      <h1>Contacts</h1>
      <p>Your customers, their tags and attributes, and whether each one agreed to receive marketing.</p>
      {/* An import sets marketing consent in bulk: owners and admins only. */}
      {can(me, 'contacts.import') && (
        <p className="actions">
          <Link to="/app/contacts/import" className="button">Import contacts from a CSV file</Link>
        </p>
      )}
      <CreateContactForm />
      <section aria-labelledby="contact-list-title">
        <h2 id="contact-list-title">All contacts</h2>
        <ContactFilters filters={filters} onChange={setFilters} />
        <p role="status" className="list-summary">
          {list.status === 'loading' && list.items.length === 0 ? 'Loading contacts…' : list.status === 'ready' ? summary(list.items.length, list.hasMore, filtered) : ''}
        </p>
        {list.items.length > 0 && <ContactTable contacts={list.items} onTag={(tag) => setFilters({ ...filters, tag })} />}
        <PagedListMore list={list} noun="contacts" />
      </section>
    </>
  );
}

function summary(count: number, more: boolean, filtered: boolean): string {
  if (count === 0) return filtered ? 'No contact matches these filters.' : 'No contacts yet. Add one above or import a CSV file.';
  const shown = `${count}${more ? '+' : ''} contact${count === 1 && !more ? '' : 's'}`;
  return filtered ? `${shown} found.` : `${shown}.`;
}
