import { z } from 'zod';
import { defineJob, type HandlersFor } from './job-definition';

// Ids are UUIDv7 from newId(); the shape check (not the version) is what keeps anything else,
// a phone number or a name, out of a job.
const id = z.guid();
const noPayload = z.strictObject({});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** 2 s, 4 s, 8 s … one hour at most. */
const standardBackoff = { baseMs: 2000, capMs: HOUR };

/**
 * Every job of the product, in one place (ARCHITECTURE.md, "Jobs catalog", lists them). Modules
 * enqueue an entry (`enqueue(tx, jobCatalog.markRead, { workspaceId, messageId })`) and the worker
 * gives each entry its handler. Adding a job: an entry here, its handler in src/main/worker.ts (a
 * compile error until it has one), and its row in ARCHITECTURE.md.
 */
export const jobCatalog = {
  /** The welcome/away/keyword replies and opt-out confirmation of one inbound message. */
  inboundAutomation: defineJob({ name: 'automation.inbound', payload: z.strictObject({ workspaceId: id, messageId: id }), maxAttempts: 10, backoff: standardBackoff, timeoutMs: MINUTE }),
  /** Meta's read status for one inbound message. */
  markRead: defineJob({ name: 'outbound.mark-read', payload: z.strictObject({ workspaceId: id, messageId: id }), maxAttempts: 5, backoff: standardBackoff, timeoutMs: MINUTE }),
  /** Downloads, seals and stores one inbound medium (up to 100 MB). Named when the inbox owned media. */
  mediaFetch: defineJob({ name: 'inbox.media.fetch', payload: z.strictObject({ workspaceId: id, mediaId: id }), maxAttempts: 10, backoff: standardBackoff, timeoutMs: 5 * MINUTE }),
  /** One attempt of an outgoing webhook delivery (the delivery's own retries are new jobs). */
  deliverWebhook: defineJob({ name: 'webhooks.deliver', payload: z.strictObject({ workspaceId: id, deliveryId: id }), maxAttempts: 5, backoff: standardBackoff, timeoutMs: MINUTE }),
  /** Rows of a CSV import; a run past its 20 s budget queues its continuation. */
  contactImport: defineJob({ name: 'contacts.import', payload: z.strictObject({ workspaceId: id, importId: id }), maxAttempts: 10, backoff: standardBackoff, timeoutMs: 2 * MINUTE }),
  /** Search tokens for contacts from before search existed (finds nothing once done). */
  indexSearch: defineJob({ name: 'contacts.index-search', payload: noPayload, maxAttempts: 10, backoff: standardBackoff, timeoutMs: 30 * MINUTE, everyMs: HOUR }),
  /** Deletes processed webhook envelopes past their retention. */
  purgeEnvelopes: defineJob({ name: 'webhooks.purge-envelopes', payload: noPayload, maxAttempts: 10, backoff: standardBackoff, timeoutMs: 10 * MINUTE, everyMs: HOUR }),
};

export type JobCatalog = typeof jobCatalog;
/** The worker's handlers: one per job of the catalog. */
export type JobHandlers = HandlersFor<JobCatalog>;
