// Builds the console into the jar's resources: dev/ferry/console/ui/ (index.html + hashed assets),
// served by the node's ConsoleRoutes at /ui. Relative paths, so any node (or proxy prefix) serves it.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  base: './',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: '../target/classes/dev/ferry/console/ui',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 200,
  },
});
