import type { TenantTx } from '../../platform/db';
import { consentEntryWithPrevious } from './consent.repository';

/**
 * Whether a message changed the contact's consent for a purpose (its keyword wrote a ledger entry
 * that differs from the one before, or is the first): 'opt_out' / 'opt_in', else null. The same
 * rule decides the contact.opted_out / opted_in events.
 */
export async function consentChangeBy(tx: TenantTx, workspaceId: string, contactId: string, reference: string, purpose = 'marketing'): Promise<'opt_out' | 'opt_in' | null> {
  const found = await consentEntryWithPrevious(tx, workspaceId, contactId, purpose, reference);
  if (!found || (found.previous && found.previous.granted === found.entry.granted)) return null;
  return found.entry.granted ? 'opt_in' : 'opt_out';
}
