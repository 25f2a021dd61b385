import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
// The budget for a first visit; the build fails above it.
const INITIAL_JS_BUDGET_KB = 150;

// In development the API runs separately on :3000; in production it serves web/dist itself (one origin).
const api = 'http://127.0.0.1:3000';
const proxied = ['/api', '/webhooks', '/sandbox', '/docs', '/healthz'];

// "Initial" JS is what a first visit downloads before anything renders: the entry chunk and
// its static imports. Lazy chunks (the /app area) are left out on purpose.
function reportInitialJs(): Plugin {
  return {
    name: 'whatgrow:report-initial-js',
    apply: 'build',
    writeBundle(_options, bundle) {
      const initial = new Set<string>();
      const visit = (fileName: string): void => {
        const chunk = bundle[fileName];
        if (chunk?.type !== 'chunk' || initial.has(fileName)) return;
        initial.add(fileName);
        chunk.imports.forEach(visit);
      };
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk' && output.isEntry) visit(output.fileName);
      }
      let bytes = 0;
      for (const fileName of initial) {
        const chunk = bundle[fileName];
        if (chunk?.type === 'chunk') bytes += gzipSync(chunk.code).length;
      }
      const kb = bytes / 1024;
      console.log(`initial JS: ${kb.toFixed(1)} KB gzipped (budget ${INITIAL_JS_BUDGET_KB} KB)`);
      if (kb > INITIAL_JS_BUDGET_KB) this.error(`initial JS is ${kb.toFixed(1)} KB gzipped, over the ${INITIAL_JS_BUDGET_KB} KB budget`);
    },
  };
}

export default defineConfig({
  root: webRoot,
  plugins: [react(), reportInitialJs()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: { proxy: Object.fromEntries(proxied.map((path) => [path, { target: api }])) },
});
