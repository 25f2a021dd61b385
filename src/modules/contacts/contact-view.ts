import { z } from 'zod';
import type { TenantTx } from '../../platform/db';
import { listConsentEntries } from './consent.repository';
import { identityKindsOf, type ContactRow } from './contact.repository';
import type { ContactsDeps } from './deps';
import { BSUID_CONTEXT, NAME_CONTEXT, PHONE_CONTEXT, USERNAME_CONTEXT } from './resolve-contacts';

export const ATTRIBUTES_CONTEXT = 'contact.attributes';

export const contactView = z.object({
  id: z.string(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  username: z.string().nullable().describe('The WhatsApp username, when the customer has one (it may hide their phone number).'),
  bsuid: z.string().nullable().describe("Meta's business-scoped user id: how a customer without a visible phone number is addressed."),
  identities: z.array(z.enum(['bsuid', 'wa_id', 'phone'])),
  tags: z.array(z.string()),
  attributes: z.record(z.string(), z.string()),
  marketingConsent: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContactView = z.infer<typeof contactView>;

export async function toContactView(deps: ContactsDeps, tx: TenantTx, workspaceId: string, r: ContactRow): Promise<ContactView> {
  const open = (v: Buffer | null, ctx: string) => (v ? deps.keyring.decryptText(tx, workspaceId, v, ctx) : Promise.resolve(null));
  const consent = (await listConsentEntries(tx, workspaceId, r.id)).filter((e) => e.purpose === 'marketing');
  const attributes = r.attributes ? await deps.keyring.decryptJson<Record<string, string>>(tx, workspaceId, r.attributes, ATTRIBUTES_CONTEXT) : {};
  return {
    id: r.id,
    name: await open(r.profile_name, NAME_CONTEXT),
    phone: await open(r.phone, PHONE_CONTEXT),
    username: await open(r.username ?? null, USERNAME_CONTEXT),
    bsuid: await open(r.bsuid, BSUID_CONTEXT),
    identities: [...new Set(await identityKindsOf(tx, workspaceId, r.id))],
    tags: r.tags,
    attributes,
    marketingConsent: consent.length ? consent[consent.length - 1]!.granted : false,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
