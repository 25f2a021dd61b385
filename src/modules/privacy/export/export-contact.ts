import { createHash } from 'node:crypto';
import { withTenant } from '../../../platform/db';
import type { Actor } from '../audit/audit-log';
import type { PrivacyDeps } from '../deps';
import { describeSubject } from '../describe-subject';
import { privacyErrors } from '../errors';
import type { ExportFile } from '../personal-data';

export const EXPORT_FORMAT = 'whatgrow.contact-export';

export interface ContactExport {
  /** export.json: everything held about the person (docs/schemas/contact-export.schema.json). */
  document: Record<string, unknown> & { files: { path: string; bytes: number; sha256: string }[] };
  files: ExportFile[];
}

/**
 * Everything held about a person, read in one tenant transaction (a consistent snapshot) from every
 * module's part, with their media decrypted; audited once. The whole export is held in memory
 * until it is streamed out: a person's media are bounded by what one conversation holds.
 */
export async function exportContact(deps: PrivacyDeps, workspaceId: string, actor: Actor, contactId: string): Promise<ContactExport> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const subject = await describeSubject(deps.parts, tx, workspaceId, contactId);
    if (!subject) throw privacyErrors.contactNotFound();
    const sections: Record<string, unknown> = {};
    const files: ExportFile[] = [];
    for (const part of deps.parts) {
      if (!part.export) continue;
      const out = await part.export(tx, workspaceId, subject);
      Object.assign(sections, out.sections);
      files.push(...(out.files ?? []));
    }
    const document = {
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: deps.clock.now().toISOString(),
      workspaceId,
      exportedBy: { type: actor.type, id: actor.id },
      ...sections,
      files: files.map((f) => ({ path: f.path, bytes: f.bytes.length, sha256: createHash('sha256').update(f.bytes).digest('hex') })),
    };
    await deps.audit.record(tx, workspaceId, actor, { action: 'contact.exported', target: { type: 'contact', id: contactId }, details: { messages: subject.messageIds.length, files: files.length } });
    return { document, files };
  });
}
