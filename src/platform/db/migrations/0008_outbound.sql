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
