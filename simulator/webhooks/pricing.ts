// The `pricing` and `conversation` objects of status webhooks under per-message pricing
// (reference §9, §12). Service replies inside the window are free; utility templates inside
// the window are free until 2026-09-30 and billable from 2026-10-01 (by the simulator's
// clock); everything in a free-entry-point window is free. `conversation` is sent to v23
// and lower, and to v24+ only inside a free-entry-point window.

export type BillingCategory = 'service' | 'marketing' | 'utility' | 'authentication';

export interface Billing {
  category: BillingCategory;
  windowOpen: boolean;
  freeEntry: boolean;
  conversationId: string;
  /** When the window or free-entry window that prices this message ends. */
  expiresAtSec: number;
}

const UTILITY_BILLED_IN_WINDOW_FROM_SEC = Date.UTC(2026, 9, 1) / 1000;

export function pricingObject(b: Billing, nowSec: number): Record<string, unknown> {
  if (b.freeEntry) return { billable: false, pricing_model: 'PMP', type: 'free_entry_point', category: 'referral_conversion' };
  const freeService = b.category === 'service' || (b.category === 'utility' && b.windowOpen && nowSec < UTILITY_BILLED_IN_WINDOW_FROM_SEC);
  if (freeService) return { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: b.category };
  return { billable: true, pricing_model: 'PMP', type: 'regular', category: b.category };
}

export function majorVersion(version: string): number {
  const m = /^v?(\d+)/.exec(version);
  return m ? Number(m[1]) : 24;
}

export function conversationObject(b: Billing, apiVersion: string, isSent: boolean): Record<string, unknown> | undefined {
  if (majorVersion(apiVersion) >= 24 && !b.freeEntry) return undefined;
  const conversation: Record<string, unknown> = { id: b.conversationId };
  if (isSent) conversation.expiration_timestamp = String(b.expiresAtSec);
  conversation.origin = { type: b.freeEntry ? 'referral_conversion' : b.category };
  return conversation;
}
