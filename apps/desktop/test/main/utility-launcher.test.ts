import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';

interface ForkCall {
  entry: string;
  options: { env?: Record<string, string>; cwd?: string };
}

const forks: ForkCall[] = [];
const posted: unknown[] = [];

// Electron's binary is not available here: utilityProcess.fork is replaced by a recorder.
vi.mock('electron', () => ({
  utilityProcess: {
    fork: (entry: string, _args: string[], options: ForkCall['options']) => {
      forks.push({ entry, options });
      return Object.assign(new EventEmitter(), {
        pid: 777,
        stdout: null,
        stderr: null,
        postMessage: (message: unknown) => posted.push(message),
        kill: () => true,
      });
    },
  },
}));

const { utilityLauncher } = await import('../../src/main/host/utility-launcher.js');

afterEach(() => {
  vi.unstubAllEnvs();
  forks.length = 0;
  posted.length = 0;
});

describe('the utility process running the hosted server', () => {
  it('gets exactly the environment the host chose, none of the app\'s, and the data folder as cwd', () => {
    vi.stubEnv('DATABASE_URL', 'postgres://prod@db.example/parley');
    vi.stubEnv('RATE_LIMITS', 'off');
    vi.stubEnv('NODE_OPTIONS', '--require /tmp/inject.js');
    const env = { PORT: '4100', HOST: '127.0.0.1', DATA_DIR: '/data', PUBLIC_URL: 'http://127.0.0.1:4100', LOG_LEVEL: 'info', PARLEY_DOTENV: 'off' };
    utilityLauncher({ entry: '/app/server/main.js', env, cwd: '/data' });
    expect(forks).toHaveLength(1);
    expect(forks[0]!.options.env).toEqual(env);
    expect(forks[0]!.options.cwd).toBe('/data');
  });

  it('a stop request is the {type: "stop"} message on the process\'s port', () => {
    const child = utilityLauncher({ entry: '/app/server/main.js', env: {}, cwd: '/data' });
    child.requestStop();
    expect(posted).toEqual([{ type: 'stop' }]);
  });
});
