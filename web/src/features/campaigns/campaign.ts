// As GET /api/v1/campaigns(/:id) returns a campaign (src/modules/campaigns/campaign-view.ts).
export type CampaignStatus = 'draft' | 'scheduled' | 'running' | 'paused' | 'completed' | 'cancelled';

export type Funnel = {
  total: number;
  queued: number;
  sent: number;
  delivered: number;
  read: number;
  replied: number;
  failed: number;
  skipped: number;
  failedByCode: Record<string, number>;
  skippedByReason: Record<string, number>;
};

export type Campaign = {
  id: string;
  name: string;
  channelId: string;
  template: { name: string; language: string; components?: unknown[] };
  category: string;
  status: CampaignStatus;
  pausedReason: string | null;
  scheduledAt: string | null;
  funnel: Funnel;
  cost: { estimate: number | null; actual: number | null; currency: string };
  createdAt: string;
};

export type CampaignList = { data: Campaign[]; nextCursor: string | null };

// A running campaign's statuses arrive by the hundred per second and never pause: its pages refetch at
// once, then at most every 750 ms, as they only need the sum.
export const LIVE_PACE = { delayMs: 0, minIntervalMs: 750 };

export const STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  running: 'Sending',
  paused: 'Paused',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/** Recipients whose send is over: sent (or further), failed, or skipped. */
export function processed(funnel: Funnel): number {
  return Math.min(funnel.total, funnel.sent + funnel.failed + funnel.skipped);
}

export function formatMoney(amount: number | null, currency: string): string {
  if (amount === null) return '—';
  return new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(amount);
}

// Reasons and codes come from the server as snake_case identifiers: readable words for the few we know.
const REASONS: Record<string, string> = {
  no_marketing_consent: 'no marketing consent',
  no_phone: 'no phone number',
  paused_by_user: 'paused by a member',
  template_paused: 'its template was paused by Meta',
  template_disabled: 'its template was disabled by Meta',
  template_deleted: 'its template was deleted',
  template_recategorized: 'its template changed category',
};
export const describeReason = (reason: string): string => REASONS[reason] ?? reason.replace(/_/g, ' ');
