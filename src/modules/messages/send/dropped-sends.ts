// Outcomes of sends dropped at dispatch, before any request left: final, and shown on the message
// (a campaign's funnel counts them as skipped, with these codes as reasons).

/** A marketing send whose recipient withdrew consent after it was queued. */
export const CONSENT_WITHDRAWN = {
  code: 'consent_withdrawn',
  title: 'Marketing consent withdrawn',
  class: 'terminal',
  hint: 'The customer withdrew their consent to marketing messages after this message was queued, so it was not sent.',
} as const;

/** A campaign send whose campaign was cancelled before it left. */
export const CAMPAIGN_CANCELLED = {
  code: 'campaign_cancelled',
  title: 'Campaign cancelled',
  class: 'terminal',
  hint: 'The campaign was cancelled before this message was sent, so it was not sent.',
} as const;
