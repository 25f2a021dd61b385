-- The send queue keeps only work: a send whose outcome is recorded on its message is deleted
-- (the message is the ledger). Finished rows kept a copy of the sealed request we no longer need
-- and made every scan of the queue slower as a campaign went on.
delete from outbound_queue where state = 'done';
alter table outbound_queue drop constraint outbound_queue_state_check;
alter table outbound_queue add constraint outbound_queue_state_check check (state in ('pending', 'inflight', 'uncertain'));

-- Rows die as fast as the sender claims them: vacuum after a few thousand dead rows, not after a
-- fifth of the (small) table, so the scans of the pending index do not wade through dead entries.
alter table outbound_queue set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000);
