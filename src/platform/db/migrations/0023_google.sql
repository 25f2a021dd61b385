-- Google sign-in and Google Contacts import (issue 17).

-- The one thing kept of a person's Google account: its subject id (`sub`), stable and opaque,
-- linked to our user. No token, no email copy, no profile: Google's email and name are read from
-- the ID token at each sign-in and never stored here.
create table google_links (
  user_id text primary key references users (id) on delete cascade,
  google_sub text not null unique,
  linked_at timestamptz not null default now()
);

-- A Google Contacts import waiting for the person to look at its preview and confirm it. The
-- rows (names and phone numbers only, as an import CSV) are sealed under a data key owned by the
-- preview ({type: 'google_contacts_preview', id}); row and key are deleted when the import is
-- confirmed or cancelled, or once expired, so no Google data outlives the import.
create table google_contact_previews (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  id text not null,
  user_id text not null,
  csv bytea not null,
  total_rows int not null,
  without_phone int not null,
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
select enable_tenant_rls('google_contact_previews');
create index google_contact_previews_expiry_idx on google_contact_previews (workspace_id, expires_at);
