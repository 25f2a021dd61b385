import { contactErrors } from './errors';
import type { ConsentRow } from './consent.repository';

/** Evidence that the customer gave consent: when, how, and the business's own reference to the record. */
export interface ConsentProof {
  collectedAt: Date;
  method: string;
  reference: string;
}

/** Sources that are the customer speaking: their STOP/START keywords and Meta's marketing preference. */
const CUSTOMER_SOURCES = new Set(['keyword', 'meta_user_preferences']);

/** An entry in the customer's own voice: written by the customer, or carrying proof of what they said. */
const isCustomersVoice = (e: ConsentRow) => CUSTOMER_SOURCES.has(e.source) || e.proof_collected_at !== null;

/**
 * The customer's own withdrawal that still stands in a chain (oldest first): their latest word
 * was "no". The business cannot undo it by writing "yes" (an import, an API call): only the
 * customer can (START, or resuming marketing in WhatsApp), or proof that they consented again.
 */
export function standingWithdrawal(chain: ConsentRow[]): ConsentRow | undefined {
  const latest = chain.findLast(isCustomersVoice);
  return latest && !latest.granted ? latest : undefined;
}

/**
 * Whether a write must be refused because of `withdrawal`: a business's grant, unless its proof
 * was collected after the withdrawal. Withdrawals and the customer's own words always go in.
 */
export function overridesWithdrawal(withdrawal: ConsentRow | undefined, entry: { granted: boolean; source: string; proof?: ConsentProof }): boolean {
  if (!withdrawal || !entry.granted || CUSTOMER_SOURCES.has(entry.source)) return false;
  return !(entry.proof && entry.proof.collectedAt.getTime() > withdrawal.at.getTime());
}

const day = (at: Date) => at.toISOString().slice(0, 10);

export const consentWithdrawnByCustomer = (withdrawal: ConsentRow) => contactErrors.withdrawnByCustomer(withdrawal.at);

/** The import's per-line outcome for a "yes" that was kept out. */
export const keptWithdrawnMessage = (withdrawal: ConsentRow) => `Kept opted out: the customer withdrew marketing consent themselves on ${day(withdrawal.at)}.`;
