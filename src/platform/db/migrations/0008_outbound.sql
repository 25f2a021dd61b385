-- Outbound: the per-message send queue (the ledger the sender claims with SKIP LOCKED), one
-- lease per channel's send stream, and template fields the send checks need.

-- One row per accepted send; `request` is Meta's body sealed under the contact's key (no personal
-- data in clear). pending → inflight (claimed, about to be dispatched) → done | uncertain.
create table outbound_queue (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  message_id text not null,
  channel_id text not null,
  contact_id text not null,
  campaign_id text,
  request bytea not null,
  state text not null default 'pending' check (state in ('pending', 'inflight', 'uncertain', 'done')),
  attempts int not null default 0,
  next_attempt_at timestamptz not null default now(),
  dispatched_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (workspace_id, message_id)
);
select enable_tenant_rls('outbound_queue');
create index outbound_queue_ready_idx on outbound_queue (workspace_id, channel_id, next_attempt_at, message_id) where state = 'pending';
create index outbound_queue_open_idx on outbound_queue (workspace_id, channel_id, state) where state in ('inflight', 'uncertain');

-- A channel's send stream has one owner at a time; the owner renews `expires_at` by heartbeat.
create table send_leases (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  channel_id text not null,
  owner text not null,
  expires_at timestamptz not null,
  primary key (workspace_id, channel_id)
);
select enable_tenant_rls('send_leases');

alter table templates add column if not exists parameter_format text;
alter table templates add column if not exists synced_at timestamptz;
create index if not exists templates_name_idx on templates (workspace_id, waba_id, name, language);
create index outbound_queue_campaign_idx on outbound_queue (workspace_id, campaign_id) where state = 'pending' and campaign_id is not null;

-- Campaigns: a template sent to an audience. Recipients are expanded once (the eligibility
-- decision and the skip reason are kept), then materialized into messages in batches: a
-- recipient row names its message, so a restart never queues a second one.
create table campaigns (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  id text not null,
  name text not null,
  channel_id text not null,
  template jsonb not null,
  category text not null,
  status text not null check (status in ('draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled')),
  paused_reason text,
  audience jsonb not null,
  scheduled_at timestamptz,
  estimate jsonb,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  completed_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
select enable_tenant_rls('campaigns');
create index campaigns_status_idx on campaigns (workspace_id, status);

create table campaign_recipients (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  campaign_id text not null,
  contact_id text not null,
  state text not null check (state in ('pending', 'queued', 'skipped')),
  skip_reason text,
  country text,
  message_id text,
  primary key (workspace_id, campaign_id, contact_id)
);
select enable_tenant_rls('campaign_recipients');
create index campaign_recipients_pending_idx on campaign_recipients (workspace_id, campaign_id, contact_id) where state = 'pending';
