/**
 * `electron-vite build`: main (ESM, out/main/index.js = package.json "main"), preload (CommonJS,
 * out/preload/index.cjs: sandboxed preloads cannot be ES modules) and, once it exists, the renderer
 * (renderer/index.html → out/renderer, which the lab serves over http to the window and to browsers).
 * Needs no Electron binary: only node_modules/electron/package.json (or ELECTRON_MAJOR_VER=45).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const path = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));
const rendererEntry = path('./renderer/index.html');

export default defineConfig({
  main: {
    build: {
      outDir: path('./out/main'),
      rolldownOptions: { input: { index: path('./electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: path('./out/preload'),
      rolldownOptions: {
        input: { index: path('./electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  // The window (issue 6, renderer/) may not exist yet: then main and preload build alone and the lab
  // serves its placeholder page.
  ...(existsSync(rendererEntry)
    ? {
      renderer: {
        root: path('./renderer'),
        plugins: [react()],
        build: { outDir: path('./out/renderer'), rolldownOptions: { input: { index: rendererEntry } } },
      },
    }
    : {}),
});
