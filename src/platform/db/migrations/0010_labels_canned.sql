-- Labels and canned responses (workspace settings the inbox uses), customer edits and deletions
-- of inbound messages, and parked webhook envelopes.

-- A conversation's `labels` stays an array of label names: renaming or deleting a label rewrites
-- the conversations that carry it, in the same transaction.
create table labels (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  id text not null,
  name text not null,
  color text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  unique (workspace_id, name)
);
select enable_tenant_rls('labels');

-- Business text written by the team (not customer data), so kept in clear for `?q=` search.
create table canned_responses (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  id text not null,
  shortcut text not null,
  text text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  unique (workspace_id, shortcut)
);
select enable_tenant_rls('canned_responses');

-- A customer's edit or deletion ("revoke") of one of their messages, keyed by the event's own
-- wamid (redelivery is a no-op). Kept apart from the target, so one arriving before its original
-- is applied when the original arrives. `content` is the edited version, sealed under the
-- contact's key; a revoke erases the content of every edit of its target.
create table message_amendments (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  wamid text not null,
  target_wamid text not null,
  contact_id text not null,
  kind text not null check (kind in ('edit', 'revoke')),
  content bytea,
  amended_at timestamptz not null,
  created_at timestamptz not null default now(),
  primary key (workspace_id, wamid)
);
select enable_tenant_rls('message_amendments');
create index message_amendments_target_idx on message_amendments (workspace_id, target_wamid);

alter table messages add column edited_at timestamptz;
alter table messages add column deleted_at timestamptz;

-- An envelope that failed its last allowed attempt is parked: kept (never lost), no longer
-- claimed, and counted for operators (/readyz).
alter table webhook_envelopes add column parked_at timestamptz;
create index webhook_envelopes_parked_idx on webhook_envelopes (workspace_id, id) where parked_at is not null and processed_at is null;
