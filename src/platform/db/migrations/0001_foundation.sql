-- Foundation: the application role, the tenant RLS helper, accounts, API keys, audit log, jobs.

-- The NOLOGIN role every tenant transaction switches to (withTenant), so that row-level security
-- applies even when the connecting user is a superuser (PGlite, CI's postgres).
do $$ begin
  if not exists (select from pg_roles where rolname = 'whatgrow_app') then
    create role whatgrow_app nologin;
  end if;
end $$;
grant usage on schema public to whatgrow_app;

-- Enables and forces RLS on a tenant table: whatgrow_app sees only rows of app.workspace_id.
-- Other roles (the owner running migrations and the few `unsafe…` pre-tenant lookups) are not
-- restricted by the policy; tenant code never runs as them.
create or replace function enable_tenant_rls(tbl regclass) returns void language plpgsql as $$
begin
  execute format('alter table %s enable row level security', tbl);
  execute format('alter table %s force row level security', tbl);
  execute format(
    'create policy tenant_isolation on %s using (current_user <> ''whatgrow_app'' or workspace_id = current_setting(''app.workspace_id'', true)) with check (current_user <> ''whatgrow_app'' or workspace_id = current_setting(''app.workspace_id'', true))',
    tbl);
  execute format('grant select, insert, update, delete on %s to whatgrow_app', tbl);
end $$;

create table workspaces (
  workspace_id text primary key,
  name text not null,
  settings jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
select enable_tenant_rls('workspaces');

-- Our own users (the businesses' staff), not tenant data: one login may belong to several workspaces.
create table users (
  id text primary key,
  email text not null,
  email_normalized text not null unique,
  name text not null,
  password_hash text not null,
  age_confirmed_at timestamptz not null,
  created_at timestamptz not null default now()
);

-- Tenant code lists its members' names and emails; password hashes stay out of its reach.
grant select (id, email, name, created_at) on users to whatgrow_app;

create table memberships (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  user_id text not null references users (id) on delete cascade,
  role text not null check (role in ('owner', 'admin', 'agent', 'analyst')),
  created_at timestamptz not null default now(),
  primary key (workspace_id, user_id)
);
select enable_tenant_rls('memberships');
-- Which workspaces a user belongs to is asked at login, before any tenant is known.
create index memberships_user_idx on memberships (user_id, workspace_id);

create table invitations (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  id text not null,
  email_normalized text not null,
  role text not null check (role in ('admin', 'agent', 'analyst')),
  token_hash text not null,
  invited_by text not null,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id),
  unique (workspace_id, token_hash)
);
select enable_tenant_rls('invitations');

create table sessions (
  id_hash text primary key,
  user_id text not null references users (id) on delete cascade,
  current_workspace_id text,
  csrf_token text not null,
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index sessions_user_idx on sessions (user_id);

create table login_attempts (
  key text primary key,
  failures int not null,
  window_started_at timestamptz not null,
  locked_until timestamptz
);

create table api_keys (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  id text not null,
  name text not null,
  role text not null check (role in ('owner', 'admin', 'agent', 'analyst')),
  key_hash text not null,
  prefix text not null,
  created_by text,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  primary key (workspace_id, id),
  unique (workspace_id, key_hash)
);
select enable_tenant_rls('api_keys');

-- Append-only, hash-chained per workspace. audit_heads serializes appends per workspace.
create table audit_heads (
  workspace_id text primary key references workspaces (workspace_id) on delete cascade,
  seq bigint not null,
  hash text not null
);
select enable_tenant_rls('audit_heads');

create table audit_events (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  seq bigint not null,
  id text not null,
  at timestamptz not null,
  actor_type text not null,
  actor_id text,
  action text not null,
  target_type text,
  target_id text,
  ip text,
  details jsonb not null default '{}'::jsonb,
  prev_hash text not null,
  hash text not null,
  primary key (workspace_id, seq),
  unique (workspace_id, id)
);
select enable_tenant_rls('audit_events');
revoke update, delete on audit_events from whatgrow_app;

create table idempotency_keys (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  route text not null,
  key text not null,
  body_hash text not null,
  status_code int,
  response jsonb,
  created_at timestamptz not null default now(),
  primary key (workspace_id, route, key)
);
select enable_tenant_rls('idempotency_keys');

-- Coarse background jobs and crons. Payloads carry ids only.
create table jobs (
  id text primary key,
  queue text not null,
  workspace_id text,
  payload jsonb not null default '{}'::jsonb,
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  run_at timestamptz not null default now(),
  attempts int not null default 0,
  max_attempts int not null default 10,
  locked_until timestamptz,
  last_error text,
  singleton_key text unique,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index jobs_ready_idx on jobs (queue, run_at) where status in ('queued', 'running');
-- Use cases enqueue inside their tenant transaction (as whatgrow_app), in the same commit as their change.
grant select, insert, update on jobs to whatgrow_app;
