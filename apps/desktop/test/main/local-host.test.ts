import { beforeEach, describe, expect, it } from 'vitest';
import type { ChildLaunch, ChildPort } from '../../src/main/host/child-port.js';
import { LocalHost, type LocalHostDeps } from '../../src/main/host/local-host.js';
import { shareUrls } from '../../src/main/host/share-urls.js';
import { FakeTimers } from '../../../../packages/shared/test/client/fakes/fake-timers.js';

class FakeChild implements ChildPort {
  readonly pid = 4242;
  stopRequests = 0;
  killed = false;
  exitOnStopRequest = true;
  private exit: ((code: number) => void)[] = [];
  constructor(readonly launch: ChildLaunch) {}
  get env() {
    return this.launch.env;
  }
  requestStop() {
    this.stopRequests++;
    if (this.exitOnStopRequest) this.exits(0);
  }
  forceKill() {
    this.killed = true;
    this.exits(137);
  }
  onExit(listener: (code: number) => void) {
    this.exit.push(listener);
  }
  onOutput() {}
  exits(code: number) {
    for (const listener of this.exit) listener(code);
  }
}

/** The user's shell as it may well be: nothing of it may reach the hosted server. */
const pollutedEnvironment: NodeJS.ProcessEnv = {
  DATABASE_URL: 'postgres://prod@db.example/parley',
  RATE_LIMITS: 'off',
  SMTP_URL: 'smtp://mail.example',
  ALLOWED_ORIGINS: 'https://evil.example',
  TRUST_PROXY: '0.0.0.0/0',
  NODE_OPTIONS: '--require /tmp/inject.js',
  INIT_CWD: '/home/ada/projects/other',
  BOT_API_KEY: 'sk-secret',
  HOME: '/home/ada',
  PATH: '/usr/bin',
  SystemRoot: 'C:\\Windows',
};

let timers: FakeTimers;
let children: FakeChild[];
let healthy: boolean;
let madeDirs: string[];
let portsAsked: [number | null, string][];
let host: LocalHost;

const localOnly = { preferredPort: null, shareOnNetwork: false };
const shared = { preferredPort: null, shareOnNetwork: true };

