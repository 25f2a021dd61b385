-- Envelope encryption keys (docs/adr/0004-encryption-at-rest.md). Every key is stored wrapped
-- (AES-256-GCM) under the key above it and names the key that wraps it, so rotating the master
-- or a workspace key re-wraps these small rows and never touches the data they protect.

-- A known value sealed under the master key at first start: a wrong MASTER_KEY stops start-up
-- instead of failing later, row by row. One row.
create table crypto_key_check (
  id smallint primary key default 1 check (id = 1),
  master_key_id text not null,
  sealed bytea not null,
  updated_at timestamptz not null default now()
);

-- Global keys, read before any tenant is known: 'ingress' (raw webhook envelopes),
-- 'ingress-index' (blind tokens of the customer ids they hold), 'audit-chain' (HMAC of the audit log).
-- Not granted to whatgrow_app: tenant transactions cannot read them.
create table crypto_system_keys (
  purpose text not null,
  version int not null,
  master_key_id text not null,
  wrapped bytea not null,
  created_at timestamptz not null default now(),
  primary key (purpose, version)
);

-- The workspace key: wraps the workspace's data keys. Versioned; rotation adds a version and
-- re-wraps the data keys under it.
create table crypto_workspace_keys (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  version int not null,
  master_key_id text not null,
  wrapped bytea not null,
  created_at timestamptz not null default now(),
  primary key (workspace_id, version)
);
select enable_tenant_rls('crypto_workspace_keys');

-- The workspace's blind-index secret (HKDF input of its token keys). Separate from the workspace
-- key and never rotated, because every stored token would otherwise have to be recomputed.
create table crypto_index_keys (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  master_key_id text not null,
  wrapped bytea not null,
  created_at timestamptz not null default now(),
  primary key (workspace_id)
);
select enable_tenant_rls('crypto_index_keys');

-- Data keys: one per contact (more after merges or number changes), or per workspace-level owner
-- (notes…). Deleting the row is the erasure: its ciphertexts become undecryptable wherever they
-- were copied (crypto-shredding). The second foreign key (no action, not cascade) stops a
-- workspace key version from being retired while a data key still depends on it.
create table crypto_data_keys (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  id text not null,
  owner_type text not null,
  owner_id text not null,
  workspace_key_version int not null,
  wrapped bytea not null,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, workspace_key_version) references crypto_workspace_keys (workspace_id, version)
);
select enable_tenant_rls('crypto_data_keys');
create index crypto_data_keys_owner_idx on crypto_data_keys (workspace_id, owner_type, owner_id, id);
create index crypto_data_keys_version_idx on crypto_data_keys (workspace_id, workspace_key_version);
