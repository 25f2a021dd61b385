-- Contact imports (CSV), their members (the audience "importId" of a campaign), and contact search
-- by name and phone digits through blind tokens.

-- One CSV import. The file is personal data: it is sealed under a data key owned by the import
-- ({type: 'contact_import', id}) and both are deleted once the rows are processed. `processed_rows`
-- advances with each committed batch, so a re-run resumes after the last batch instead of repeating it.
create table contact_imports (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  id text not null,
  status text not null check (status in ('queued', 'processing', 'completed', 'failed')),
  csv bytea,
  total_rows int not null default 0,
  processed_rows int not null default 0,
  created int not null default 0,
  updated int not null default 0,
  error_count int not null default 0,
  -- [{line, column, code, message}], capped; never a cell's value.
  errors jsonb not null default '[]'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz,
  primary key (workspace_id, id)
);
select enable_tenant_rls('contact_imports');

-- The contacts an import created or updated.
create table contact_import_members (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  import_id text not null,
  contact_id text not null,
  primary key (workspace_id, import_id, contact_id),
  foreign key (workspace_id, import_id) references contact_imports (workspace_id, id) on delete cascade,
  foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete cascade
);
select enable_tenant_rls('contact_import_members');
create index contact_import_members_contact_idx on contact_import_members (workspace_id, contact_id);

-- Blind tokens of a contact's name words (and their prefixes of 3+ characters) and of its phone's
-- digit suffixes, kept on the row (deleted with it) like messages.words. Existing contacts start
-- with NULL ("not indexed yet": their names are encrypted, so SQL cannot compute the tokens);
-- the worker's contacts.index-search job fills them. New rows default to an empty array.
alter table contacts add column search_tokens text[];
alter table contacts alter column search_tokens set default '{}';
create index contacts_search_tokens_idx on contacts using gin (search_tokens);
create index contacts_unindexed_idx on contacts (workspace_id, id) where search_tokens is null;
