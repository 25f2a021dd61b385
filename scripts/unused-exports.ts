// Lists what a module's or a platform part's index.ts exports that no code outside that folder
// imports. An index is a folder's only public import path, so an export without an outside
// caller is surface to keep stable for nobody. Syntax only (no type-checking): every import in
// this repository is a relative path, so resolving one is a path join.
//
// Run it: node --import tsx scripts/unused-exports.ts (exits 1 and lists them when there are any).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

/** Folders whose code may call an index: everything TypeScript in the repository but the dashboard. */
const CALLER_ROOTS = ['src', 'simulator', 'bench', 'scripts', 'e2e'];
/** A module's index, its testing index (fixtures for other code's tests) and a platform part's index. */
const INDEX = /^src\/(modules\/[^/]+(\/testing)?|platform\/[^/]+)\/index\.ts$/;

export interface UnusedExport {
  index: string;
  name: string;
}

/** Files by path relative to the repository root, with forward slashes. */
export type SourceFiles = Map<string, string>;

export function readSourceFiles(root: string): SourceFiles {
  const files: SourceFiles = new Map();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|tsx|mts|mjs)$/.test(name)) files.set(relative(root, full).split(sep).join('/'), readFileSync(full, 'utf8'));
    }
  };
  for (const folder of CALLER_ROOTS) {
    try {
      walk(join(root, folder));
    } catch {
      // A checkout without that folder has no callers in it.
    }
  }
  return files;
}

function parse(path: string, text: string): ts.SourceFile {
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

/** The names an index exports, in source order. `export *` is refused: its names are not in the file. */
function exportedNames(path: string, source: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (!statement.exportClause) throw new Error(`${path}: "export *" hides what the index exports; name the exports`);
      if (ts.isNamedExports(statement.exportClause)) names.push(...statement.exportClause.elements.map((e) => e.name.text));
      else names.push(statement.exportClause.name.text);
      continue;
    }
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
      names.push(statement.name.text);
    }
  }
  return names;
}

/** The file a relative specifier names, if it is one of `files`. */
function resolveSpecifier(from: string, specifier: string, files: SourceFiles): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = join(dirname(from), specifier).split(sep).join('/');
  const stem = base.replace(/\.(js|ts)$/, '');
  return [base, `${stem}.ts`, `${stem}.tsx`, `${base}/index.ts`].find((candidate) => files.has(candidate));
}

/** Every (file, name) a file takes from other files; `*` when it may take any (a namespace import, `export *`). */
function importedNames(path: string, source: ts.SourceFile, files: SourceFiles): { target: string; name: string }[] {
  const found: { target: string; name: string }[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const target = resolveSpecifier(path, node.moduleSpecifier.text, files);
      if (target) for (const name of namesTaken(node)) found.push({ target, name });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      const target = resolveSpecifier(path, node.arguments[0].text, files);
      if (target) for (const name of namesDestructured(node)) found.push({ target, name });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function namesTaken(node: ts.ImportDeclaration | ts.ExportDeclaration): string[] {
  if (ts.isExportDeclaration(node)) {
    if (!node.exportClause || !ts.isNamedExports(node.exportClause)) return ['*'];
    return node.exportClause.elements.map((e) => (e.propertyName ?? e.name).text);
  }
  const clause = node.importClause;
  if (!clause) return [];
  const names = clause.name ? ['default'] : [];
  if (clause.namedBindings && ts.isNamespaceImport(clause.namedBindings)) names.push('*');
  else if (clause.namedBindings) names.push(...clause.namedBindings.elements.map((e) => (e.propertyName ?? e.name).text));
  return names;
}

/** `const { a, b } = await import(...)` takes a and b; any other use of the module may take anything. */
function namesDestructured(call: ts.CallExpression): string[] {
  const awaited = ts.isAwaitExpression(call.parent) ? call.parent : undefined;
  const declaration = awaited && ts.isVariableDeclaration(awaited.parent) ? awaited.parent : undefined;
  if (!declaration || !ts.isObjectBindingPattern(declaration.name)) return ['*'];
  const names = declaration.name.elements.map((e) => (e.propertyName && ts.isIdentifier(e.propertyName) ? e.propertyName.text : ts.isIdentifier(e.name) ? e.name.text : '*'));
  return declaration.name.elements.some((e) => e.dotDotDotToken) ? ['*'] : names;
}

/** The folder an index speaks for: a testing index speaks for its whole module. */
function ownerFolder(index: string): string {
  return dirname(index).replace(/\/testing$/, '') + '/';
}

export function findUnusedIndexExports(files: SourceFiles): UnusedExport[] {
  const indexes = [...files.keys()].filter((path) => INDEX.test(path)).sort();
  const used = new Map<string, Set<string>>(indexes.map((index) => [index, new Set()]));
  for (const [path, text] of files) {
    for (const { target, name } of importedNames(path, parse(path, text), files)) {
      if (used.has(target) && !path.startsWith(ownerFolder(target))) used.get(target)!.add(name);
    }
  }
  return indexes.flatMap((index) => {
    const names = used.get(index)!;
    if (names.has('*')) return [];
    return exportedNames(index, parse(index, files.get(index)!)).filter((name) => !names.has(name)).map((name) => ({ index, name }));
  });
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const unused = findUnusedIndexExports(readSourceFiles(process.cwd()));
  for (const { index, name } of unused) console.log(`${index}: ${name}`);
  process.exitCode = unused.length > 0 ? 1 : 0;
}
