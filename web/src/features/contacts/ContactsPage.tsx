import { ComingSoon } from '../../ui/ComingSoon';

export function ContactsPage() {
  return <ComingSoon title="Contacts" summary="Your customers, their tags and attributes, CSV import and the record of each one’s marketing consent." />;
}
