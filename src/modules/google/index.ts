export { redirectUriOf as googleRedirectUri, type GoogleDeps, type GoogleSettings } from './deps';
export { createGoogleHttp } from './google-http';
export { registerGoogleSignInRoutes } from './sign-in.routes';
export { registerGoogleContactsRoutes } from './contacts-import.routes';
export { CONTACTS_READONLY_SCOPE } from './scopes';
export { SANDBOX_GOOGLE_PATH, sandboxGoogleSettings } from './sandbox-settings';
