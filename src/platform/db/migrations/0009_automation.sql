-- Automation: workspace settings, keyword auto-replies, the ledger that makes each automated reply
-- exactly-once, read receipts sent at most once per inbound message, and the automated mark on
-- messages.

-- One row per workspace that changed a setting; a workspace without a row has the defaults.
-- Texts here are the business's own wording (not customer data), so they are stored in clear.
create table workspace_settings (
  workspace_id text primary key references workspaces (workspace_id) on delete cascade,
  settings jsonb not null,
  updated_at timestamptz not null default now()
);
select enable_tenant_rls('workspace_settings');

create table keyword_replies (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  id text not null,
  -- As the business typed them; matching normalizes both sides like message search.
  keywords text[] not null,
  match_type text not null check (match_type in ('exact', 'contains')),
  reply_text text not null,
  enabled boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
select enable_tenant_rls('keyword_replies');

-- One row per automated reply decided: the dedupe key names what may be answered once
-- (welcome:<contact>, away:<conversation>:<closed period>, keyword:<message>, opt_out:<message>).
-- Inserted in the transaction that queues the reply, so a retried or doubled job finds it and stops.
-- message_id is null when the reply was decided but could not be sent (the window had closed).
create table automation_replies (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  dedupe_key text not null,
  kind text not null check (kind in ('welcome', 'away', 'keyword', 'opt_out_confirmation')),
  trigger_message_id text not null,
  message_id text,
  created_at timestamptz not null default now(),
  primary key (workspace_id, dedupe_key)
);
select enable_tenant_rls('automation_replies');

-- Meta read receipts: one row per inbound message marked read (queued, then sent).
create table read_receipts (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  message_id text not null,
  queued_at timestamptz not null default now(),
  sent_at timestamptz,
  primary key (workspace_id, message_id)
);
select enable_tenant_rls('read_receipts');

-- Which automation sent an outbound message (null for people and API calls): the inbox shows it.
alter table messages add column automation text;
