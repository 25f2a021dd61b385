import type { TenantTx } from '../../platform/db';

/**
 * One person (a contact) as the modules that hold their data describe them, gathered before an
 * export or an erasure: the ids other modules' rows refer to, and the identifiers raw envelopes are
 * indexed by, read while the person's keys still exist.
 */
export interface DataSubject {
  contactId: string;
  conversationIds: string[];
  messageIds: string[];
  /** Meta's ids of the person's messages: reactions and amendments point at them. */
  wamids: string[];
  mediaIds: string[];
  /** Ids of other rows about the person (webhook deliveries…) that queued jobs may carry. */
  otherIds: string[];
  /** Plaintext wa_ids (phone digits) and BSUIDs known for the person. */
  identifiers: { waIds: string[]; bsuids: string[] };
  /** The workspace's blind tokens of every identity the person had, including past numbers whose plaintext is gone. */
  identityTokens: { kind: string; token: string }[];
}

export const emptySubject = (contactId: string): DataSubject => ({
  contactId, conversationIds: [], messageIds: [], wamids: [], mediaIds: [], otherIds: [], identifiers: { waIds: [], bsuids: [] }, identityTokens: [],
});

/** A file of the export ZIP (a medium, decrypted), at a path export.json names. */
export interface ExportFile {
  path: string;
  bytes: Buffer;
}

/** A part's contribution to export.json: top-level sections by name, and its files. */
export interface ExportedPart {
  sections: Record<string, unknown>;
  files?: ExportFile[];
}

/** What a part erased, by data class (the certificate's counts), and work to do once the erasure committed. */
export interface ErasedPart {
  counts: Record<string, number>;
  /** Non-personal figures the part kept in their place (message counts per day), by name. */
  retained?: Record<string, number>;
  /** Outside the database (media files): run after commit, when the rows naming them are gone for good. */
  afterCommit?: () => Promise<void>;
}

/**
 * The port every module holding personal data implements for its own tables (the privacy module
 * imports no other module; the container hands it the parts). Each step runs in the caller's tenant
 * transaction, in the order the parts are given.
 */
export interface PersonalDataPart {
  /** Adds what this part knows of the subject that other parts need; the contacts part answers false when there is no such person. */
  describe?(tx: TenantTx, workspaceId: string, subject: DataSubject): Promise<boolean | void>;
  export?(tx: TenantTx, workspaceId: string, subject: DataSubject): Promise<ExportedPart>;
  /** Deletes the part's rows about the subject. Runs after the person's data keys were destroyed, so it reads no ciphertext. */
  erase(tx: TenantTx, workspaceId: string, subject: DataSubject): Promise<ErasedPart>;
}
