-- Sandbox channels store no Graph base URL: their simulator is the running process's, built from
-- its PUBLIC_URL at run time. A URL stored by a process served elsewhere (`whatgrow workspace
-- create` under another port) made every send of that workspace fail.
alter table channels alter column graph_api_base_url drop not null;
update channels set graph_api_base_url = null where sandbox;
alter table channels add constraint channels_graph_url_check check ((graph_api_base_url is null) = sandbox);

-- A business may record consent again after the customer's own withdrawal only with dated proof
-- that the customer gave it after withdrawing: when and how it was collected, and the business's
-- own reference to it (an id in its records, not personal data). Part of the entry's hash.
alter table consent_entries add column proof_collected_at timestamptz;
alter table consent_entries add column proof_method text;
alter table consent_entries add column proof_reference text;
alter table consent_entries add constraint consent_entries_proof_check
  check ((proof_collected_at is null) = (proof_method is null) and (proof_collected_at is null) = (proof_reference is null));

-- Per-line outcomes of an import that are not errors: the row was imported, but something it asked
-- for was not done (marketing consent kept withdrawn because the customer withdrew it).
alter table contact_imports add column notices jsonb not null default '[]'::jsonb;
alter table contact_imports add column notice_count int not null default 0;
