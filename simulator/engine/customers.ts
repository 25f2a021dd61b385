// The simulated WhatsApp users who talk to one business number, and each one's
// customer-service window (24 h after their last message) and free-entry-point window.
import { canonicalWaId } from './wa-id';

export interface CustomerInput {
  waId: string;
  name?: string;
  /** Business-scoped user id (BSUID), e.g. `US.13491208655302741918`. */
  userId?: string;
  username?: string;
  /** The user adopted a username: webhooks carry empty `from` / `wa_id` and rely on the BSUID. */
  phoneHidden?: boolean;
}

export interface Customer {
  waId: string;
  userId: string | null;
  username: string | null;
  name: string;
  phoneHidden: boolean;
  lastInboundAtSec: number | null;
  /** Time of the customer's last message that came from a Click-to-WhatsApp ad or Page CTA. */
  referralAtSec: number | null;
  /** End of the 72 h free-entry-point window, opened by the first reply to a referral. */
  freeEntryUntilSec: number | null;
}

const WINDOW_SECONDS = 24 * 3600;
const FREE_ENTRY_SECONDS = 72 * 3600;

export function customerKey(c: Customer): string {
  return c.waId || (c.userId ?? '');
}

export class CustomerDirectory {
  private byWaId = new Map<string, Customer>();
  private byUserId = new Map<string, Customer>();

  upsert(raw: CustomerInput): Customer {
    const input = { ...raw, waId: raw.waId ? canonicalWaId(raw.waId) : '' };
    const existing = this.find(input.waId) ?? (input.userId ? this.find(input.userId) : undefined);
    const customer: Customer = existing ?? {
      waId: input.waId,
      userId: null,
      username: null,
      name: '',
      phoneHidden: false,
      lastInboundAtSec: null,
      referralAtSec: null,
      freeEntryUntilSec: null,
    };
    if (input.name !== undefined) customer.name = input.name;
    if (input.userId !== undefined) customer.userId = input.userId;
    if (input.username !== undefined) customer.username = input.username;
    if (input.phoneHidden !== undefined) customer.phoneHidden = input.phoneHidden;
    this.index(customer);
    return customer;
  }

  /** By wa_id or BSUID. */
  find(id: string): Customer | undefined {
    return this.byUserId.get(id) ?? this.byWaId.get(id) ?? this.byWaId.get(canonicalWaId(id));
  }

  /** A send to an id nobody registered reaches a new WhatsApp user (who has never written). */
  findOrCreate(id: string, isUserId: boolean): Customer {
    return this.find(id) ?? this.upsert(isUserId ? { waId: '', userId: id } : { waId: id });
  }

  changeWaId(customer: Customer, newWaId: string): void {
    this.byWaId.delete(customer.waId);
    customer.waId = canonicalWaId(newWaId);
    this.index(customer);
  }

  changeUserId(customer: Customer, newUserId: string): void {
    if (customer.userId) this.byUserId.delete(customer.userId);
    customer.userId = newUserId;
    this.index(customer);
  }

  list(): Customer[] {
    const seen = new Set<Customer>([...this.byWaId.values(), ...this.byUserId.values()]);
    return [...seen];
  }

  private index(c: Customer): void {
    if (c.waId) this.byWaId.set(c.waId, c);
    if (c.userId) this.byUserId.set(c.userId, c);
  }
}

export function recordCustomerMessage(c: Customer, atSec: number, fromReferral: boolean): void {
  c.lastInboundAtSec = Math.max(c.lastInboundAtSec ?? 0, atSec);
  if (fromReferral) c.referralAtSec = atSec;
}

export function isWindowOpen(c: Customer, nowSec: number): boolean {
  return c.lastInboundAtSec !== null && nowSec < c.lastInboundAtSec + WINDOW_SECONDS;
}

export function windowExpiresAtSec(c: Customer): number | null {
  return c.lastInboundAtSec === null ? null : c.lastInboundAtSec + WINDOW_SECONDS;
}

/**
 * Whether a business message sent now is inside a free-entry-point window; the first reply
 * within 24 h of a referral opens it for 72 h.
 */
export function inFreeEntryWindow(c: Customer, nowSec: number): boolean {
  if (c.freeEntryUntilSec !== null && nowSec < c.freeEntryUntilSec) return true;
  if (c.referralAtSec !== null && nowSec < c.referralAtSec + WINDOW_SECONDS) {
    c.freeEntryUntilSec = nowSec + FREE_ENTRY_SECONDS;
    c.referralAtSec = null;
    return true;
  }
  return false;
}
