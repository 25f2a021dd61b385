import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findUnusedIndexExports, readSourceFiles, type SourceFiles } from './unused-exports';

test('no module or platform index exports what nothing outside its folder imports', () => {
  const unused = findUnusedIndexExports(readSourceFiles(process.cwd()))
    .map(({ index, name }) => `${index}: ${name}`);
  assert.deepEqual(unused, [], 'remove these from the index (the symbol stays where it is used)');
});

test('a caller is an import, a re-export or a destructured dynamic import from outside the folder', () => {
  const files: SourceFiles = new Map([
    ['src/modules/a/index.ts', "export { used, reExported, typeOnly, onlyInside, dynamic, unused } from './impl';\nexport const declared = 1;"],
    ['src/modules/a/impl.ts', "export const used = 1, reExported = 2, onlyInside = 3, dynamic = 4, unused = 5;\nexport type typeOnly = number;"],
    ['src/modules/a/inner.ts', "import { onlyInside } from './index';"],
    ['src/modules/b/index.ts', "export { reExported } from '../a';"],
    ['src/main/app.ts', "import { used, type typeOnly } from '../modules/a/index';\nimport { declared } from '../modules/a';\nimport { reExported } from '../modules/b';"],
    ['src/main/late.ts', "const { dynamic } = await import('../modules/a');"],
    ['src/platform/p/index.ts', 'export function helper() {}'],
    ['bench/x/run.ts', "const p = import('../../src/platform/p');"],
  ]);
  assert.deepEqual(findUnusedIndexExports(files), [
    { index: 'src/modules/a/index.ts', name: 'onlyInside' },
    { index: 'src/modules/a/index.ts', name: 'unused' },
  ]);
});
