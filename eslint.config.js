import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import moduleBoundary from './eslint-rules/module-boundary.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'tmp/', 'web/dist/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { local: { rules: { 'module-boundary': moduleBoundary } } },
    rules: {
      'local/module-boundary': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through src/platform/config (the only reader of process.env).' }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    // The config module is the only reader of process.env; scripts and benches are tools run by hand or CI.
    files: ['src/platform/config/**', 'src/platform/db/test-database.ts', 'src/test-support/**', 'src/**/testing/**', 'scripts/**', 'bench/**', 'e2e/**', '**/*.test.ts', 'eslint.config.js', 'web/vite.config.ts', 'bin/**'],
    rules: { 'no-restricted-properties': 'off', 'no-console': 'off' },
  },
  {
    files: ['web/src/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-properties': 'off' },
  },
);
