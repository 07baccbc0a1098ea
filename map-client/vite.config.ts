import { defineConfig } from 'vite';

// The API serves the built client from map-client/dist at `/`.
export default defineConfig({
  root: '.',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:3000', '/tiles': 'http://localhost:3000', '/config.json': 'http://localhost:3000' } },
});
