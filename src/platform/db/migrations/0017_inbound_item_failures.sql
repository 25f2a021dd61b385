-- Processing is per item: an item of a verified envelope that cannot be applied (a value no column
-- can hold, a shape no rule reads) is recorded here and the rest of its envelope is applied. Ids,
-- positions and reason codes only: the item itself stays in the encrypted envelope.
create table inbound_item_failures (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  envelope_id bigint not null,
  item_index int not null,
  kind text not null,
  reason text not null,
  failed_at timestamptz not null default now(),
  primary key (workspace_id, envelope_id, item_index)
);
select enable_tenant_rls('inbound_item_failures');
create index inbound_item_failures_failed_idx on inbound_item_failures (workspace_id, failed_at);

-- Account-level and coexistence webhooks (history, smb_message_echoes, smb_app_state_sync) carry
-- message bodies, phone numbers and names: their value is sealed, and blind tokens of the customer
-- ids it names let erasure find it. `details` keeps only non-personal facts (an error's code).
alter table channel_events add column sealed bytea;
alter table channel_events add column customer_tokens text[] not null default '{}';
-- Rows stored before hold the value in plaintext: fields that may name a person lose it (it
-- cannot be encrypted in SQL); fields made of Meta's enums and ids keep theirs.
update channel_events set details = '{}'::jsonb
where field not in ('message_template_status_update', 'message_template_quality_update', 'template_category_update',
  'phone_number_quality_update', 'account_update', 'business_capability_update', 'account_review_update', 'account_alerts', 'errors');

-- A WhatsApp username (profile.username) names a customer whose phone WhatsApp hides; sealed
-- under the contact's data key like the name.
alter table contacts add column username bytea;
