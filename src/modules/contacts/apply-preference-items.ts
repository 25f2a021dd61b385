import { metaTime, type ItemHandler } from '../channels';
import type { ContactsDeps } from './deps';
import { recordConsent } from './record-consent';
import { resolveContacts } from './resolve-contacts';

/** Meta's marketing stop / resume for a user: written to the consent ledger. */
export function preferenceItemHandler(deps: ContactsDeps): ItemHandler<'user_preference'> {
  return async (tx, workspaceId, items, reject) => {
    const relevant = items.filter((i) => i.preference.category === 'marketing_messages' && (i.preference.value === 'stop' || i.preference.value === 'resume'));
    if (!relevant.length) return;
    const contacts = await resolveContacts(deps, tx, workspaceId, relevant.map((i) => ({ waId: i.waId, bsuid: i.userId })));
    for (let n = 0; n < relevant.length; n++) {
      const c = contacts[n];
      const p = relevant[n]!.preference;
      if (!c) {
        reject(relevant[n]!, 'no_customer_identity');
        continue;
      }
      const at = metaTime(p.timestamp, deps.clock.now());
      await recordConsent(tx, workspaceId, { contactId: c.contactId, purpose: 'marketing', granted: p.value === 'resume', source: 'meta_user_preferences', reference: `meta:${p.value}:${at.getTime()}`, at });
    }
  };
}
