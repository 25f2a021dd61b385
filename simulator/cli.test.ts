import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { runSimulatorCommand } from './cli';

test('the command prints {"url": ...} as its first stdout line and serves there', async () => {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const sim = await runSimulatorCommand({ port: 0, stdout, stderr, handleSignals: false });
  try {
    const firstLine = String(stdout.read()).split('\n')[0]!;
    assert.match(firstLine, /^\{"url": "http:\/\/127\.0\.0\.1:\d+"\}$/);
    const { url } = JSON.parse(firstLine) as { url: string };
    assert.equal(url, sim.url);
    assert.deepEqual(await (await fetch(`${url}/_sim/health`)).json().then((b) => Object.keys(b as object)), ['ok', 'now']);
  } finally {
    await sim.close();
  }
});
