-- Inbound: raw webhook envelopes (the processing queue), contacts with blind-indexed identities,
-- the consent ledger, conversations, messages with word tokens, reactions, media, notes,
-- templates and account-level channel events.

-- Raw envelopes as Meta sent them, encrypted under the ingress key (a key per envelope derived
-- from it). One row per workspace an envelope names; `accepted` lists the phone number / WABA ids
-- whose entries verified with their own channel's app secret (only those are processed). The
-- table is the queue: workers claim pending rows with FOR UPDATE SKIP LOCKED.
create table webhook_envelopes (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  id bigint generated always as identity,
  received_at timestamptz not null default now(),
  body bytea not null,
  accepted text[] not null,
  -- Ingress blind tokens of the customer ids the envelope holds (wa_id, BSUID, recipient ids),
  -- so erasing a contact finds the envelopes that mention it.
  customer_tokens text[] not null default '{}',
  processed_at timestamptz,
  attempts int not null default 0,
  last_error text,
  primary key (workspace_id, id)
);
select enable_tenant_rls('webhook_envelopes');
create index webhook_envelopes_pending_idx on webhook_envelopes (workspace_id, id) where processed_at is null;
create index webhook_envelopes_processed_idx on webhook_envelopes (workspace_id, processed_at) where processed_at is not null;
create index webhook_envelopes_tokens_idx on webhook_envelopes using gin (customer_tokens);

create table contacts (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  id text not null,
  -- The contact's data key: names, phones, messages and media of this contact are sealed with it.
  key_id text not null,
  profile_name bytea,
  phone bytea,
  attributes bytea,
  tags text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
select enable_tenant_rls('contacts');
create index contacts_created_idx on contacts (workspace_id, created_at);

-- Identities are lookups: the blind token of a BSUID, wa_id or phone names one contact.
create table contact_identities (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  kind text not null check (kind in ('bsuid', 'wa_id', 'phone')),
  token text not null,
  contact_id text not null,
  created_at timestamptz not null default now(),
  primary key (workspace_id, kind, token)
);
select enable_tenant_rls('contact_identities');
create index contact_identities_contact_idx on contact_identities (workspace_id, contact_id);

-- Consent ledger: append-only, hash-chained per contact and purpose.
create table consent_entries (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  contact_id text not null,
  purpose text not null,
  seq int not null,
  granted boolean not null,
  source text not null,
  reference text,
  at timestamptz not null,
  prev_hash text not null,
  hash text not null,
  primary key (workspace_id, contact_id, purpose, seq)
);
select enable_tenant_rls('consent_entries');

create table conversations (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  id text not null,
  contact_id text not null,
  channel_id text not null,
  status text not null default 'open' check (status in ('open', 'pending', 'resolved')),
  assignee_id text,
  labels text[] not null default '{}',
  last_customer_message_at timestamptz,
  window_expires_at timestamptz,
  free_entry_point_expires_at timestamptz,
  last_message_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  unique (workspace_id, contact_id, channel_id)
);
select enable_tenant_rls('conversations');
create index conversations_recent_idx on conversations (workspace_id, last_message_at desc);

create table messages (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  id text not null,
  wamid text,
  channel_id text not null,
  conversation_id text not null,
  contact_id text not null,
  direction text not null check (direction in ('inbound', 'outbound')),
  type text not null,
  status text not null,
  -- {content, context, referral, errors} sealed under the contact's data key.
  payload bytea,
  error jsonb,
  pricing jsonb,
  status_history jsonb not null default '[]'::jsonb,
  sent_at timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
select enable_tenant_rls('messages');
create unique index messages_wamid_idx on messages (workspace_id, wamid);
create index messages_conversation_idx on messages (workspace_id, conversation_id, sent_at desc);
create index messages_contact_idx on messages (workspace_id, contact_id, sent_at desc);

-- Word search: blind tokens of the words of texts and captions.
create table message_words (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  token text not null,
  message_id text not null,
  primary key (workspace_id, token, message_id)
);
select enable_tenant_rls('message_words');

-- One reaction per customer per target message (by wamid, so a reaction may arrive before its
-- target): a newer one replaces it; a removal keeps the row with no emoji, so an older add
-- redelivered later cannot resurrect it.
create table message_reactions (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  target_wamid text not null,
  reactor text not null,
  emoji bytea,
  reacted_at timestamptz not null,
  primary key (workspace_id, target_wamid, reactor)
);
select enable_tenant_rls('message_reactions');

create table media (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  id text not null,
  message_id text,
  contact_id text,
  channel_id text,
  meta_media_id text,
  mime_type text,
  sha256 text,
  size_bytes bigint,
  status text not null check (status in ('pending', 'stored', 'failed')),
  storage_key text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
select enable_tenant_rls('media');
create index media_message_idx on media (workspace_id, message_id);

create table conversation_notes (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  id text not null,
  conversation_id text not null,
  author_id text,
  body bytea not null,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
select enable_tenant_rls('conversation_notes');
create index conversation_notes_idx on conversation_notes (workspace_id, conversation_id, created_at);

-- Templates as Meta reports them (status, quality and category webhooks); outbound work extends it.
create table templates (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  id text not null,
  waba_id text not null,
  meta_template_id text not null,
  name text not null,
  language text not null,
  category text,
  status text,
  quality text,
  rejected_reason text,
  components jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  unique (workspace_id, meta_template_id)
);
select enable_tenant_rls('templates');

-- Account-level webhooks (account_update, value-level errors, quality events): ids and enums only.
create table channel_events (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  id text not null,
  channel_id text,
  waba_id text not null,
  field text not null,
  event text,
  details jsonb not null default '{}'::jsonb,
  received_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
select enable_tenant_rls('channel_events');
