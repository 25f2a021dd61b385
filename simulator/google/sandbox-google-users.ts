/** A Google account of the sandbox: what Google's ID token says about the person. */
export interface SandboxGoogleUser {
  /** Google's stable subject id (digits, as Google issues them). */
  sub: string;
  email: string;
  emailVerified: boolean;
  name: string;
}

/** The accounts every sandbox starts with: one whose email Google verified, one whose it did not. */
export const defaultSandboxGoogleUsers: readonly SandboxGoogleUser[] = [
  { sub: '108236471195820001', email: 'ana.lima@sandbox-google.test', emailVerified: true, name: 'Ana Lima' },
  { sub: '108236471195820002', email: 'bo.chen@sandbox-google.test', emailVerified: false, name: 'Bo Chen' },
];

/** The scope of Google Contacts read access, the only one the product's import asks for. */
export const CONTACTS_READONLY_SCOPE = 'https://www.googleapis.com/auth/contacts.readonly';

/** How Google's consent screen words each scope the sandbox knows. */
export const scopeDescriptions: Record<string, string> = {
  openid: 'Associate you with your personal info on Google',
  email: 'See your primary Google Account email address',
  profile: 'See your personal info, including any personal info you have made publicly available',
  [CONTACTS_READONLY_SCOPE]: 'See and download your contacts',
};
