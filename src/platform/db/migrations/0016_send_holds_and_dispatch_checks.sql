-- Pause and cancel take effect at dispatch. A campaign's control writes a hold here, in the same
-- transaction as its status; send streams claim no queued row of a held campaign and drop the
-- rows they already claimed (back to pending on pause, cancelled on cancel). Resuming deletes
-- the hold, so the rows waiting in the queue are simply claimable again: nothing is moved twice.
create table send_holds (
  workspace_id text not null references workspaces (workspace_id) on delete cascade,
  campaign_id text not null,
  kind text not null check (kind in ('pause', 'cancel')),
  created_at timestamptz not null default now(),
  primary key (workspace_id, campaign_id)
);
select enable_tenant_rls('send_holds');

-- Marketing sends re-check consent when dispatched (a withdrawal after queueing wins), one
-- ledger read per claimed batch for the rows flagged here.
alter table outbound_queue add column marketing boolean not null default false;

-- Each claim stamps its rows with its own id. A claim whose COMMIT answer was lost (the
-- connection died) is undone by that id, so its rows go back to pending instead of becoming
-- uncertain; and a retried result write touches only rows still in the claim it answers for.
alter table outbound_queue add column claim_id text;
