import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger } from '../logging';
import { AppError, createServer, notFound, registerErrorStatuses } from '.';
import { ErrorStatuses } from './error-statuses';

// The HTTP layer alone turns a code into a status: a code no map names is our bug (500 and a log
// line), never a guess; and one code cannot be given two statuses.

test('a code with a status answers it; a code no map names is a 500 internal_error with a log line naming the code', async () => {
  const lines: string[] = [];
  const app = await createServer({ logger: createLogger({ level: 'info', destination: { write: (line: string) => lines.push(line) } }), trustProxy: false, publicUrl: 'http://127.0.0.1', version: 'test' });
  registerErrorStatuses(app, { teapot_refused: 418 });
  app.get('/platform', async () => { throw notFound('thing'); });
  app.get('/registered', async () => { throw new AppError('teapot_refused', 'No coffee here.', { why: 'teapot' }); });
  app.get('/unmapped', async () => { throw new AppError('code_nobody_mapped', 'Never shown.'); });
  try {
    const platform = await app.inject({ method: 'GET', url: '/platform' });
    assert.deepEqual([platform.statusCode, platform.json()], [404, { error: { code: 'not_found', message: 'No such thing in this workspace.' } }]);
    const registered = await app.inject({ method: 'GET', url: '/registered' });
    assert.deepEqual([registered.statusCode, registered.json()], [418, { error: { code: 'teapot_refused', message: 'No coffee here.', details: { why: 'teapot' } } }]);
    const unmapped = await app.inject({ method: 'GET', url: '/unmapped' });
    assert.equal(unmapped.statusCode, 500);
    assert.equal((unmapped.json() as { error: { code: string } }).error.code, 'internal_error');
    const logged = lines.map((l) => JSON.parse(l) as { level: number; code?: string; msg: string }).filter((l) => l.code === 'code_nobody_mapped');
    assert.equal(logged.length, 1, lines.join(''));
    assert.equal(logged[0]!.level, 50, 'logged as an error');
  } finally {
    await app.close();
  }
});

test('one code cannot be mapped to two statuses; mapping it again to the same one is harmless', () => {
  const statuses = new ErrorStatuses();
  statuses.add({ some_code: 409 });
  statuses.add({ some_code: 409 });
  assert.equal(statuses.statusOf('some_code'), 409);
  assert.throws(() => statuses.add({ some_code: 422 }), /some_code is mapped to both 409 and 422/);
  assert.equal(statuses.statusOf('never_mapped'), undefined);
});
