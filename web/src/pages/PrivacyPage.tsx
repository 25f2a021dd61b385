import { Link } from '../app/navigation';
import { PRIVACY_CONTACT_EMAIL } from '../app/site';
import { usePageTitle } from '../app/usePageTitle';

/** Also the policy version a sign-up records as accepted. */
export const LAST_UPDATED = '6 December 2026';

const SECTIONS = [
  ['roles', 'Who decides, who processes'],
  ['what-we-store', 'What we store'],
  ['encryption', 'How it is protected'],
  ['retention', 'How long we keep it'],
  ['rights', 'Export and erasure'],
  ['no-advertising', 'No advertising, ever'],
  ['audit', 'Audit of every access'],
  ['subprocessors', 'Subprocessors'],
  ['cookies', 'Cookies'],
  ['google', 'Google sign-in and contact import'],
  ['age', 'Age requirement'],
  ['contact', 'Contact us'],
] as const;

export function PrivacyPage() {
  usePageTitle('Privacy policy');
  const mail = `mailto:${PRIVACY_CONTACT_EMAIL}`;
  return (
    <article className="prose" aria-labelledby="privacy-title">
      <h1 id="privacy-title">Privacy policy</h1>
      <p className="meta">Last updated {LAST_UPDATED}</p>
      <p className="lead">
        Businesses use WhatGrowPro to talk with their customers on WhatsApp. This page explains what we do with the
        personal data that passes through us, in plain words.
      </p>

      <nav aria-label="On this page" className="toc">
        <h2>On this page</h2>
        <ol>
          {SECTIONS.map(([id, title]) => <li key={id}><a href={`#${id}`}>{title}</a></li>)}
        </ol>
      </nav>

      <section id="roles" aria-labelledby="roles-title">
        <h2 id="roles-title">Who decides, who processes</h2>
        <p>
          For the conversations, contacts and media of a workspace, the <strong>business</strong> that owns the workspace is
          the data controller: it decides why and how that data is used. <strong>We are its data processor</strong>: we
          handle that data only on the business’s documented instructions, to provide the service it signed up for.
        </p>
        <p>
          For your own account (your name, email address and password), we are the controller. We use it to let you sign
          in, to keep your workspace secure and to contact you about the service. Passwords are stored only as a one-way
          hash.
        </p>
        <p>If you are a customer of a business that uses WhatGrowPro, that business is your first point of contact.</p>
      </section>

      <section id="what-we-store" aria-labelledby="what-we-store-title">
        <h2 id="what-we-store-title">What we store</h2>
        <ul>
          <li><strong>Messages</strong>: the content of WhatsApp messages sent and received, with their delivery status.</li>
          <li><strong>Contacts</strong>: names, phone numbers and WhatsApp identifiers, tags and attributes the business adds, and the record of marketing consent.</li>
          <li><strong>Media</strong>: images, documents, audio and video exchanged in conversations.</li>
          <li><strong>Team data</strong>: internal notes, assignments and labels on conversations.</li>
          <li><strong>Account data</strong>: members of a workspace, their roles and sign-in sessions.</li>
        </ul>
      </section>

      <section id="encryption" aria-labelledby="encryption-title">
        <h2 id="encryption-title">How it is protected</h2>
        <p>
          Message content, contact details, notes and media are <strong>encrypted at rest</strong> (AES-256-GCM). Each
          contact’s data is encrypted with its own key, which is itself protected by a key for the workspace. Searching
          and looking up numbers uses keyed tokens, not readable copies.
        </p>
      </section>

      <section id="retention" aria-labelledby="retention-title">
        <h2 id="retention-title">How long we keep it</h2>
        <p>
          The business sets the retention policy for its workspace, and we delete data when that period ends. When a
          workspace is closed, its data is deleted as the business’s contract with us provides.
        </p>
      </section>

      <section id="rights" aria-labelledby="rights-title">
        <h2 id="rights-title">Export and erasure</h2>
        <p>
          The business can <strong>export</strong> everything we hold about a contact (their profile, consent record,
          conversations, messages and files) as a ZIP with a machine-readable file and a readable summary, to answer
          access and portability requests.
        </p>
        <p>
          The business can <strong>erase</strong> a contact. We first destroy the contact’s encryption keys
          (crypto-shredding), so their encrypted data can no longer be read, then delete their records, files and the raw
          messages we received from WhatsApp about them. Only counts that say nothing about the person, such as how many
          messages were exchanged per day, are kept. The business receives a digitally signed certificate of the erasure
          that anyone can check. A database backup taken before an erasure still holds the erased data until that backup
          is deleted.
        </p>
      </section>

      <section id="no-advertising" aria-labelledby="no-advertising-title">
        <h2 id="no-advertising-title">No advertising, ever</h2>
        <p>
          We never use message content, contacts or any other data we process for advertising, ours or anyone
          else’s, and we never sell it.
        </p>
      </section>

      <section id="audit" aria-labelledby="audit-title">
        <h2 id="audit-title">Audit of every access</h2>
        <p>
          Every access to message content, by a person or through the API, is recorded in an audit log. The log is a
          hash chain, so an edited or removed entry is detected, and the business can inspect and verify it.
        </p>
      </section>

      <section id="subprocessors" aria-labelledby="subprocessors-title">
        <h2 id="subprocessors-title">Subprocessors</h2>
        <ul>
          <li>
            <strong>Meta Platforms</strong> (WhatsApp Business Platform): delivers messages between the business and its
            customers. Messages pass through Meta as they do for any WhatsApp business message.
          </li>
        </ul>
        <p>We list any other subprocessor here, and tell businesses, before it receives personal data.</p>
      </section>

      <section id="cookies" aria-labelledby="cookies-title">
        <h2 id="cookies-title">Cookies</h2>
        <p>
          We use one <strong>essential cookie</strong>: the session cookie that keeps you signed in. It is needed for the
          service to work, so it needs no consent, and it is never used for anything else.
        </p>
        <p>
          We use <strong>no analytics or advertising cookies today</strong>. The cookie banner still asks whether you
          would accept analytics, and records your answer in your browser, so that if we ever add analytics they run
          only for people who said yes. You can change your choice at any time with “Cookie settings” at the bottom of
          every page.
        </p>
      </section>

      <section id="google" aria-labelledby="google-title">
        <h2 id="google-title">Google sign-in and contact import</h2>
        <p>
          WhatGrowPro’s use and transfer to any other app of information received from Google APIs will adhere to the{' '}
          <a href="https://developers.google.com/terms/api-services-user-data-policy">Google API Services User Data Policy</a>,
          including the Limited Use requirements. In practice:
        </p>
        <ul>
          <li>
            <strong>Sign in with Google</strong> asks Google only for your basic profile and email address
            (<code>openid email profile</code>). We use them once, when you sign in, to find or create your account. The
            only thing we keep is Google’s identifier for your Google account, linked to your WhatGrowPro account. We keep
            no Google password or token.
          </li>
          <li>
            <strong>Import from Google Contacts</strong> asks for read-only access to your contacts
            (<code>contacts.readonly</code>) only when you start an import, and for nothing else. We read the names and
            phone numbers once, show you a preview, and import the ones you confirm into your workspace as contacts, like a
            CSV file. Importing a contact never records marketing consent. We do not ask for offline access; the access
            Google grants is used once and discarded, and the preview is deleted when you import or cancel it, or after
            30 minutes. Each import is recorded in the workspace’s audit log (what access was used, how many contacts, when).
          </li>
          <li>
            We use this Google data only to provide these features. We never use it for advertising, never sell it, and
            never transfer it to anyone except as needed to provide the service, for security, or as the law requires.
            People at WhatGrowPro do not read it unless you ask us to, for security, or as the law requires.
          </li>
          <li>
            You can <strong>disconnect Google</strong> at any time in your account settings: we revoke our access at Google
            and delete the link. You can also remove our access from your Google Account’s security settings.
          </li>
        </ul>
      </section>

      <section id="age" aria-labelledby="age-title">
        <h2 id="age-title">Age requirement</h2>
        <p>You must be 18 or older to create a WhatGrowPro account. We ask you to confirm this when you <Link to="/signup">sign up</Link>.</p>
      </section>

      <section id="contact" aria-labelledby="contact-title">
        <h2 id="contact-title">Contact us</h2>
        <p>
          For export, erasure or any other privacy request, or a question about this policy, write to{' '}
          <a href={mail}>{PRIVACY_CONTACT_EMAIL}</a>. Customers of a business should write to that business first; we
          help it answer. We reply within 30 days.
        </p>
      </section>
    </article>
  );
}
