import { Link } from '../../../app/navigation';
import { usePageTitle } from '../../../app/usePageTitle';
import { useResource } from '../../../dashboard/useResource';
import { formatDateTime } from '../../../ui/formatDate';
import { contactLabel, type Contact } from '../contact';
import { ConsentSection } from './ConsentSection';
import { ContactConversations } from './ContactConversations';
import { EditContactForm } from './EditContactForm';


export function ContactDetailPage({ contactId }: { contactId: string }) {
  const [contact, reload] = useResource<Contact>(`/contacts/${encodeURIComponent(contactId)}`);
  // Someone else's edit, an import, or the customer's own STOP shows without reloading the page.
  usePageTitle(contact.status === 'ready' ? contactLabel(contact.data) : 'Contact');

  if (contact.status === 'loading') return <p role="status">Loading the contact…</p>;
  if (contact.status === 'failed') {
    const missing = contact.error.status === 404;
    return (
      <>
        <h1>{missing ? 'Contact not found' : 'Contact'}</h1>
        <div className={missing ? undefined : 'form-alert'} role="alert">
          <p>{missing ? 'This contact does not exist in this workspace, or it was erased.' : `Could not load the contact: ${contact.error.message}`}</p>
          {!missing && <button type="button" className="button" onClick={reload}>Try again</button>}
        </div>
        <p><Link to="/app/contacts">Back to contacts</Link></p>
      </>
    );
  }

  const c = contact.data;
  return (
    <>
      <p className="breadcrumb"><Link to="/app/contacts">Contacts</Link></p>
      <h1><bdi>{contactLabel(c)}</bdi></h1>
      <dl className="details contact-summary">
        <dt>Phone</dt><dd className="phone">{c.phone ?? 'Not known (WhatsApp username only)'}</dd>
        <dt>Identities</dt><dd>{c.identities.map(identityName).join(', ') || '—'}</dd>
        <dt>Marketing consent</dt><dd>{c.marketingConsent ? 'Given' : 'Not given'}</dd>
        <dt>Added</dt><dd>{formatDateTime(c.createdAt)}</dd>
        <dt>Last changed</dt><dd>{formatDateTime(c.updatedAt)}</dd>
      </dl>
      <EditContactForm contact={c} onSaved={reload} />
      <ConsentSection contact={c} onChanged={reload} />
      <ContactConversations contactId={c.id} />
    </>
  );
}

function identityName(kind: Contact['identities'][number]): string {
  return kind === 'bsuid' ? 'WhatsApp username (BSUID)' : kind === 'wa_id' ? 'WhatsApp id' : 'Phone number';
}
