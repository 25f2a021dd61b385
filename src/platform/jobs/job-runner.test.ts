import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { z } from 'zod';
import { systemClock } from '../clock';
import { claimJobs, enqueue, failJob, LOCK_MARGIN_MS } from './job-queue';
import { startJobRunner } from './job-runner';
import { contactId, contactIdPayload, emptyPayload, logger, testJob, testJobsDatabase } from './test-jobs';

const database = testJobsDatabase();


test('a job runs once with its typed payload; a failing job is retried with backoff and then marked failed', async () => {
  const jobs = { greet: testJob('greet', contactIdPayload), flaky: testJob('flaky', emptyPayload, { maxAttempts: 2 }) };
  const seen: string[] = [];
  let failures = 0;
  const runner = startJobRunner({
    db: database().db,
    clock: systemClock,
    logger,
    pollMs: 20,
    catalog: jobs,
    handlers: {
      greet: async (payload) => void seen.push(payload.contactId),
      flaky: async () => {
        failures += 1;
        throw new Error('upstream down');
      },
    },
  });
  await enqueue(database().db, jobs.greet, { contactId });
  await enqueue(database().db, jobs.flaky, {});
  await runner.drain();
  await runner.stop();
  assert.deepEqual(seen, [contactId]);
  assert.equal(failures, 1, 'the retry waits for its backoff instead of running at once');
  const flaky = await sql<{ status: string; attempts: number; max_attempts: number; run_at: Date; last_error: string }>`select status, attempts, max_attempts, run_at, last_error from jobs where queue = 'test.flaky'`.execute(database().db);
  assert.equal(flaky.rows[0]!.status, 'queued');
  assert.equal(flaky.rows[0]!.max_attempts, 2, 'retries come from the catalog entry');
  assert.ok(flaky.rows[0]!.run_at.getTime() > Date.now() + 500, 'backoff pushed the next attempt into the future');
  assert.equal(flaky.rows[0]!.last_error, 'upstream down');
});

test('a job whose worker died is claimed again after its lock expires; exhausted jobs end failed', async () => {
  const orphan = testJob('orphan', z.strictObject({ id: z.guid() }), { maxAttempts: 2, timeoutMs: 1000 });
  await enqueue(database().db, orphan, { id: contactId });
  const now = new Date();
  const [first] = await claimJobs(database().db, [orphan], 10, now);
  assert.ok(first);
  assert.equal((await claimJobs(database().db, [orphan], 10, now)).length, 0, 'locked while its worker lives');
  const [again] = await claimJobs(database().db, [orphan], 10, new Date(now.getTime() + 1000 + LOCK_MARGIN_MS + 1));
  assert.equal(again?.id, first.id);
  assert.equal(again?.attempts, 2);
  await failJob(database().db, again!, 'boom', new Date(), orphan.backoff);
  const row = await sql<{ status: string }>`select status from jobs where id = ${first.id}`.execute(database().db);
  assert.equal(row.rows[0]!.status, 'failed');
});

test('crons enqueue one job per period however many runners tick', async () => {
  const ran: number[] = [];
  const options = { db: database().db, clock: systemClock, logger, pollMs: 20, catalog: { nightly: testJob('nightly', emptyPayload, { everyMs: 3600_000 }) }, handlers: { nightly: async () => void ran.push(1) } };
  const one = startJobRunner(options);
  const two = startJobRunner(options);
  await one.drain();
  await two.drain();
  await one.stop();
  await two.stop();
  assert.equal(ran.length, 1);
});

test('stop() returns when the job in hand finishes; the claimed jobs not started go back to the queue', async () => {
  const slow = testJob('slow', z.strictObject({ n: z.number() }));
  let release: () => void = () => {};
  const started: number[] = [];
  const runner = startJobRunner({
    db: database().db,
    clock: systemClock,
    logger,
    pollMs: 60_000,
    catalog: { slow },
    handlers: {
      slow: async ({ n }) => {
        started.push(n);
        await new Promise<void>((resolve) => (release = resolve));
      },
    },
  });
  for (const n of [1, 2, 3]) await enqueue(database().db, slow, { n }, { runAt: new Date(Date.now() - 1000 * (4 - n)) });
  runner.wake();
  while (started.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  const stopping = runner.stop();
  release();
  await stopping;
  assert.deepEqual(started, [1]);
  const rows = await sql<{ n: number; status: string; attempts: number; locked_until: Date | null }>`
    select (payload->>'n')::int as n, status, attempts, locked_until from jobs where queue = 'test.slow' order by n`.execute(database().db);
  assert.deepEqual(
    rows.rows.map((r) => [r.n, r.status, r.attempts, r.locked_until]),
    [
      [1, 'done', 1, null],
      [2, 'queued', 0, null],
      [3, 'queued', 0, null],
    ],
  );
});

test('the worker’s handler map is typed from the catalog: a missing handler or a wrong payload does not compile', () => {
  const jobs = { greet: testJob('typed', contactIdPayload), nightly: testJob('typed-cron', emptyPayload) };
  const options = { db: database().db, clock: systemClock, logger, autoStart: false };
  // @ts-expect-error the cron has no handler
  void startJobRunner({ ...options, catalog: jobs, handlers: { greet: async () => undefined } }).stop();
  // @ts-expect-error a handler of another payload
  void startJobRunner({ ...options, catalog: { greet: jobs.greet }, handlers: { greet: async (payload: { messageId: string }) => void payload } }).stop();
  // @ts-expect-error enqueue checks the payload's shape at compile time too
  assert.ok(() => enqueue(database().db, jobs.greet, { phone: '+14155550100' }));
});
