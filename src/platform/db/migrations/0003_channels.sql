-- WhatsApp channels: a business phone number connected to a workspace.

create table channels (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  id text not null,
  phone_number_id text not null,
  waba_id text not null,
  display_phone_number text not null,
  -- accessToken, appSecret, verifyToken (and the sandbox's phone key and customers), encrypted
  -- under the channel's data key: never returned, never logged.
  secrets bytea not null,
  graph_api_base_url text not null,
  graph_api_version text not null,
  throughput_mps int not null default 80,
  quality_rating text,
  messaging_limit text,
  sandbox boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
select enable_tenant_rls('channels');
create index channels_created_idx on channels (workspace_id, created_at);

-- Webhook ingress routing: Meta names a phone number id (or a WABA id, or presents a verify
-- token) before any tenant is known. A phone number connects to one workspace at most, so this
-- global table is keyed by it (a reference table under Citus); RLS still hides other
-- workspaces' rows from tenant transactions.
create table channel_routes (
  phone_number_id text primary key,
  waba_id text not null,
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  channel_id text not null,
  verify_token_hash text not null
);
create index channel_routes_waba_idx on channel_routes (waba_id);
create index channel_routes_verify_idx on channel_routes (verify_token_hash);
select enable_tenant_rls('channel_routes');
