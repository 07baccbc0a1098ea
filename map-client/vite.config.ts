import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vite';

// Every *.html in this folder is a page (map, editor, planner, staff, pitch): adding a page
// needs no change here. The API serves the build from map-client/dist.
const pages = Object.fromEntries(
  fs
    .readdirSync(import.meta.dirname)
    .filter((f) => f.endsWith('.html'))
    .map((f) => [path.basename(f, '.html'), path.join(import.meta.dirname, f)]),
);

export default defineConfig({
  root: '.',
  // The API's contract (framework-free zod schemas, enums, rules): one copy for server and pages.
  resolve: { alias: { '@etablera/contract': path.join(import.meta.dirname, '../api/src/contract/index.ts') } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500, rollupOptions: { input: pages } },
  server: { proxy: { '/api': 'http://localhost:3000', '/tiles': 'http://localhost:3000', '/config.json': 'http://localhost:3000' } },
});
