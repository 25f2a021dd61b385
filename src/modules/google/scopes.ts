/** The scope of Google Contacts read access: the only one the import asks for. */
export const CONTACTS_READONLY_SCOPE = 'https://www.googleapis.com/auth/contacts.readonly';
