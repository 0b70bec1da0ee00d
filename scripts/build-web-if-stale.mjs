#!/usr/bin/env node
// Builds the web client only when it is missing or its sources changed since it was built, so
// that `npm run server` restarts in a moment instead of rebuilding it every time.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashInputs, readStamp, staleReason, webBuildDir, writeStamp } from './web-build-stamp.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const buildDir = join(root, webBuildDir);
const hash = hashInputs(root);
const reason = staleReason({ indexExists: existsSync(join(buildDir, 'index.html')), stamp: readStamp(buildDir), hash });

if (reason === null) {
  console.log('web client: up to date');
} else {
  console.log(`web client: building (${reason})`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build:web', '-w', '@parley/desktop'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeStamp(buildDir, hash);
}
