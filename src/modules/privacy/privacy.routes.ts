import { readFileSync } from 'node:fs';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { withTenant } from '../../platform/db';
import { unauthenticated, type AppInstance } from '../../platform/http';
import type { Actor } from './audit/audit-log';
import { findCertificate } from './certificates/certificate.repository';
import type { PrivacyDeps } from './deps';
import { eraseContact } from './erasure/erase-contact';
import { privacyErrors } from './errors';
import { exportContact } from './export/export-contact';
import { exportZip } from './export/export-zip';

const idParams = z.object({ id: z.string() });
const counts = z.record(z.string(), z.number().int());
const erasureCertificate = z.object({
  type: z.literal('whatgrow.erasure-certificate'),
  version: z.literal(1),
  id: z.string(),
  workspaceId: z.string(),
  subject: z.object({ type: z.literal('contact'), id: z.string() }),
  erasedAt: z.string(),
  erasedBy: z.object({ type: z.enum(['user', 'api_key', 'system']), id: z.string().nullable() }),
  method: z.literal('crypto-shredding'),
  keysDestroyed: z.array(z.string()).describe('Ids of the data keys destroyed before any row was deleted.'),
  erased: counts.describe('Rows, files, envelopes and jobs erased, by data class.'),
  retained: counts.describe('Non-personal figures kept in their place (no id, no content).'),
});
const signedCertificate = z.object({
  certificate: erasureCertificate,
  signature: z.object({ algorithm: z.literal('Ed25519'), canonicalization: z.literal('RFC8785'), keyId: z.string(), publicKey: z.string(), value: z.string() }),
});
const CERTIFICATE_DOC =
  'A signed erasure certificate: `certificate` (what was erased, when, by whom, the data keys destroyed, counts per data class) and an Ed25519 `signature` over its RFC 8785 canonical JSON. Verify it offline with `whatgrow verify-certificate FILE` and the key of GET /api/v1/privacy/certificate-key.';
const exportSchema = JSON.parse(readFileSync(new URL('../../../docs/schemas/contact-export.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** The auditable actor of a request (the privacy module imports no other module, so not auth's actorOf). */
function actorOf(request: FastifyRequest): Actor & { workspaceId: string } {
  const p = request.principal;
  if (!p) throw unauthenticated();
  return { workspaceId: p.workspaceId, type: p.kind === 'api_key' ? 'api_key' : 'user', id: p.kind === 'api_key' ? p.apiKeyId : p.userId, ip: p.ip };
}

export function registerPrivacyRoutes(app: AppInstance, deps: PrivacyDeps): void {
  app.get('/api/v1/contacts/:id/export', {
    config: { access: 'contacts.export' },
    schema: {
      tags: ['privacy'],
      summary: 'Export everything held about a person (access and portability requests)',
      description: 'A ZIP (application/zip) with export.json (machine-readable, JSON Schema at GET /api/v1/privacy/schemas/contact-export.json), summary.html (readable) and the person\'s media files, decrypted. Audited.',
      params: idParams,
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const contactExport = await exportContact(deps, actor.workspaceId, actor, request.params.id);
    return reply
      .type('application/zip')
      .header('content-disposition', `attachment; filename="contact-${encodeURIComponent(request.params.id)}-export.zip"`)
      .header('cache-control', 'private, no-store')
      .send(exportZip(contactExport));
  });

  app.delete('/api/v1/contacts/:id', {
    config: { access: 'contacts.erase' },
    schema: {
      tags: ['privacy'],
      summary: 'Erase a person (right to erasure)',
      description: `Destroys the person's data keys first (crypto-shredding), then deletes their contact, identities and tokens, consent ledger, conversations and notes, messages, reactions and media (files too), raw webhook envelopes and account events that mention them, queued jobs and outgoing-webhook deliveries about them. Message counts per day survive, without ids or content. Irreversible; audited. A later message from the same number starts a new contact with new keys. ${CERTIFICATE_DOC}`,
      params: idParams,
      response: { 200: signedCertificate },
    },
  }, async (request) => {
    const actor = actorOf(request);
    return eraseContact(deps, actor.workspaceId, actor, request.params.id);
  });

  app.get('/api/v1/privacy/erasure-certificates/:id', {
    config: { access: 'contacts.erase' },
    schema: { tags: ['privacy'], summary: 'An erasure certificate issued earlier', description: CERTIFICATE_DOC, params: idParams, response: { 200: signedCertificate } },
  }, async (request) => {
    const { workspaceId } = actorOf(request);
    const row = await withTenant(deps.db, workspaceId, (tx) => findCertificate(tx, workspaceId, request.params.id));
    if (!row) throw privacyErrors.certificateNotFound();
    return row.document as z.infer<typeof signedCertificate>;
  });

  app.get('/api/v1/privacy/certificate-key', {
    config: { access: 'public' },
    schema: {
      tags: ['privacy'],
      summary: 'The public key that signs erasure certificates',
      description: 'Ed25519. `keyId` is the first 16 bytes of SHA-256 over the raw 32-byte key (`publicKey`, base64url), in hex. Keep a copy: `whatgrow verify-certificate FILE --public-key KEY` checks a certificate against it offline.',
      response: { 200: z.object({ algorithm: z.literal('Ed25519'), keyId: z.string(), publicKey: z.string(), publicKeyPem: z.string() }) },
    },
  }, async () => deps.signer.publicKey);

  app.get('/api/v1/privacy/schemas/contact-export.json', {
    config: { access: 'public' },
    schema: { tags: ['privacy'], summary: 'The JSON Schema of export.json in a contact export' },
  }, async (_request, reply) => reply.type('application/schema+json').send(exportSchema));
}
