/** The content-free facts analytics keeps and the rollup rows they add up to: ids, enums, counts and times only. */

export interface MessageFact {
  message_id: string;
  conversation_id: string;
  channel_id: string;
  /** Local date (YYYY-MM-DD) in the workspace's time zone. */
  day: string;
  sent_at: Date;
  direction: 'inbound' | 'outbound';
  type: string;
  automated: boolean;
  agent_id: string | null;
  template: string | null;
  template_category: string | null;
  campaign_id: string | null;
  status: string;
  error_code: string | null;
  replied: boolean;
  pricing_category: string | null;
  billable: boolean;
  country: string | null;
  cost: number;
  estimate: number;
}

export interface Episode {
  conversation_id: string;
  seq: number;
  channel_id: string;
  kind: 'opened' | 'reopened';
  opened_at: Date;
  opened_day: string;
  opened_in_hours: boolean;
  first_customer_at: Date | null;
  customer_in_hours: boolean | null;
  first_response_at: Date | null;
  response_day: string | null;
  responder_id: string | null;
  resolved_at: Date | null;
  resolved_day: string | null;
  assignee_id: string | null;
  labels: string[];
}

export interface ConsentFact {
  contact_id: string;
  purpose: string;
  seq: number;
  granted: boolean;
  day: string;
}

export const dimensions = ['all', 'agent', 'label', 'template', 'campaign'] as const;
export type Dimension = (typeof dimensions)[number];

/** One fact's share of one rollup row. */
export interface Contribution {
  dimension: Dimension;
  day: string;
  channelId: string;
  key: string;
  metric: string;
  value: number;
}
