export { redirectUriOf as googleRedirectUri, type GoogleDeps } from './deps';
export { createGoogleHttp } from './google-http';
export { registerGoogleSignInRoutes } from './sign-in.routes';
export { registerGoogleContactsRoutes } from './contacts-import.routes';
export { SANDBOX_GOOGLE_PATH, sandboxGoogleSettings } from './sandbox-settings';
