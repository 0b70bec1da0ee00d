import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * In development the page's CSP comes from the main process as a header (security/csp.ts), which
 * lets Vite's inline React-refresh preamble run; the strict meta tag of index.html would block it.
 * Built pages keep the meta tag: no inline script, no eval.
 */
const devCspFromHeader: Plugin = {
  name: 'parley-dev-csp-from-header',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/iu, ''),
};

/**
 * Three builds: main (ESM, Node), preload (CommonJS, because a sandboxed preload cannot load ES
 * modules or require anything but a few Electron modules: everything is bundled in), and the
 * renderer's page, loaded from files with relative paths.
 * Dependencies are bundled into main as well, so the packaged app needs no node_modules.
 */
export default defineConfig({
  main: {
    build: {
      outDir: here('./out/main'),
      rollupOptions: {
        input: { index: here('./src/main/index.ts') },
        // Two fixes for CommonJS libraries bundled into an ES module, run before any of them:
        // - a few call `require` for optional parts inside try/catch: give them a real one;
        // - ws would take Vite's empty stand-in for its optional native `bufferutil` as the real
        //   thing and throw on the first frame it masks: tell it to use its JavaScript fallback.
        output: {
          banner: [
            "import { createRequire as __parleyCreateRequire } from 'node:module';",
            'globalThis.require ??= __parleyCreateRequire(import.meta.url);',
            "process.env.WS_NO_BUFFER_UTIL ??= '1';",
            "process.env.WS_NO_UTF_8_VALIDATE ??= '1';",
          ].join('\n'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: here('./out/preload'),
      rollupOptions: {
        input: { index: here('./src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: here('./src/renderer'),
    base: './',
    plugins: [react(), devCspFromHeader],
    build: {
      outDir: here('./out/renderer'),
      // electron-vite leaves bundles unminified; the page is the one part worth shrinking.
      minify: 'esbuild',
      rollupOptions: { input: { index: here('./src/renderer/index.html') } },
    },
  },
});
