-- Meta's id of one of our media on one phone number. Meta accepts a media id only from the number
-- that uploaded it and forgets it after 30 days, so a medium sent from several numbers has one row
-- per number, re-uploaded shortly before it expires. Goes with its medium.
create table media_meta_uploads (
  workspace_id text not null,
  media_id text not null,
  phone_number_id text not null,
  meta_media_id text not null,
  uploaded_at timestamptz not null,
  expires_at timestamptz not null,
  primary key (workspace_id, media_id, phone_number_id),
  foreign key (workspace_id, media_id) references media (workspace_id, id) on delete cascade
);
select enable_tenant_rls('media_meta_uploads');
