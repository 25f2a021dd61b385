import type { Actor } from '../audit/audit-log';

/** What an erasure certifies. Ids, counts and key ids only: the certificate itself holds nothing personal. */
export interface ErasureCertificate {
  type: 'whatgrow.erasure-certificate';
  version: 1;
  id: string;
  workspaceId: string;
  subject: { type: 'contact'; id: string };
  erasedAt: string;
  erasedBy: { type: Actor['type']; id: string | null };
  method: 'crypto-shredding';
  /** The person's data keys, destroyed before any row was deleted: copies of their ciphertext anywhere are unreadable. */
  keysDestroyed: string[];
  /** Rows, tokens, files, envelopes and jobs erased, by data class. */
  erased: Record<string, number>;
  /** Non-personal figures kept (no id, no content), by name. */
  retained: Record<string, number>;
}

export function erasureCertificate(input: {
  id: string;
  workspaceId: string;
  contactId: string;
  at: Date;
  actor: Actor;
  keysDestroyed: string[];
  erased: Record<string, number>;
  retained: Record<string, number>;
}): ErasureCertificate {
  return {
    type: 'whatgrow.erasure-certificate',
    version: 1,
    id: input.id,
    workspaceId: input.workspaceId,
    subject: { type: 'contact', id: input.contactId },
    erasedAt: input.at.toISOString(),
    erasedBy: { type: input.actor.type, id: input.actor.id },
    method: 'crypto-shredding',
    keysDestroyed: [...input.keysDestroyed].sort(),
    erased: input.erased,
    retained: input.retained,
  };
}
