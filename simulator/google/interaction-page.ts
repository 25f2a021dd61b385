import type { SandboxGoogleUser } from './sandbox-google-users';
import { scopeDescriptions } from './sandbox-google-users';

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The sandbox's "Choose an account" and consent screen in one page: the accounts to pick from,
 * the app asking, and each scope it asks for in Google's words. No script, one form per account.
 */
export function interactionPage(input: { action: string; clientName: string; scopes: string[]; users: SandboxGoogleUser[] }): string {
  const scopes = input.scopes.map((s) => `<li>${escape(scopeDescriptions[s] ?? s)}</li>`).join('');
  const accounts = input.users
    .map((u) => `<li><form method="post" action="${escape(input.action)}"><input type="hidden" name="sub" value="${escape(u.sub)}"><button type="submit">Continue as ${escape(u.name)} <small>${escape(u.email)}${u.emailVerified ? '' : ' (email not verified)'}</small></button></form></li>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in – Google (sandbox)</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#202124}ul{padding-left:1.2rem}.accounts{list-style:none;padding:0}.accounts button{width:100%;text-align:left;padding:.8rem;margin:.3rem 0;border:1px solid #dadce0;border-radius:8px;background:#fff;font-size:1rem;cursor:pointer}small{display:block;color:#5f6368}.note{color:#5f6368;font-size:.9rem}</style></head>
<body><main>
<p class="note">Sandbox Google: a local OpenID provider standing in for accounts.google.com. No real Google account is used.</p>
<h1>Choose an account</h1>
<p>to continue to <strong>${escape(input.clientName)}</strong>, which wants to:</p>
<ul>${scopes}</ul>
<ul class="accounts">${accounts}</ul>
</main></body></html>`;
}
