import { beforeEach, describe, expect, it } from 'vitest';
import type { ChildPort } from '../../src/main/host/child-port.js';
import { LocalHost } from '../../src/main/host/local-host.js';
import { shareUrls } from '../../src/main/host/share-urls.js';
import { FakeTimers } from './fakes/fake-timers.js';

class FakeChild implements ChildPort {
  readonly pid = 4242;
  terminated = false;
  killed = false;
  exitOnTerminate = true;
  private exit: ((code: number) => void)[] = [];
  constructor(
    readonly entry: string,
    readonly env: Record<string, string>,
  ) {}
  terminate() {
    this.terminated = true;
    if (this.exitOnTerminate) this.exits(0);
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

let timers: FakeTimers;
let children: FakeChild[];
let healthy: boolean;
let host: LocalHost;

/** Lets pending promise callbacks run, then moves the fake clock. */
async function tick(ms = 0) {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  timers.advance(ms);
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

beforeEach(() => {
  timers = new FakeTimers();
  children = [];
  healthy = false;
  host = new LocalHost({
    launcher: (entry, env) => {
      const child = new FakeChild(entry, env);
      children.push(child);
      return child;
    },
    serverEntry: '/app/server/main.js',
    dataDir: '/home/ada/.config/Parley/server',
    findPort: async (preferred) => preferred ?? 41234,
    entryExists: (path) => path === '/app/server/main.js',
    isHealthy: async () => healthy,
    shareUrls: (port) => [`http://192.168.1.20:${port}`],
    timers,
    startTimeoutMs: 2000,
    pollMs: 250,
  });
});

describe('hosting on this computer', () => {
  it('starts the server bundle with its port, all interfaces and its data folder', async () => {
    healthy = true;
    const result = await host.start(null);
    expect(children[0]!.entry).toBe('/app/server/main.js');
    expect(children[0]!.env).toMatchObject({ PORT: '41234', HOST: '0.0.0.0', DATA_DIR: '/home/ada/.config/Parley/server' });
    expect(result).toEqual({
      ok: true,
      value: { port: 41234, url: 'http://127.0.0.1:41234', shareUrls: ['http://192.168.1.20:41234'] },
    });
  });

  it('mail links point at an address the other computers can reach', async () => {
    healthy = true;
    await host.start(null);
    expect(children[0]!.env.PUBLIC_URL).toBe('http://192.168.1.20:41234');
  });

  it('the web client is served when the installation carries one, and not named otherwise', async () => {
    healthy = true;
    await host.start(null);
    expect(children[0]!.env).not.toHaveProperty('WEB_CLIENT_DIR');
    const withWeb = new LocalHost({
      launcher: (entry, env) => {
        const child = new FakeChild(entry, env);
        children.push(child);
        return child;
      },
      serverEntry: '/app/server/main.js',
      dataDir: '/data',
      webClientDir: '/app/server/web',
      findPort: async () => 4100,
      entryExists: () => true,
      isHealthy: async () => true,
      shareUrls: () => [],
      timers,
    });
    await withWeb.start(null);
    expect(children[1]!.env.WEB_CLIENT_DIR).toBe('/app/server/web');
  });

  it('reuses the port of last time', async () => {
    healthy = true;
    expect(await host.start(5050)).toMatchObject({ ok: true, value: { port: 5050 } });
  });

  it('waits for /health before answering', async () => {
    const started = host.start(null);
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
    const started = host.start(null);
    await tick();
    children[0]!.exits(1);
    await tick(250);
    expect(await started).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('exit code 1') } });
  });

  it('a server that never becomes healthy is stopped and reported', async () => {
    const started = host.start(null);
    for (let i = 0; i < 12; i++) await tick(250);
    expect(await started).toMatchObject({ ok: false, error: { message: 'The server did not start in time.' } });
    expect(children[0]!.terminated).toBe(true);
  });

  it('starting twice does not launch a second server', async () => {
    healthy = true;
    await host.start(null);
    await host.start(null);
    expect(children).toHaveLength(1);
  });

  it('stopping sends SIGTERM and does not kill a server that exits in time', async () => {
    healthy = true;
    await host.start(null);
    await host.stop();
    expect(children[0]!.terminated).toBe(true);
    expect(children[0]!.killed).toBe(false);
    expect(host.current).toBeNull();
  });

  it('a server still running 5 s after SIGTERM is killed', async () => {
    healthy = true;
    await host.start(null);
    children[0]!.exitOnTerminate = false;
    const stopping = host.stop();
    await tick(4999);
    expect(children[0]!.killed).toBe(false);
    await tick(1);
    await stopping;
    expect(children[0]!.killed).toBe(true);
  });

  it('a missing server bundle is reported, nothing launched', async () => {
    const missing = new LocalHost({
      launcher: () => {
        throw new Error('must not launch');
      },
      serverEntry: '/nowhere/main.js',
      dataDir: '/tmp/x',
      findPort: async () => 1,
      entryExists: () => false,
      isHealthy: async () => true,
      shareUrls: () => [],
      timers,
    });
    expect(await missing.start(null)).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('missing') } });
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
