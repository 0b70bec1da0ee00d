import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadSettings, parseSettings } from '../src/env.js';

describe('settings', () => {
  it('every setting has a working default', () => {
    const settings = parseSettings({});
    expect(settings).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      smtpUrl: undefined,
      publicUrl: 'http://localhost:3000',
      rateLimits: true,
      allowedOrigins: [],
      allowedHosts: [],
      trustProxy: false,
      logLevel: 'info',
    });
    expect(settings.dataDir).toMatch(/data$/);
    expect(settings.migrationsDir).toMatch(/drizzle$/);
  });

  it('reads relative folders from where npm was called, not from the workspace', () => {
    const settings = parseSettings({ INIT_CWD: '/srv/parley', DATA_DIR: './data', WEB_CLIENT_DIR: 'web' });
    expect(settings.dataDir).toBe('/srv/parley/data');
    expect(settings.webClientDir).toBe('/srv/parley/web');
    expect(parseSettings({ INIT_CWD: '/srv/parley', DATA_DIR: '/var/lib/parley' }).dataDir).toBe('/var/lib/parley');
  });

  it('reads lists, switches and URLs', () => {
    const settings = parseSettings({
      PORT: '8080',
      PUBLIC_URL: 'https://chat.example.org/',
      RATE_LIMITS: 'off',
      ALLOWED_ORIGINS: 'https://a.example, https://b.example',
      TRUST_PROXY: '10.0.0.1,10.0.0.2',
      BOT_TIMEOUT_MS: '5000',
    });
    expect(settings).toMatchObject({
      port: 8080,
      publicUrl: 'https://chat.example.org',
      rateLimits: false,
      allowedOrigins: ['https://a.example', 'https://b.example'],
      trustProxy: ['10.0.0.1', '10.0.0.2'],
      bot: { timeoutMs: 5000 },
    });
  });

  it('reads ALLOWED_HOSTS as host names, without ports, in one spelling', () => {
    const settings = parseSettings({ ALLOWED_HOSTS: 'Chat.Example.org, intra.example:8443,[::1],10.0.0.7' });
    expect(settings.allowedHosts).toEqual(['chat.example.org', 'intra.example', '[::1]', '10.0.0.7']);
    expect(() => parseSettings({ ALLOWED_HOSTS: 'chat.example.org, https://x.example/' })).toThrow(/ALLOWED_HOSTS/);
  });

  it('refuses a setting that does not parse', () => {
    expect(() => parseSettings({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseSettings({ RATE_LIMITS: 'maybe' })).toThrow(/RATE_LIMITS/);
    expect(() => parseSettings({ PUBLIC_URL: 'not a url' })).toThrow(/PUBLIC_URL/);
  });
});

describe('the .env file', () => {
  async function withEnvFile(variables: Record<string, string>, read: () => void): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'parley-dotenv-'));
    await writeFile(join(dir, '.env'), 'RATE_LIMITS=off\nLOG_LEVEL=silent\n');
    // Stubbed, even those the file would set, so that everything is restored afterwards.
    for (const name of ['RATE_LIMITS', 'LOG_LEVEL', 'PARLEY_DOTENV']) vi.stubEnv(name, undefined);
    vi.stubEnv('INIT_CWD', dir);
    for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
    try {
      read();
    } finally {
      vi.unstubAllEnvs();
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('is read from where the command was run', async () => {
    await withEnvFile({}, () => expect(loadSettings()).toMatchObject({ rateLimits: false, logLevel: 'silent' }));
  });

  it('is not read with PARLEY_DOTENV=off, as the desktop app starts its server', async () => {
    await withEnvFile({ PARLEY_DOTENV: 'off' }, () => expect(loadSettings()).toMatchObject({ rateLimits: true, logLevel: 'info' }));
  });
});
