// Whether the web client's build (apps/desktop/out/web) still matches what it was built from,
// decided by a hash of the inputs' contents: mtimes change with every checkout and say nothing.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Everything `vite build --config vite.web.config.ts` reads, relative to the repository root. */
export const webBuildInputs = [
  'apps/desktop/src/renderer',
  'apps/desktop/vite.web.config.ts',
  'apps/desktop/tsconfig.web.json',
  'apps/desktop/package.json',
  'packages/shared/src',
  'packages/shared/package.json',
  // Dependency versions (React, Vite and its plugins) change the output too.
  'package-lock.json',
];

export const webBuildDir = 'apps/desktop/out/web';

// A dotfile: the server's static handler does not serve it.
const stampName = '.build-stamp';

function filesUnder(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** One hash over the inputs' paths and contents, in a fixed order. */
export function hashInputs(root, inputs = webBuildInputs) {
  const hash = createHash('sha256');
  const files = inputs.flatMap((input) => filesUnder(join(root, input))).map((file) => relative(root, file).split(sep).join('/'));
  for (const file of files.sort()) {
    hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

export function readStamp(buildDir) {
  const file = join(buildDir, stampName);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}

export function writeStamp(buildDir, hash) {
  writeFileSync(join(buildDir, stampName), `${hash}\n`);
}

/**
 * Why the build must be made again, or null when it is current. A build without a stamp was
 * made some other way (by hand, by CI) and cannot be vouched for.
 */
export function staleReason({ indexExists, stamp, hash }) {
  if (!indexExists) return 'there is no build';
  if (stamp === null) return 'the build has no stamp';
  if (stamp !== hash) return 'its sources changed';
  return null;
}
