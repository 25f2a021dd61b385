// As GET /api/v1/campaigns(/:id) returns a campaign, from the types generated from the OpenAPI document.
import type { ApiResponse } from '../../app/apiSchema';

export type Campaign = ApiResponse<'/api/v1/campaigns/{id}'>;
export type CampaignStatus = Campaign['status'];
export type Funnel = Campaign['funnel'];
export type CampaignList = ApiResponse<'/api/v1/campaigns'>;

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
