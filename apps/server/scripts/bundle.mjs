// Bundles the server into dist/main.js (and the embedded database's backup.js and restore.js), the production start (`npm run start:prod`, the Docker
// image) and what the desktop app runs in a child process.
// @parley/shared is bundled in, so nothing at run time needs a TypeScript loader.
// PGlite stays external: it loads its WebAssembly and data files from its own package folder;
// sharp too: it loads its native library from its platform's @img package.
// The migrations are copied next to the bundle, where `defaultMigrationsDir` looks for them.
// `--outdir=<folder>` builds elsewhere (tests build into a folder of their own).
import { cp, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdirArg = process.argv.find((arg) => arg.startsWith('--outdir='));
const outdir = outdirArg ? resolve(outdirArg.slice('--outdir='.length)) : `${root}/dist`;

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    main: `${root}/src/main.ts`,
    backup: `${root}/src/backup/backup-cli.ts`,
    restore: `${root}/src/backup/restore-cli.ts`,
  },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: ['@electric-sql/pglite', 'sharp'],
  // Bundled CommonJS packages call require() for Node built-ins; give the ES module one.
  banner: { js: "import { createRequire as __parleyCreateRequire } from 'node:module'; const require = __parleyCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
await cp(`${root}/drizzle`, `${outdir}/drizzle`, { recursive: true });
// The bundle is an ES module wherever it is copied (the Docker image has no package.json above it).
await writeFile(`${outdir}/package.json`, `${JSON.stringify({ type: 'module', private: true })}\n`);
console.log(`bundled ${outdir}/main.js`);