/** Lets pending promise callbacks run, then moves the fake clock. */
async function tick(ms = 0) {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  timers.advance(ms);
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

function makeHost(overrides: Partial<LocalHostDeps> = {}): LocalHost {
  return new LocalHost({
    launcher: (launch) => {
      const child = new FakeChild(launch);
      children.push(child);
      return child;
    },
    serverEntry: '/app/server/main.js',
    dataDir: '/home/ada/.config/Parley/server',
    environment: pollutedEnvironment,
    makeDir: async (path) => void madeDirs.push(path),
    findPort: async (preferred, bindTo) => (portsAsked.push([preferred, bindTo]), preferred ?? 41234),
    entryExists: (path) => path === '/app/server/main.js',
    isHealthy: async () => healthy,
    shareUrls: (port) => [`http://192.168.1.20:${port}`],
    timers,
    startTimeoutMs: 2000,
    pollMs: 250,
    ...overrides,
  });
}

beforeEach(() => {
  timers = new FakeTimers();
  children = [];
  healthy = false;
  madeDirs = [];
  portsAsked = [];
  host = makeHost();
});

describe('hosting on this computer', () => {
  it('starts the server bundle with its port and data folder, for this computer only by default', async () => {
    healthy = true;
    const result = await host.start(localOnly);
    expect(children[0]!.launch.entry).toBe('/app/server/main.js');
    expect(children[0]!.env).toMatchObject({ PORT: '41234', HOST: '127.0.0.1', DATA_DIR: '/home/ada/.config/Parley/server' });
    expect(portsAsked).toEqual([[null, '127.0.0.1']]);
    expect(result).toEqual({
      ok: true,
      value: { port: 41234, url: 'http://127.0.0.1:41234', shared: false, shareUrls: [] },
    });
  });

  it('the server inherits nothing of the user\'s environment and runs in its data folder', async () => {
    healthy = true;
    await host.start(localOnly);
    const { env, cwd } = children[0]!.launch;
    for (const name of Object.keys(pollutedEnvironment).filter((name) => name !== 'SystemRoot')) {
      expect(env).not.toHaveProperty(name);
    }
    expect(Object.keys(env).sort()).toEqual(['DATA_DIR', 'HOST', 'LOG_LEVEL', 'PARLEY_DOTENV', 'PORT', 'PUBLIC_URL', 'SystemRoot']);
    // No .env file either: not from where the app was started, not from the data folder.
    expect(env.PARLEY_DOTENV).toBe('off');
    expect(cwd).toBe('/home/ada/.config/Parley/server');
    expect(madeDirs).toEqual(['/home/ada/.config/Parley/server']);
  });

  it('only what Windows itself needs is passed on, and only when the app has it', async () => {
    healthy = true;
    await makeHost({ environment: { DATABASE_URL: 'postgres://x' } }).start(localOnly);
    expect(children[0]!.env).not.toHaveProperty('SystemRoot');
  });

  it('listens on every interface only once the user chose to let the network join', async () => {
    healthy = true;
    expect(await host.start(shared)).toEqual({
      ok: true,
      value: { port: 41234, url: 'http://127.0.0.1:41234', shared: true, shareUrls: ['http://192.168.1.20:41234'] },
    });
    expect(children[0]!.env.HOST).toBe('0.0.0.0');
    expect(portsAsked).toEqual([[null, '0.0.0.0']]);
  });

  it('mail links point at an address the other computers can reach when shared, at this computer otherwise', async () => {
    healthy = true;
    await host.start(localOnly);
    expect(children[0]!.env.PUBLIC_URL).toBe('http://127.0.0.1:41234');
    await host.start(shared);
    expect(children[1]!.env.PUBLIC_URL).toBe('http://192.168.1.20:41234');
  });

  it('changing the choice restarts the server on the same port with the new binding', async () => {
    healthy = true;
    await host.start({ preferredPort: 5050, shareOnNetwork: false });
    await host.start({ preferredPort: 5050, shareOnNetwork: true });
    expect(children).toHaveLength(2);
    expect(children[0]!.stopRequests).toBe(1);
    expect(children[1]!.env).toMatchObject({ HOST: '0.0.0.0', PORT: '5050' });
    expect(host.current).toMatchObject({ port: 5050, shared: true });
  });

  it('the web client is served when the installation carries one, and not named otherwise', async () => {
    healthy = true;
    await host.start(localOnly);
    expect(children[0]!.env).not.toHaveProperty('WEB_CLIENT_DIR');
    await makeHost({ webClientDir: '/app/server/web' }).start(localOnly);
    expect(children[1]!.env.WEB_CLIENT_DIR).toBe('/app/server/web');
  });

  it('reuses the port of last time', async () => {
    healthy = true;
    expect(await host.start({ preferredPort: 5050, shareOnNetwork: false })).toMatchObject({ ok: true, value: { port: 5050 } });
  });

  it('waits for /health before answering', async () => {
    const started = host.start(localOnly);
    let settled = false;
    void started.then(() => (settled = true));
    await tick(250);
    await tick(250);
    expect(settled).toBe(false);
    healthy = true;
    await tick(250);
    await tick(0);
    expect(settled).toBe(true);
    expect(await started).toMatchObject({ ok: true });
  });

  it('a server that exits while starting is reported, not waited on', async () => {
    const started = host.start(localOnly);
    await tick();
    children[0]!.exits(1);
    await tick(250);
    expect(await started).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('exit code 1') } });
  });

  it('a server that never becomes healthy is stopped and reported', async () => {
    const started = host.start(localOnly);
    for (let i = 0; i < 12; i++) await tick(250);
    expect(await started).toMatchObject({ ok: false, error: { message: 'The server did not start in time.' } });
    expect(children[0]!.stopRequests).toBe(1);
  });

  it('starting twice does not launch a second server', async () => {
    healthy = true;
    await host.start(localOnly);
    await host.start(localOnly);
    expect(children).toHaveLength(1);
  });

  it('stopping asks the server to stop and does not kill a server that exits in time', async () => {
    healthy = true;
    await host.start(localOnly);
    await host.stop();
    expect(children[0]!.stopRequests).toBe(1);
    expect(children[0]!.killed).toBe(false);
    expect(host.current).toBeNull();
  });

  it('a server still running 5 s after the stop request is killed, not sooner', async () => {
    healthy = true;
    await host.start(localOnly);
    children[0]!.exitOnStopRequest = false;
    let stopped = false;
    const stopping = host.stop().then(() => (stopped = true));
    await tick(4999);
    expect(children[0]!.stopRequests).toBe(1);
    expect(children[0]!.killed).toBe(false);
    expect(stopped).toBe(false);
    await tick(1);
    await stopping;
    expect(children[0]!.killed).toBe(true);
  });

  it('a server that exits a while after the stop request is waited for, not killed', async () => {
    healthy = true;
    await host.start(localOnly);
    children[0]!.exitOnStopRequest = false;
    let stopped = false;
    const stopping = host.stop().then(() => (stopped = true));
    await tick(3000);
    expect(stopped).toBe(false);
    children[0]!.exits(0);
    await stopping;
    expect(children[0]!.killed).toBe(false);
    expect(timers.scheduled).toEqual([]);
  });

  it('a missing server bundle is reported, nothing launched', async () => {
    const missing = makeHost({
      launcher: () => {
        throw new Error('must not launch');
      },
      serverEntry: '/nowhere/main.js',
    });
    expect(await missing.start(localOnly)).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('missing') } });
  });

  it('the outbox is in the data folder', () => {
    expect(host.outboxDir).toBe('/home/ada/.config/Parley/server/outbox');
  });
});

describe('share URLs', () => {
  it('lists the LAN IPv4 addresses, not loopback, IPv6 or link-local', () => {
    const base = { netmask: '', mac: '', cidr: null };
    const urls = shareUrls(
      {
        lo: [{ ...base, address: '127.0.0.1', family: 'IPv4', internal: true }],
        eth0: [
          { ...base, address: '192.168.1.20', family: 'IPv4', internal: false },
          { ...base, address: 'fe80::1', family: 'IPv6', internal: false, scopeid: 1 },
        ],
        wlan0: [{ ...base, address: '10.0.0.5', family: 'IPv4', internal: false }],
        dock: [{ ...base, address: '169.254.3.4', family: 'IPv4', internal: false }],
      },
      4100,
    );
    expect(urls).toEqual(['http://192.168.1.20:4100', 'http://10.0.0.5:4100']);
  });
});
