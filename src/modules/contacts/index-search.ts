import { KeyShreddedError } from '../../platform/crypto';
import { withTenant } from '../../platform/db';
import { contactSearchTokens } from './contact-search';
import { unindexedContacts, unsafeWorkspacesWithUnindexedContacts, updateContactFields } from './contact.repository';
import type { ContactsDeps } from './deps';
import { NAME_CONTEXT, PHONE_CONTEXT } from './resolve-contacts';

const PAGE = 500;

/**
 * Backfill of search tokens for contacts created before search existed (their names are
 * encrypted, so the migration could not compute them). Contacts written since are indexed as they
 * are written; this job runs at worker start (and hourly, finding nothing once done).
 */
export async function indexUnindexedContacts(deps: ContactsDeps): Promise<number> {
  let total = 0;
  for (const workspaceId of await unsafeWorkspacesWithUnindexedContacts(deps.db)) {
    for (;;) {
      const n = await withTenant(deps.db, workspaceId, async (tx) => {
        const rows = await unindexedContacts(tx, workspaceId, PAGE);
        for (const r of rows) {
          let tokens: string[] = [];
          try {
            const name = r.profile_name ? await deps.keyring.decryptText(tx, workspaceId, r.profile_name, NAME_CONTEXT) : null;
            const phone = r.phone ? await deps.keyring.decryptText(tx, workspaceId, r.phone, PHONE_CONTEXT) : null;
            tokens = await contactSearchTokens(deps.keyring, tx, workspaceId, { name, phone });
          } catch (error) {
            // An erased contact (its key shredded) has nothing left to find.
            if (!(error instanceof KeyShreddedError)) throw error;
          }
          await updateContactFields(tx, workspaceId, r.id, { search_tokens: tokens }, r.updated_at);
        }
        return rows.length;
      });
      total += n;
      if (n < PAGE) break;
    }
  }
  return total;
}
