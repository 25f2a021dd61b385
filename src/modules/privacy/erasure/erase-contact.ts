import { newId, withTenant } from '../../../platform/db';
import type { Actor } from '../audit/audit-log';
import { insertCertificate } from '../certificates/certificate.repository';
import type { SignedDocument } from '../certificates/certificate-signer';
import type { PrivacyDeps } from '../deps';
import { describeSubject } from '../describe-subject';
import { privacyErrors } from '../errors';
import { cancelJobsAbout } from './cancel-jobs';
import { erasureCertificate, type ErasureCertificate } from './erasure-certificate';

/**
 * Erases a person: their data keys are destroyed first (crypto-shredding: every copy of their
 * ciphertext, wherever it was copied, becomes unreadable), then every module deletes its rows,
 * tokens and envelopes about them, queued jobs about them are closed, and a signed certificate
 * is issued and audited — all in one transaction. Files go after the commit: they are ciphertext
 * under the destroyed keys by then, so a crash in between leaves nothing readable behind.
 */
export async function eraseContact(deps: PrivacyDeps, workspaceId: string, actor: Actor, contactId: string): Promise<SignedDocument<ErasureCertificate>> {
  const afterCommit: (() => Promise<void>)[] = [];
  const signed = await withTenant(deps.db, workspaceId, async (tx) => {
    const subject = await describeSubject(deps.parts, tx, workspaceId, contactId);
    if (!subject) throw privacyErrors.contactNotFound();
    const keysDestroyed = await deps.keyring.shredOwner(tx, workspaceId, { type: 'contact', id: contactId });
    const erased: Record<string, number> = {};
    const retained: Record<string, number> = {};
    for (const part of deps.parts) {
      const result = await part.erase(tx, workspaceId, subject);
      Object.assign(erased, result.counts);
      Object.assign(retained, result.retained);
      if (result.afterCommit) afterCommit.push(result.afterCommit);
    }
    const at = deps.clock.now();
    erased.queuedJobs = await cancelJobsAbout(tx, workspaceId, subject, at);
    const certificate = erasureCertificate({ id: newId(), workspaceId, contactId, at, actor, keysDestroyed, erased, retained });
    const document = deps.signer.sign(certificate);
    await insertCertificate(tx, { workspace_id: workspaceId, id: certificate.id, contact_id: contactId, issued_at: at, document });
    await deps.audit.record(tx, workspaceId, actor, { action: 'contact.erased', target: { type: 'contact', id: contactId }, details: { certificateId: certificate.id, keysDestroyed: keysDestroyed.length } });
    return document;
  });
  for (const run of afterCommit) {
    try {
      await run();
    } catch (error) {
      // The erasure stands (the keys are gone); an undeleted file is unreadable ciphertext.
      deps.logger.error({ err: error, workspaceId, certificateId: signed.certificate.id }, 'erasure: a file could not be deleted after commit');
    }
  }
  return signed;
}
