import { Link } from '../../app/navigation';
import { DataTable, type Column } from '../../ui/DataTable';
import { formatDateTime } from '../../ui/formatDate';
import { contactLabel, contactPath, type Contact } from './contact';

// Names and tags are the customers' own words: React text, isolated (bdi) so right-to-left names keep
// their order. A tag button filters the list by that tag.
export function ContactTable({ contacts, onTag }: { contacts: Contact[]; onTag: (tag: string) => void }) {
  const columns: Column<Contact>[] = [
    { header: 'Name', cell: (contact) => <Link to={contactPath(contact.id)}><bdi>{contactLabel(contact)}</bdi></Link> },
    { header: 'Phone', cell: (contact) => contact.phone ?? '—', cellClassName: () => 'phone' },
    { header: 'Tags', cell: (contact) => <TagButtons tags={contact.tags} onTag={onTag} /> },
    { header: 'Marketing consent', cell: (contact) => (contact.marketingConsent ? 'Given' : 'No') },
    { header: 'Added', cell: (contact) => formatDateTime(contact.createdAt) },
  ];
  return <DataTable rows={contacts} columns={columns} rowKey={(contact) => contact.id} className="contacts-table" label="Contacts, scrollable" />;
}

function TagButtons({ tags, onTag }: { tags: string[]; onTag: (tag: string) => void }) {
  if (tags.length === 0) return '—';
  return (
    <ul className="tag-list">
      {tags.map((tag) => (
        <li key={tag}>
          <button type="button" className="tag" onClick={() => onTag(tag)}>
            <span className="visually-hidden">Show contacts tagged </span><bdi>{tag}</bdi>
          </button>
        </li>
      ))}
    </ul>
  );
}
