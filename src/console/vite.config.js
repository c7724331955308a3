// Builds the console into the jar's resources: dev/ferry/console/ui/ (index.html + hashed assets),
// served by the node's ConsoleRoutes at /ui. Relative paths, so any node (or proxy prefix) serves it.
// `npx vite` serves the page for front-end work, passing API calls to FERRY_URL (default the local node).
import { defineConfig } from 'vite';

const node = process.env.FERRY_URL ?? 'http://127.0.0.1:8083';
const api = Object.fromEntries(['/connectors', '/connector-plugins', '/flows', '/cluster'].map((p) => [p, node]));

export default defineConfig({
  root: 'web',
  base: './',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  server: { proxy: api },
  build: {
    outDir: '../target/classes/dev/ferry/console/ui',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 200,
  },
});
