// Enforces the module boundaries of ARCHITECTURE.md:
// - code outside src/modules/<m>/ imports that module only through src/modules/<m>/index.ts, and test code
//   also through src/modules/<m>/testing/index.ts (the module's fixtures and harnesses);
// - src/platform/ knows no domain: it imports nothing from src/modules/;
// - the simulator is a stand-in for Meta and imports nothing from src/.
import { dirname, relative, resolve, sep } from 'node:path';

const root = process.cwd();

function moduleOf(file) {
  const parts = relative(root, file).split(sep);
  if (parts[0] === 'src' && parts[1] === 'modules' && parts[2]) return parts[2];
  return null;
}

function isIndex(target) {
  const parts = relative(root, target).split(sep);
  // `../privacy` (the folder) resolves to its index.ts too.
  return parts.length === 3 || (parts.length === 4 && /^index(\.ts)?$/.test(parts[3]));
}

function isTestingIndex(target) {
  const parts = relative(root, target).split(sep);
  return parts[3] === 'testing' && (parts.length === 4 || (parts.length === 5 && /^index(\.ts)?$/.test(parts[4])));
}

// Test code: test files, the shared test support, any module's testing folder, the e2e suites and the benches.
function isTestCode(fromRel) {
  const parts = fromRel.split(sep);
  return fromRel.endsWith('.test.ts') || parts.includes('testing') || ['e2e', 'bench'].includes(parts[0]) || fromRel.startsWith(`src${sep}test-support${sep}`);
}

export default {
  meta: { type: 'problem', schema: [], messages: {
    deep: 'Import module "{{module}}" through src/modules/{{module}}/index.ts, not {{path}}.',
    testing: 'src/modules/{{module}}/testing is for test code only; product code imports src/modules/{{module}}/index.ts.',
    platform: 'src/platform knows no domain: it must not import src/modules ({{path}}).',
    simulator: 'The simulator stands in for Meta and must not import the product ({{path}}).',
  } },
  create(context) {
    const file = context.filename;
    const fromRel = relative(root, file);
    function check(node) {
      const spec = node.source && node.source.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = resolve(dirname(file), spec);
      const targetRel = relative(root, target);
      if (fromRel.startsWith(`simulator${sep}`) && targetRel.startsWith(`src${sep}`)) {
        context.report({ node, messageId: 'simulator', data: { path: targetRel } });
        return;
      }
      const targetModule = moduleOf(target);
      if (!targetModule) return;
      if (fromRel.startsWith(`src${sep}platform${sep}`)) {
        context.report({ node, messageId: 'platform', data: { path: targetRel } });
        return;
      }
      if (moduleOf(file) === targetModule || isIndex(target)) return;
      if (isTestingIndex(target)) {
        if (!isTestCode(fromRel)) context.report({ node, messageId: 'testing', data: { module: targetModule } });
        return;
      }
      context.report({ node, messageId: 'deep', data: { module: targetModule, path: targetRel } });
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: (node) => check({ source: node.source }) };
  },
};
