-- Analytics: content-free facts and daily rollups, kept by a worker that reads the events outbox
-- (ids, enums, counts and times only; no message content, no customer data). Facts outlive the
-- rows they were derived from, so purging content or messages never changes a figure.

-- The rollup worker's position in each workspace's events (as webhook_cursors): locked with
-- SKIP LOCKED while a worker applies a batch, moved in the same transaction as the rollups.
create table analytics_cursors (
  workspace_id text primary key references workspaces (workspace_id) on delete cascade,
  tx_id xid8 not null,
  event_id bigint not null,
  updated_at timestamptz not null default now()
);
select enable_tenant_rls('analytics_cursors');

-- One row per message: what the figures count of it. `day` is the local date (workspace time zone)
-- of the send or receipt; every figure of the message counts on that day.
create table analytics_message_facts (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  message_id text not null,
  conversation_id text not null,
  channel_id text not null,
  day date not null,
  sent_at timestamptz not null,
  direction text not null check (direction in ('inbound', 'outbound')),
  type text not null,
  automated boolean not null,
  -- The member who sent it (API sends by a person), else null.
  agent_id text,
  -- "name/language" of a template send, else null.
  template text,
  template_category text,
  campaign_id text,
  status text not null,
  error_code text,
  -- A template send the customer answered (an inbound message in its conversation afterwards).
  replied boolean not null default false,
  pricing_category text,
  billable boolean not null default false,
  -- Calling code of the recipient's number ("1", "44", "other"): the price table's key.
  country text,
  cost numeric(14, 6) not null default 0,
  estimate numeric(14, 6) not null default 0,
  primary key (workspace_id, message_id)
);
select enable_tenant_rls('analytics_message_facts');
create index analytics_message_facts_unreplied_idx on analytics_message_facts (workspace_id, conversation_id) where template is not null and not replied;

-- A conversation's episodes: opened (its first message) or reopened (a customer writes to a
-- resolved conversation, or a person reopens it), until resolved. The lifecycle moments exist
-- nowhere else (a conversation row keeps only its current status), so this ledger is kept by
-- rebuilds. Each *_day is the local date the moment counts on.
create table analytics_episodes (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  conversation_id text not null,
  seq int not null,
  channel_id text not null,
  kind text not null check (kind in ('opened', 'reopened')),
  opened_at timestamptz not null,
  opened_day date not null,
  -- Whether the episode began (or its customer first wrote) within business hours.
  opened_in_hours boolean not null,
  first_customer_at timestamptz,
  customer_in_hours boolean,
  first_response_at timestamptz,
  response_day date,
  responder_id text,
  resolved_at timestamptz,
  resolved_day date,
  assignee_id text,
  labels text[] not null default '{}',
  primary key (workspace_id, conversation_id, seq)
);
select enable_tenant_rls('analytics_episodes');

-- Consent changes (an entry that differs from the one before, or the first): opt-ins and opt-outs.
create table analytics_consent_facts (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  contact_id text not null,
  purpose text not null,
  seq int not null,
  granted boolean not null,
  day date not null,
  primary key (workspace_id, contact_id, purpose, seq)
);
select enable_tenant_rls('analytics_consent_facts');

-- The rollups: the sum of every fact's contributions per local day, channel ('' for facts without
-- one), dimension (all, agent, label, template, campaign) and its key ('' for all), and metric.
create table analytics_rollups (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  dimension text not null check (dimension in ('all', 'agent', 'label', 'template', 'campaign')),
  day date not null,
  channel_id text not null,
  key text not null,
  metric text not null,
  value numeric(20, 6) not null,
  primary key (workspace_id, dimension, day, channel_id, key, metric)
);
select enable_tenant_rls('analytics_rollups');

-- Who sent an outbound message is in the audit log (message.send); the worker looks it up by id.
create index audit_events_message_send_idx on audit_events (workspace_id, target_id) where action = 'message.send';

-- A campaign's message is found by the message's id when its figures are rolled up.
create index campaign_recipients_message_idx on campaign_recipients (workspace_id, message_id) where message_id is not null;
