import { Link } from '../../app/router';
import { formatDateTime } from '../../ui/formatDate';
import { contactLabel, contactPath, type Contact } from './contact';

// Names and tags are the customers' own words: React text, isolated (bdi) so right-to-left names keep
// their order. A tag button filters the list by that tag.
export function ContactTable({ contacts, onTag }: { contacts: Contact[]; onTag: (tag: string) => void }) {
  return (
    <div className="table-scroll" role="region" aria-label="Contacts, scrollable" tabIndex={0}>
      <table className="table contacts-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Phone</th>
            <th scope="col">Tags</th>
            <th scope="col">Marketing consent</th>
            <th scope="col">Added</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((contact) => (
            <tr key={contact.id}>
              <td><Link to={contactPath(contact.id)}><bdi>{contactLabel(contact)}</bdi></Link></td>
              <td className="phone">{contact.phone ?? '—'}</td>
              <td>
                {contact.tags.length === 0 ? '—' : (
                  <ul className="tag-list">
                    {contact.tags.map((tag) => (
                      <li key={tag}>
                        <button type="button" className="tag" onClick={() => onTag(tag)}>
                          <span className="visually-hidden">Show contacts tagged </span><bdi>{tag}</bdi>
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>{contact.marketingConsent ? 'Given' : 'No'}</td>
              <td>{formatDateTime(contact.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
