// Bundles the server into dist/main.js for the desktop app to run in a child process.
// PGlite stays external: it loads its WebAssembly and data files from its own package folder.
// The migrations are copied next to the bundle, where `defaultMigrationsDir` looks for them.
import { cp, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

await rm(`${root}/dist`, { recursive: true, force: true });
await build({
  entryPoints: [`${root}/src/main.ts`],
  outfile: `${root}/dist/main.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: ['@electric-sql/pglite'],
  // Bundled CommonJS packages call require() for Node built-ins; give the ES module one.
  banner: { js: "import { createRequire as __parleyCreateRequire } from 'node:module'; const require = __parleyCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
await cp(`${root}/drizzle`, `${root}/dist/drizzle`, { recursive: true });
console.log('bundled dist/main.js');
