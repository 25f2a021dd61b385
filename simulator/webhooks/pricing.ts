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
  /** Drawn when first needed: v24+ webhooks rarely carry a conversation. */
  conversationId: string | null;
  /** When the window or free-entry window that prices this message ends. */
  expiresAtSec: number;
}

const UTILITY_BILLED_IN_WINDOW_FROM_SEC = Date.UTC(2026, 9, 1) / 1000;

// Pricing objects are few and only ever serialized, so they are built once and shared.
const PRICING = new Map<string, Readonly<Record<string, unknown>>>();

function pricing(billable: boolean, type: string, category: string): Readonly<Record<string, unknown>> {
  const key = `${type}:${category}`;
  let p = PRICING.get(key);
  if (!p) PRICING.set(key, (p = Object.freeze({ billable, pricing_model: 'PMP', type, category })));
  return p;
}

export function pricingObject(b: Billing, nowSec: number): Readonly<Record<string, unknown>> {
  if (b.freeEntry) return pricing(false, 'free_entry_point', 'referral_conversion');
  const freeService = b.category === 'service' || (b.category === 'utility' && b.windowOpen && nowSec < UTILITY_BILLED_IN_WINDOW_FROM_SEC);
  if (freeService) return pricing(false, 'free_customer_service', b.category);
  return pricing(true, 'regular', b.category);
}

export function majorVersion(version: string): number {
  const m = /^v?(\d+)/.exec(version);
  return m ? Number(m[1]) : 24;
}

export function conversationObject(b: Billing, apiVersion: string, isSent: boolean, newId: () => string): Record<string, unknown> | undefined {
  if (majorVersion(apiVersion) >= 24 && !b.freeEntry) return undefined;
  b.conversationId ??= newId();
  const conversation: Record<string, unknown> = { id: b.conversationId };
  if (isSent) conversation.expiration_timestamp = String(b.expiresAtSec);
  conversation.origin = { type: b.freeEntry ? 'referral_conversion' : b.category };
  return conversation;
}
