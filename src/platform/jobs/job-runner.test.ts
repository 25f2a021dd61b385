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
