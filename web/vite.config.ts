// Builds the web app into web/dist, which the Fastify server serves. In development `vite --config
// web/vite.config.ts` proxies /api to a running `footprint serve` (FOOTPRINT_API, default port 3000).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The home page budget is 400 KB of gzipped JavaScript. The ECharts chunk (bar, map and Sankey only) is
    // about 620 KB raw / 210 KB gzipped; warn if any chunk grows past 700 KB raw.
    chunkSizeWarningLimit: 700,
    // Compiling NHS.UK frontend's Sass dominates the build time; that is expected, not worth a report each build.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  css: { preprocessorOptions: { scss: { quietDeps: true } } },
  server: { proxy: { '/api': process.env.FOOTPRINT_API ?? 'http://127.0.0.1:3000' } },
});
