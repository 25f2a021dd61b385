export { createContactsPreview as createGoogleContactsPreview } from '../contacts-preview';
