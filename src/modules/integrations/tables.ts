export interface SubscriptionRow {
  workspace_id: string;
  id: string;
  url: string;
  events: string[];
  secret: Buffer;
  enabled: boolean;
  active_since: Date;
  consecutive_failures: number;
  failing_since: Date | null;
  disabled_at: Date | null;
  disabled_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface DeliveryRow {
  workspace_id: string;
  id: string;
  subscription_id: string;
  event_id: string | number;
  event_type: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  next_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  last_duration_ms: number | null;
  last_attempt_at: Date | null;
  completed_at: Date | null;
  created_at: Date;
}

export interface IntegrationTables {
  webhook_subscriptions: SubscriptionRow;
  webhook_deliveries: DeliveryRow;
  webhook_cursors: { workspace_id: string; tx_id: string; event_id: string | number; updated_at: Date };
}
