-- A message's word tokens move from message_words (one row per word) onto the message as a text[]
-- with a GIN index: an inbound batch then writes its words with the messages themselves instead
-- of thousands of extra b-tree rows, and a message's tokens are deleted with it. The tokens are
-- keyed per workspace (HMAC under a workspace-derived key), so the index need not lead with
-- workspace_id to keep tenants apart; queries still filter on it and RLS applies.
alter table messages add column words text[] not null default '{}';

update messages m set words = w.tokens
from (select workspace_id, message_id, array_agg(token) as tokens from message_words group by workspace_id, message_id) w
where m.workspace_id = w.workspace_id and m.id = w.message_id;

drop table message_words;

create index messages_words_idx on messages using gin (words);
