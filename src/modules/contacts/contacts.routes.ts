import { z } from 'zod';
import { withTenant } from '../../platform/db';
import { decodeCursor, listResponse, pageOf, pageQuery, registerErrorStatuses, type AppInstance } from '../../platform/http';
import { actorOf, requirePrincipal } from '../auth';
import { listConsentEntries, type ConsentRow } from './consent.repository';
import { contactView } from './contact-view';
import { findContacts } from './contact.repository';
import type { ContactsDeps } from './deps';
import { contactErrors } from './errors';
import { contactErrorStatuses } from './error-statuses';
import { createContact, getContact, listWorkspaceContacts, patchContact } from './manage-contacts';
import { phoneNumberSchema } from './phone-number';
import { recordConsent } from './record-consent';
import { registerImportRoutes } from './import/import.routes';

const idParams = z.object({ id: z.string() });
const tags = z.array(z.string().trim().min(1).max(50)).max(50);
const attributes = z.record(z.string().max(64), z.string().max(1000));
const proofView = z.object({ collectedAt: z.string(), method: z.string(), reference: z.string() });
const consentEntry = z.object({ purpose: z.string(), seq: z.number(), granted: z.boolean(), source: z.string(), reference: z.string().nullable(), at: z.string(), proof: proofView.nullable(), hash: z.string() });
const consentMethods = ['web_form', 'double_opt_in', 'paper_form', 'recorded_call', 'in_person', 'other'] as const;
const consentBody = z
  .object({
    purpose: z.literal('marketing'),
    granted: z.boolean(),
    source: z.string().min(1).max(100).default('api'),
    proof: z
      .object({
        collectedAt: z.iso.datetime({ offset: true }).describe('When the customer gave this consent.'),
        method: z.enum(consentMethods),
        reference: z.string().trim().min(1).max(200).describe('Your own reference to the record (a form submission id, a document number), not personal data.'),
      })
      .optional()
      .describe('Evidence of the customer\'s consent. Required to grant marketing consent again after the customer withdrew it themselves (STOP, or stopping marketing in WhatsApp): it must be collected after that withdrawal.'),
  })
  .refine((body) => !body.proof || body.granted, { path: ['proof'], message: 'proof goes with a grant (granted: true)' });

const toEntryView = (r: ConsentRow) => ({
  purpose: r.purpose, seq: r.seq, granted: r.granted, source: r.source, reference: r.reference, at: r.at.toISOString(),
  proof: r.proof_collected_at ? { collectedAt: r.proof_collected_at.toISOString(), method: r.proof_method!, reference: r.proof_reference! } : null,
});

export function registerContactRoutes(app: AppInstance, deps: ContactsDeps): void {
  registerErrorStatuses(app, contactErrorStatuses);
  registerImportRoutes(app, deps);
  app.get('/api/v1/contacts', {
    config: { access: 'contacts.read' },
    schema: { tags: ['contacts'], description: 'q matches name words (a word or its first 3+ letters; every word of q must match) and phone digits (the whole number or its last 4+ digits) through blind-index tokens, or a wa_id or BSUID exactly. Names are encrypted at rest.', querystring: pageQuery.extend({ q: z.string().max(100).optional(), tag: z.string().max(50).optional() }), response: { 200: listResponse(contactView) } },
  }, async (request) => {
    const q = request.query;
    const rows = await listWorkspaceContacts(deps, requirePrincipal(request).workspaceId, { q: q.q, tag: q.tag, before: decodeCursor(q.cursor)?.id, limit: q.limit + 1 });
    return pageOf(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }));
  });

  app.post('/api/v1/contacts', {
    config: { access: 'contacts.write' },
    schema: { tags: ['contacts'], body: z.object({ phone: phoneNumberSchema, name: z.string().min(1).max(256).optional(), tags: tags.optional(), attributes: attributes.optional() }), response: { 201: contactView } },
  }, async (request, reply) => {
    const p = requirePrincipal(request);
    return reply.status(201).send(await createContact(deps, p.workspaceId, actorOf(p), request.body));
  });

  app.get('/api/v1/contacts/:id', { config: { access: 'contacts.read' }, schema: { tags: ['contacts'], params: idParams, response: { 200: contactView } } }, async (request) => getContact(deps, requirePrincipal(request).workspaceId, request.params.id));

  app.patch('/api/v1/contacts/:id', {
    config: { access: 'contacts.write' },
    schema: { tags: ['contacts'], params: idParams, body: z.object({ name: z.string().min(1).max(256), tags, attributes }).partial(), response: { 200: contactView } },
  }, async (request) => {
    const p = requirePrincipal(request);
    return patchContact(deps, p.workspaceId, actorOf(p), request.params.id, request.body);
  });

  app.get('/api/v1/contacts/:id/consent', { config: { access: 'contacts.read' }, schema: { tags: ['contacts'], params: idParams, response: { 200: z.object({ data: z.array(consentEntry) }) } } }, async (request) => {
    const { workspaceId } = requirePrincipal(request);
    return withTenant(deps.db, workspaceId, async (tx) => {
      const [contact] = await findContacts(tx, workspaceId, [request.params.id]);
      if (!contact) throw contactErrors.notFound();
      const rows = await listConsentEntries(tx, workspaceId, contact.id);
      return { data: rows.map((r) => ({ ...toEntryView(r), hash: r.hash })) };
    });
  });

  app.post('/api/v1/contacts/:id/consent', {
    config: { access: 'contacts.write' },
    schema: {
      tags: ['contacts'],
      description:
        'Appends to the hash-chained consent ledger. No entry means no marketing consent. A customer\'s own withdrawal wins: granting again after it → 409 consent_withdrawn_by_customer, unless `proof` shows consent collected after the withdrawal.',
      params: idParams,
      body: consentBody,
      response: { 201: consentEntry.omit({ hash: true }) },
    },
  }, async (request, reply) => {
    const p = requirePrincipal(request);
    const at = deps.clock.now();
    const proof = request.body.proof && { ...request.body.proof, collectedAt: new Date(request.body.proof.collectedAt) };
    if (proof && proof.collectedAt > at) throw contactErrors.proofFromTheFuture();
    const entry = await withTenant(deps.db, p.workspaceId, async (tx) => {
      const [contact] = await findContacts(tx, p.workspaceId, [request.params.id]);
      if (!contact) throw contactErrors.notFound();
      const written = await recordConsent(tx, p.workspaceId, { contactId: contact.id, purpose: request.body.purpose, granted: request.body.granted, source: 'api', reference: `api:${request.body.source}:${at.getTime()}`, at, ...(proof ? { proof } : {}) });
      await deps.audit.record(tx, p.workspaceId, actorOf(p), { action: 'consent.record', target: { type: 'contact', id: contact.id }, details: { granted: request.body.granted, withProof: Boolean(proof) } });
      return written!;
    });
    return reply.status(201).send(toEntryView(entry));
  });
}
