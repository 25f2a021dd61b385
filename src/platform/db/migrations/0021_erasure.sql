-- Erasure of a person (DELETE /api/v1/contacts/:id): the signed certificates it issues, and the
-- non-personal message figures that survive it.

-- One row per erasure: the signed certificate (Ed25519 over its canonical JSON), which names ids,
-- counts and key ids only, never a personal value. Kept so it can be fetched again and attached to
-- the privacy request it fulfils.
create table erasure_certificates (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  id text not null,
  contact_id text not null,
  issued_at timestamptz not null,
  document jsonb not null,
  primary key (workspace_id, id)
);
select enable_tenant_rls('erasure_certificates');

-- How many messages an erased person exchanged per day, channel, direction and final status: the
-- message rows are deleted with the person, these counts (no id, no content) keep the workspace's
-- figures whole. Analytics adds them to what it counts from messages.
create table erased_message_counts (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  day date not null,
  channel_id text not null,
  direction text not null check (direction in ('inbound', 'outbound')),
  status text not null,
  messages int not null,
  primary key (workspace_id, day, channel_id, direction, status)
);
select enable_tenant_rls('erased_message_counts');
