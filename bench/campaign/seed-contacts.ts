// Creates the bench audience through the contacts module (identities, sealed phones and names)
// and its consent ledger entries: every 20th contact opted out, the rest opted in.
import { withTenant } from '../../src/platform/db';
import { recordConsent, resolveContacts, type ContactsDeps } from '../../src/modules/contacts';
import { sql } from 'kysely';

export const phoneOf = (i: number) => `1415${String(i).padStart(7, "0")}`;

export async function seedContacts(deps: ContactsDeps, workspaceId: string, count: number, log: (line: string) => void): Promise<{ optedOut: Set<string>; eligible: number }> {
  const optedOut = new Set<string>();
  const BATCH = 500;
  // A few batches at once (their own transactions, distinct contacts): the ledger's one-entry-per-round-trip
  // writes made seeding 100,000 contacts take longer than the campaign.
  const starts = Array.from({ length: Math.ceil(count / BATCH) }, (_, i) => i * BATCH);
  const seedBatch = async (start: number) => {
    const n = Math.min(BATCH, count - start);
    await withTenant(deps.db, workspaceId, async (tx) => {
      const refs = Array.from({ length: n }, (_, k) => ({ waId: phoneOf(start + k), profileName: `Customer ${start + k}` }));
      const resolved = await resolveContacts(deps, tx, workspaceId, refs);
      const ids = resolved.map((r) => r!.contactId);
      await sql`update contacts set tags = array['bench'] where workspace_id = ${workspaceId} and id = any(${ids}::text[])`.execute(tx);
      const at = deps.clock.now();
      for (let k = 0; k < n; k++) {
        const out = (start + k) % 20 === 7;
        if (out) optedOut.add(phoneOf(start + k));
        await recordConsent(tx, workspaceId, { contactId: ids[k]!, purpose: 'marketing', granted: !out, source: 'import', at });
      }
    });
    if ((start / BATCH) % 20 === 0) log(`  contacts: ${start + n}/${count}`);
  };
  const workers = Array.from({ length: 4 }, async () => {
    for (let start = starts.shift(); start !== undefined; start = starts.shift()) await seedBatch(start);
  });
  await Promise.all(workers);
  return { optedOut, eligible: count - optedOut.size };
}
