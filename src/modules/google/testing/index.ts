export { TestBrowser, chooserAction } from './browser';
export { consentAt, finishCallback, signInUpToCallback } from './google-flows';
export { createContactsPreview as createGoogleContactsPreview } from '../contacts-preview';
