import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// The dashboard's frame (sidebar, top bar, page area) is laid out by web/src/dashboard/shell.css alone. A
// page's stylesheet comes later, with its lazy chunk, and would win a tie: one that styled the frame
// once turned the sidebar into a full-width list above every page. So no other stylesheet may name it.
const SHELL_STYLESHEET = join('web', 'src', 'dashboard', 'shell.css');

function stylesheets(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return stylesheets(full);
    return name.endsWith('.css') ? [full] : [];
  });
}

test('only the shell stylesheet styles the dashboard frame (.shell-*)', () => {
  const offenders = stylesheets(join('web', 'src')).filter((file) => file !== SHELL_STYLESHEET && /\.shell\b/.test(readFileSync(file, 'utf8')));
  assert.deepEqual(offenders, []);
});
