import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const desktopDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The real server on a fixed loopback port with a fresh embedded database. The data folder is
 * made once by the runner and handed to its workers through the environment, so the tests can
 * read the mail outbox the server writes into it.
 */
export function testServer(port: number, envName: string) {
  const madeHere = process.env[envName] === undefined;
  process.env[envName] ??= mkdtempSync(join(tmpdir(), 'parley-e2e-'));
  const dataDir = process.env[envName]!;
  // Workers load this config too; only the runner that made the folder removes it, once the
  // server it started is gone.
  if (madeHere && process.env.TEST_WORKER_INDEX === undefined) {
    process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  }
  const baseURL = `http://127.0.0.1:${port}`;
  return {
    baseURL,
    dataDir,
    webServer: {
      command: 'npm run build:web && cd ../.. && npm run start -w @parley/server',
      cwd: desktopDir,
      url: `${baseURL}/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        PUBLIC_URL: baseURL,
        RATE_LIMITS: 'off',
        LOG_LEVEL: 'warn',
        WEB_CLIENT_DIR: join(desktopDir, 'out', 'web'),
      },
    },
  };
}

export const chromiumLaunch = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
};
