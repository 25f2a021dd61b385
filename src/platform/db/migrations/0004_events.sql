-- Domain events: written in the same transaction as the change they describe (an outbox), read by
-- server-sent events and outgoing webhooks in any process. Ids only, never personal data.
create table events (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  id bigint generated always as identity,
  type text not null,
  data jsonb not null,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
select enable_tenant_rls('events');
create index events_created_idx on events (workspace_id, created_at);
grant usage on all sequences in schema public to whatgrow_app;
alter default privileges in schema public grant usage on sequences to whatgrow_app;
