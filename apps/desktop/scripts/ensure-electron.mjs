// Makes sure Electron's binary is present before `electron-vite dev` starts it. npm installs run
// with ignore-scripts (see the root .npmrc), so Electron's own postinstall download never ran:
// fetch it here, once, on first start.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

function binaryPresent() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  const relative = readFileSync(pathFile, 'utf8').trim();
  return relative !== '' && existsSync(join(electronDir, 'dist', relative));
}

if (binaryPresent()) process.exit(0);

const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));
console.log(`Electron ${version} is not downloaded yet; fetching it now (one time)…`);
const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit', cwd: electronDir });

if (result.status !== 0 || !binaryPresent()) {
  console.error(
    [
      '',
      `Could not download Electron ${version}.`,
      'Parley needs it to start the desktop app. Check that this computer can reach github.com, or point',
      'ELECTRON_MIRROR at a mirror you can reach (https://www.electronjs.org/docs/latest/tutorial/installation#mirror),',
      'then run `npm start` again. The web client works without Electron: `npm run server`, then open',
      'http://localhost:3000/app/ in a browser.',
    ].join('\n'),
  );
  process.exit(1);
}
console.log('Electron is ready.');
