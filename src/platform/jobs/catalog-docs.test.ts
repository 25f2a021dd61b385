import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { jobCatalog } from './catalog';
import type { JobDefinition } from './job-definition';

// ARCHITECTURE.md's "Jobs catalog" table is the catalog as people read it: it must list every job as declared.

const duration = (ms: number) => (ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`);
const payloadKeys = (definition: JobDefinition) => (definition.payload instanceof z.ZodObject ? Object.keys(definition.payload.shape).join(', ') : '?') || '—';

test('ARCHITECTURE.md lists every job of the catalog with its payload, attempts, timeout and cron period', () => {
  const doc = readFileSync(new URL('../../../ARCHITECTURE.md', import.meta.url), 'utf8');
  const section = doc.split('\n## Jobs catalog\n')[1]?.split('\n## ')[0] ?? assert.fail('no "Jobs catalog" section');
  const documented = section.split('\n').filter((line) => line.startsWith('| `'));
  const expected = Object.entries(jobCatalog).map(
    ([key, d]) => `| \`${key}\` | \`${d.name}\` | ${payloadKeys(d)} | ${d.maxAttempts} | ${duration(d.timeoutMs)} | ${d.everyMs ? duration(d.everyMs) : '—'} |`,
  );
  assert.deepEqual(documented, expected);
});
