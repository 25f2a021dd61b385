-- The send queue keeps only work: a send whose outcome is recorded on its message is deleted
-- (the message is the ledger). Finished rows kept a copy of the sealed request we no longer need
-- and made every scan of the queue slower as a campaign went on.
delete from outbound_queue where state = 'done';
alter table outbound_queue drop constraint outbound_queue_state_check;
alter table outbound_queue add constraint outbound_queue_state_check check (state in ('pending', 'inflight', 'uncertain'));
