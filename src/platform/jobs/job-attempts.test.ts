import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ManualClock, systemClock } from '../clock';
import { backoffDelayMs, claimJobs, enqueue, LOCK_MARGIN_MS } from './job-queue';
import { startJobRunner } from './job-runner';
import { contactId, contactIdPayload, emptyPayload, logger, testJob, testJobsDatabase } from './test-jobs';

// How one attempt runs: the payload checked on the way in and on the way out, the backoff and
// timeout of its own job, and a lock that outlasts the timeout.

const database = testJobsDatabase();

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
type JobState = { status: string; attempts: number; run_at: Date; last_error: string | null; locked_until: Date | null };
const stateOf = async (queue: string) => (await sql<JobState>`select status, attempts, run_at, last_error, locked_until from jobs where queue = ${queue}`.execute(database().db)).rows;

test('enqueue checks the payload against its schema and throws on a bad one, storing nothing', async () => {
  const greet = testJob('checked', contactIdPayload);
  await assert.rejects(enqueue(database().db, greet, { contactId: '+14155550100' }), /enqueue test\.checked: invalid payload \(contactId: /);
  // @ts-expect-error a field the schema does not have (the runtime check catches callers that escape the types)
  await assert.rejects(enqueue(database().db, greet, { contactId, name: 'Ann' }), /invalid payload/);
  assert.deepEqual(await stateOf('test.checked'), []);
});

test('a stored payload that does not parse fails the job at once, never retried, with a clear last_error', async () => {
  const greet = testJob('unparsable', contactIdPayload);
  let handled = 0;
  // As a row from an older release or a hand-made insert could look.
  await sql`insert into jobs (id, queue, payload, status, run_at, attempts, max_attempts) values ('bad-payload', ${greet.name}, '{"contactId": 42}'::jsonb, 'queued', now() - interval '1 second', 0, 10)`.execute(database().db);
  const runner = startJobRunner({ db: database().db, clock: systemClock, logger, catalog: { greet }, handlers: { greet: async () => void (handled += 1) }, autoStart: false });
  await runner.drain();
  await runner.stop();
  const [row] = await stateOf(greet.name);
  assert.equal(handled, 0);
  assert.deepEqual([row?.status, row?.attempts, row?.locked_until], ['failed', 1, null]);
  assert.match(row!.last_error!, /^invalid payload for test\.unparsable: contactId: /);
});

test('each job retries after its own backoff, doubling up to its cap, with jitter', async () => {
  const quick = testJob('quick-retry', emptyPayload, { maxAttempts: 2, backoff: { baseMs: 100, capMs: 1000 } });
  const patient = testJob('patient-retry', emptyPayload, { backoff: { baseMs: 60_000, capMs: 3600_000 } });
  const failing = async () => {
    throw new Error('down');
  };
  const runner = startJobRunner({ db: database().db, clock: systemClock, logger, catalog: { quick, patient }, handlers: { quick: failing, patient: failing }, autoStart: false });
  await enqueue(database().db, quick, {});
  await enqueue(database().db, patient, {});
  const failedAt = Date.now();
  await runner.drain();
  const [q] = await stateOf(quick.name);
  const [p] = await stateOf(patient.name);
  const delay = (row: JobState | undefined) => row!.run_at.getTime() - failedAt;
  assert.ok(delay(q) >= 75 && delay(q) <= 125 + 1000, `quick: ${delay(q)} ms`);
  assert.ok(delay(p) >= 45_000 && delay(p) <= 75_000 + 1000, `patient: ${delay(p)} ms`);
  await pause(150);
  await runner.drain();
  await runner.stop();
  assert.deepEqual((await stateOf(quick.name)).map((r) => [r.status, r.attempts]), [['failed', 2]], 'retried after its backoff, then out of attempts');
  for (let i = 0; i < 50; i += 1) {
    const third = backoffDelayMs({ baseMs: 100, capMs: 1000 }, 3);
    assert.ok(third >= 300 && third <= 500, `base · 2² with ±25 %: ${third}`);
    const capped = backoffDelayMs({ baseMs: 100, capMs: 1000 }, 12);
    assert.ok(capped >= 750 && capped <= 1250, `capped: ${capped}`);
  }
});

test('an attempt past its timeout is aborted through its signal, counted as failed and retried later', async () => {
  const stuck = testJob('stuck', emptyPayload, { timeoutMs: 100, backoff: { baseMs: 50, capMs: 50 } });
  const aborts: string[] = [];
  const runner = startJobRunner({
    db: database().db,
    clock: systemClock,
    logger,
    catalog: { stuck },
    handlers: {
      stuck: async (_, { attempt, signal }) => {
        if (attempt > 1) return;
        // Ignores nothing: it waits until told to stop, as a long download would.
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
        aborts.push(String((signal.reason as Error).message));
        throw new Error('aborted');
      },
    },
    autoStart: false,
  });
  await enqueue(database().db, stuck, {});
  const started = Date.now();
  await runner.drain();
  assert.ok(Date.now() - started < 2000, 'the attempt was cut off at its timeout');
  assert.deepEqual(aborts, ['timed out after 100 ms']);
  const [failed] = await stateOf(stuck.name);
  assert.deepEqual([failed?.status, failed?.attempts, failed?.last_error], ['queued', 1, 'timed out after 100 ms']);
  await pause(100);
  await runner.drain();
  await runner.stop();
  assert.deepEqual((await stateOf(stuck.name)).map((r) => [r.status, r.attempts]), [['done', 2]]);
});

test('a claim locks each row for its own job’s timeout plus a margin, so a slow attempt is not claimed twice', async () => {
  const short = testJob('lock-short', emptyPayload, { timeoutMs: 1000 });
  const long = testJob('lock-long', emptyPayload, { timeoutMs: 600_000 });
  await enqueue(database().db, short, {}, { runAt: new Date(Date.now() - 2000) });
  await enqueue(database().db, long, {}, { runAt: new Date(Date.now() - 1000) });
  const now = new Date();
  const claimed = await claimJobs(database().db, [short, long], 10, now);
  assert.deepEqual(
    claimed.map((j) => [j.queue, j.locked_until.getTime() - now.getTime()]),
    [
      ['test.lock-short', 1000 + LOCK_MARGIN_MS],
      ['test.lock-long', 600_000 + LOCK_MARGIN_MS],
    ],
  );
  const pastShortTimeout = new Date(now.getTime() + 1000 + 1);
  assert.deepEqual(await claimJobs(database().db, [short, long], 10, pastShortTimeout), [], 'past the timeout, inside the margin: still held');
  const pastShortLock = new Date(now.getTime() + 1000 + LOCK_MARGIN_MS + 1);
  assert.deepEqual((await claimJobs(database().db, [short, long], 10, pastShortLock)).map((j) => j.queue), ['test.lock-short'], 'the long job is still within its own lock');
});

test('a job late in its batch renews its lock before it starts; one another worker took over meanwhile is left to it', async () => {
  const clock = new ManualClock();
  const first = testJob('batch-first', emptyPayload, { timeoutMs: 10_000 });
  const second = testJob('batch-second', emptyPayload, { timeoutMs: 10_000 });
  const lockSeen: number[] = [];
  let takeOver = false;
  let secondRuns = 0;
  const runner = startJobRunner({
    db: database().db,
    clock,
    logger,
    catalog: { first, second },
    handlers: {
      first: async () => {
        // A slow first job: by the time it ends, the second's claim has less left than its timeout.
        clock.advance(takeOver ? 10_000 + LOCK_MARGIN_MS + 1 : 30_000);
        if (takeOver) await claimJobs(database().db, [second], 10, clock.now());
      },
      second: async () => {
        secondRuns += 1;
        lockSeen.push((await stateOf(second.name))[0]!.locked_until!.getTime() - clock.now().getTime());
      },
    },
    autoStart: false,
  });
  for (const round of [1, 2]) {
    takeOver = round === 2;
    await sql`delete from jobs where queue in (${first.name}, ${second.name})`.execute(database().db);
    await enqueue(database().db, first, {}, { runAt: new Date(clock.now().getTime() - 2000) });
    await enqueue(database().db, second, {}, { runAt: new Date(clock.now().getTime() - 1000) });
    await runner.drain();
  }
  await runner.stop();
  assert.deepEqual(lockSeen, [10_000 + LOCK_MARGIN_MS], 'renewed for a whole timeout plus the margin');
  assert.equal(secondRuns, 1, 'the job taken over by another worker did not run here too');
  assert.deepEqual((await stateOf(second.name)).map((r) => [r.status, r.attempts]), [['running', 2]], 'left to the worker that holds it');
});
