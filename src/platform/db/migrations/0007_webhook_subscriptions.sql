-- Reading the events outbox in commit order, and outgoing webhooks.

-- An identity id is taken at insert time, so a transaction that commits later can hold a smaller id
-- than one already read: a reader that resumes "after id N" would skip it. Each event records the
-- id of the transaction that wrote it; readers only take events of transactions older than the
-- oldest one still running (pg_snapshot_xmin), in (tx_id, id) order. That set never grows behind a
-- reader's position, so resuming from a (tx_id, id) position skips and repeats nothing.
alter table events add column tx_id xid8 not null default pg_current_xact_id();
create index events_feed_idx on events (workspace_id, tx_id, id);

create table webhook_subscriptions (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  id text not null,
  url text not null,
  events text[] not null,
  -- The signing secret, encrypted under the subscription's data key: shown once, never returned
  -- again, never logged.
  secret bytea not null,
  enabled boolean not null default true,
  -- Events created before this instant (creation or the last re-enable) are not delivered.
  active_since timestamptz not null,
  consecutive_failures int not null default 0,
  failing_since timestamptz,
  disabled_at timestamptz,
  disabled_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
select enable_tenant_rls('webhook_subscriptions');
create index webhook_subscriptions_created_idx on webhook_subscriptions (workspace_id, created_at);

-- The fan-out consumer's position in each workspace's events, as (tx_id, event_id); the row is
-- locked (FOR UPDATE SKIP LOCKED) while a consumer fans out, so two consumers never both do.
create table webhook_cursors (
  workspace_id text primary key references workspaces (workspace_id) on delete cascade,
  tx_id xid8 not null,
  event_id bigint not null,
  updated_at timestamptz not null default now()
);
select enable_tenant_rls('webhook_cursors');

-- One row per (subscription, event): the delivery ledger and its log. Attempts run as jobs
-- (platform/jobs, payload ids only); the unique key makes the fan-out exactly-once.
create table webhook_deliveries (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  id text not null,
  subscription_id text not null,
  event_id bigint not null,
  event_type text not null,
  status text not null check (status in ('pending', 'succeeded', 'failed')),
  attempts int not null default 0,
  next_attempt_at timestamptz,
  last_status_code int,
  last_error text,
  last_duration_ms int,
  last_attempt_at timestamptz,
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id),
  unique (workspace_id, subscription_id, event_id),
  foreign key (workspace_id, subscription_id) references webhook_subscriptions (workspace_id, id) on delete cascade
);
select enable_tenant_rls('webhook_deliveries');
create index webhook_deliveries_log_idx on webhook_deliveries (workspace_id, subscription_id, created_at desc, id desc);
