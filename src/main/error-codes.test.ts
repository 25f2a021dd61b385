import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startTestApp, type TestApp } from '../test-support/test-app';

// Every code a module declares (the `…ErrorCodes` list of its errors.ts) is declared once and has
// an HTTP status in the product as it is assembled: an unmapped code would answer 500.

const SRC = resolve(import.meta.dirname, '..');

function errorsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return errorsFiles(path);
    return entry.name === 'errors.ts' ? [path] : [];
  });
}

async function declaredCodes(): Promise<Map<string, string[]>> {
  const declaredIn = new Map<string, string[]>();
  for (const file of errorsFiles(SRC)) {
    const exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (!name.endsWith('ErrorCodes') || !Array.isArray(value)) continue;
      for (const code of value as string[]) declaredIn.set(code, [...(declaredIn.get(code) ?? []), `${file.slice(SRC.length + 1)} ${name}`]);
    }
  }
  return declaredIn;
}

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(async () => {
  await t.close();
});

test('every declared error code is declared once and maps to an HTTP status', async () => {
  const declaredIn = await declaredCodes();
  assert.ok(declaredIn.size >= 40, `the code lists were found (${declaredIn.size} codes)`);
  const twice = [...declaredIn].filter(([, lists]) => lists.length > 1);
  assert.deepEqual(twice, [], 'a code shared by modules belongs in platform/http/errors.ts');
  const unmapped = [...declaredIn.keys()].filter((code) => t.app.errorStatuses.statusOf(code) === undefined);
  assert.deepEqual(unmapped, [], 'each module registers its error-statuses map with its routes');
  for (const code of declaredIn.keys()) {
    const status = t.app.errorStatuses.statusOf(code)!;
    assert.ok(status >= 400 && status < 600, `${code} → ${status}`);
  }
});
