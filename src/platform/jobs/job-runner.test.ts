import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { systemClock } from '../clock';
import { createLogger } from '../logging';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { claimJobs, enqueue, failJob } from './job-queue';
import { startJobRunner } from './job-runner';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(async () => {
  await database.close();
});

const logger = createLogger({ level: 'silent' });

test('a job runs once; a failing job is retried with backoff and then marked failed', async () => {
  const seen: string[] = [];
  let failures = 0;
  const runner = startJobRunner({
    db: database.db,
    clock: systemClock,
    logger,
    pollMs: 20,
    handlers: {
      greet: async (job) => void seen.push(String(job.payload.contactId)),
      flaky: async () => {
        failures += 1;
        throw new Error('upstream down');
      },
    },
  });
  await enqueue(database.db, 'greet', { contactId: 'c1' });
  await enqueue(database.db, 'flaky', {}, { maxAttempts: 2 });
  await runner.drain();
  await runner.stop();
  assert.deepEqual(seen, ['c1']);
  assert.equal(failures, 1, 'the retry waits for its backoff instead of running at once');
  const flaky = await sql<{ status: string; attempts: number; run_at: Date; last_error: string }>`select status, attempts, run_at, last_error from jobs where queue = 'flaky'`.execute(database.db);
  assert.equal(flaky.rows[0]!.status, 'queued');
  assert.ok(flaky.rows[0]!.run_at.getTime() > Date.now() + 500, 'backoff pushed the next attempt into the future');
  assert.equal(flaky.rows[0]!.last_error, 'upstream down');
});

test('a job whose worker died is claimed again after its lock expires; exhausted jobs end failed', async () => {
  await enqueue(database.db, 'orphan', { id: 'x' }, { maxAttempts: 2 });
  const now = new Date();
  const [first] = await claimJobs(database.db, ['orphan'], 10, 1000, now);
  assert.ok(first);
  assert.equal((await claimJobs(database.db, ['orphan'], 10, 1000, now)).length, 0, 'locked while its worker lives');
  const [again] = await claimJobs(database.db, ['orphan'], 10, 1000, new Date(now.getTime() + 2000));
  assert.equal(again?.id, first.id);
  assert.equal(again?.attempts, 2);
  await failJob(database.db, again!, 'boom', new Date());
  const row = await sql<{ status: string }>`select status from jobs where id = ${first.id}`.execute(database.db);
  assert.equal(row.rows[0]!.status, 'failed');
});

test('crons enqueue one job per period however many runners tick', async () => {
  const ran: number[] = [];
  const options = { db: database.db, clock: systemClock, logger, pollMs: 20, crons: [{ queue: 'nightly', everyMs: 3600_000 }], handlers: { nightly: async () => void ran.push(1) } };
  const one = startJobRunner(options);
  const two = startJobRunner(options);
  await one.drain();
  await two.drain();
  await one.stop();
  await two.stop();
  assert.equal(ran.length, 1);
});

test('stop() returns when the job in hand finishes; the claimed jobs not started go back to the queue', async () => {
  let release: () => void = () => {};
  const started: string[] = [];
  const runner = startJobRunner({
    db: database.db,
    clock: systemClock,
    logger,
    pollMs: 60_000,
    handlers: {
      slow: async (job) => {
        started.push(String(job.payload.n));
        await new Promise<void>((resolve) => (release = resolve));
      },
    },
  });
  for (const n of [1, 2, 3]) await enqueue(database.db, 'slow', { n }, { runAt: new Date(Date.now() - 1000 * (4 - n)) });
  runner.wake();
  while (started.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  const stopping = runner.stop();
  release();
  await stopping;
  assert.deepEqual(started, ['1']);
  const rows = await sql<{ n: number; status: string; attempts: number; locked_until: Date | null }>`
    select (payload->>'n')::int as n, status, attempts, locked_until from jobs where queue = 'slow' order by n`.execute(database.db);
  assert.deepEqual(
    rows.rows.map((r) => [r.n, r.status, r.attempts, r.locked_until]),
    [
      [1, 'done', 1, null],
      [2, 'queued', 0, null],
      [3, 'queued', 0, null],
    ],
  );
});
