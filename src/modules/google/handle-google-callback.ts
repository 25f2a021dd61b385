import type { GoogleDeps } from './deps';
import { googleErrors } from './errors';
import { createContactsPreview } from './contacts-preview';
import { disconnectGoogle } from './disconnect-google';
import { fetchGoogleContacts } from './fetch-google-contacts';
import { finishGoogleFlow, type FlowState } from './google-flow';
import { signInWithGoogle, type SignInOutcome } from './sign-in-with-google';
import { CONTACTS_READONLY_SCOPE } from './scopes';

export type CallbackOutcome =
  | { purpose: 'signin'; outcome: SignInOutcome }
  | { purpose: 'import'; previewId: string }
  | { purpose: 'disconnect' };

/**
 * The way back from Google, by what the flow was for. The tokens live only in this call: the ID
 * token's claims are read, an import's access token reads the contacts, a disconnect's is revoked;
 * none is stored, logged or put in a job.
 */
export async function handleGoogleCallback(deps: GoogleDeps, flow: FlowState, callbackUrl: URL, ip: string): Promise<CallbackOutcome> {
  const tokens = await finishGoogleFlow(deps, flow, callbackUrl);
  if (flow.purpose === 'signin') {
    const claims = tokens.claims();
    if (!claims) throw googleErrors.flowInvalid();
    const identity = { sub: claims.sub, email: typeof claims.email === 'string' ? claims.email : '', emailVerified: claims.email_verified === true, name: typeof claims.name === 'string' ? claims.name : '' };
    return { purpose: 'signin', outcome: await signInWithGoogle(deps, identity, ip) };
  }
  if (!flow.userId) throw googleErrors.flowInvalid();
  if (flow.purpose === 'disconnect') {
    await disconnectGoogle(deps, { userId: flow.userId, workspaceId: flow.workspaceId, ip, googleSub: tokens.claims()?.sub, accessToken: tokens.access_token });
    return { purpose: 'disconnect' };
  }
  // Google may grant less than asked (the person unticks a box): without contacts.readonly nothing is read.
  if (!(tokens.scope ?? '').split(' ').includes(CONTACTS_READONLY_SCOPE) || !flow.workspaceId) throw googleErrors.scopeMismatch();
  const contacts = await fetchGoogleContacts(deps, tokens.access_token);
  return { purpose: 'import', previewId: await createContactsPreview(deps, flow.workspaceId, { type: 'user', id: flow.userId, ip }, contacts) };
}
