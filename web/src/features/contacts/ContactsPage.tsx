import { usePathname } from '../../app/navigation';
import { ContactListPage } from './ContactListPage';
import { ContactDetailPage } from './detail/ContactDetailPage';
import { ImportContactsPage } from './import/ImportContactsPage';
import './contacts.css';

// /app/contacts (the list), /app/contacts/import and /app/contacts/<id>.
export function ContactsPage() {
  const pathname = usePathname().replace(/\/+$/, '');
  const rest = pathname.slice('/app/contacts/'.length);
  if (pathname === '/app/contacts' || !rest) return <ContactListPage />;
  if (rest === 'import') return <ImportContactsPage />;
  return <ContactDetailPage key={rest} contactId={decodeURIComponent(rest)} />;
}
