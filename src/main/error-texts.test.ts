import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

// An error's text is written once: errors are built only by the factories of an errors.ts file,
// and no sentence appears twice among those files, nor again anywhere else in the product's code.

const SRC = resolve(import.meta.dirname, '..');

function productFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' || entry.name === 'test-support' ? [] : productFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The texts of a file's string and template literals that read as sentences (at least two words). */
function sentencesOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const texts: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) texts.push(node.text);
    else if (ts.isTemplateExpression(node)) texts.push(node.getText(source).slice(1, -1));
    else ts.forEachChild(node, visit);
  };
  visit(source);
  return texts.filter((text) => /\S+ \S+/.test(text));
}

const files = productFiles(SRC);
const errorsFiles = files.filter((file) => file.endsWith('/errors.ts'));
const name = (file: string) => relative(SRC, file);

test('errors are built only in errors.ts files', () => {
  const elsewhere = files.filter((file) => !errorsFiles.includes(file) && /new AppError\b/.test(readFileSync(file, 'utf8')));
  assert.deepEqual(elsewhere.map(name), []);
});

test('no error text is written twice', () => {
  const writtenIn = new Map<string, string[]>();
  for (const file of errorsFiles) for (const text of sentencesOf(file)) writtenIn.set(text, [...(writtenIn.get(text) ?? []), name(file)]);
  assert.ok(writtenIn.size > 50, `the error texts were found (${writtenIn.size})`);
  const twice = [...writtenIn].filter(([, where]) => where.length > 1);
  assert.deepEqual(twice, [], 'write each text once, in one factory');
  const copied = files.filter((file) => !errorsFiles.includes(file)).flatMap((file) => sentencesOf(file).filter((text) => writtenIn.has(text)).map((text) => `${name(file)}: ${text}`));
  assert.deepEqual(copied, [], 'use the factory of the errors.ts file that writes this text');
});
