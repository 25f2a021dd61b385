import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger } from '../logging';
import { startPollingLoop } from './polling-loop';

const logger = createLogger({ level: 'silent' });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('stop() ends a long idle sleep at once and clears its timer', async () => {
  // Counted as a difference: test files grouped into one process may have timers of their own.
  const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  const before = timers();
  let rounds = 0;
  const loop = startPollingLoop({ name: 'test', logger, idleMs: 60_000, tick: async () => ((rounds += 1), 0) });
  await pause(20);
  assert.equal(timers(), before + 1, 'asleep on its timer');
  const started = Date.now();
  await loop.stop();
  assert.ok(Date.now() - started < 100, 'stop did not wait for the 60 s sleep');
  assert.equal(rounds, 1);
  assert.equal(timers(), before, 'no timer left behind to keep the process alive');
});

test('wake() ends the sleep; a wake during a round skips the next sleep', async () => {
  let rounds = 0;
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const loop = startPollingLoop({
    name: 'test',
    logger,
    idleMs: 60_000,
    tick: async () => {
      rounds += 1;
      if (rounds === 2) await gate;
      return 0;
    },
  });
  await pause(20);
  assert.equal(rounds, 1, 'asleep after an idle round');
  loop.wake();
  await pause(20);
  assert.equal(rounds, 2, 'woken at once');
  loop.wake(); // arrives while round 2 is still running
  release();
  await pause(20);
  assert.equal(rounds, 3, 'the wake during the round was not lost');
  await loop.stop();
});

test('stop() waits for the round in progress, and the round sees the stop through its signal', async () => {
  const handled: number[] = [];
  const loop = startPollingLoop({
    name: 'test',
    logger,
    idleMs: 60_000,
    tick: async (signal) => {
      for (let item = 1; item <= 5; item += 1) {
        if (signal.aborted) break;
        await pause(20);
        handled.push(item);
      }
      return handled.length;
    },
  });
  await pause(30);
  await loop.stop();
  assert.ok(handled.length >= 1 && handled.length < 5, `stopped between items, after ${handled.length}`);
  const after = handled.length;
  await pause(50);
  assert.equal(handled.length, after, 'no round after stop');
});

test('drain() runs rounds until one is idle, never beside the loop’s own round, and reports its errors', async () => {
  let pending = 3;
  let inRound = 0;
  let overlapped = false;
  let failNext = false;
  const loop = startPollingLoop({
    name: 'test',
    logger,
    idleMs: 5,
    tick: async () => {
      inRound += 1;
      overlapped ||= inRound > 1;
      await pause(5);
      inRound -= 1;
      if (failNext) {
        failNext = false;
        throw new Error('database gone');
      }
      const handled = Math.min(pending, 1);
      pending -= handled;
      return handled;
    },
  });
  pending = 5;
  await loop.drain();
  assert.equal(pending, 0);
  failNext = true;
  // The background loop may take the failing round itself (and log it); keep draining until the drain sees one.
  let reported = false;
  for (let attempt = 0; attempt < 20 && !reported; attempt += 1) {
    failNext = true;
    reported = await loop.drain().then(() => false, (error: Error) => error.message === 'database gone');
  }
  assert.ok(reported, 'a drain round that fails rejects the drain');
  assert.equal(overlapped, false, 'rounds never overlapped');
  await loop.stop();
});

test('autoStart false: nothing runs until drained', async () => {
  let rounds = 0;
  const loop = startPollingLoop({ name: 'test', logger, idleMs: 1, autoStart: false, tick: async () => ((rounds += 1), 0) });
  await pause(20);
  assert.equal(rounds, 0);
  assert.equal(await loop.drain(), 0);
  assert.equal(rounds, 1);
  await loop.stop();
});

test('busyMs: a busy round is followed by that pause, not by the next round at once', async () => {
  let rounds = 0;
  const loop = startPollingLoop({ name: 'test', logger, idleMs: 60_000, busyMs: 60_000, tick: async () => ((rounds += 1), 1) });
  await pause(30);
  assert.equal(rounds, 1, 'paced after its busy round');
  loop.wake();
  await pause(20);
  assert.equal(rounds, 2, 'a wake ends the pause');
  await loop.stop();
});
