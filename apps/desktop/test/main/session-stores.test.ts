import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../src/main/session/settings-store.js';
import { TokenStore } from '../../src/main/session/token-store.js';
import { FakeCipher } from './fakes/fake-cipher.js';

let dir: string;
const token = 'tok_4f9a2c81d7e6b3a5';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-session-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function everythingOnDisk(): Promise<string> {
  const names = await readdir(dir);
  const contents = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
  return contents.join('\n');
}

describe('token store', () => {
  it('the token survives a restart, encrypted', async () => {
    await new TokenStore(join(dir, 'session.bin'), new FakeCipher()).save(token);
    expect(await new TokenStore(join(dir, 'session.bin'), new FakeCipher()).load()).toBe(token);
  });

  it('the token is never on disk in plain text', async () => {
    await new TokenStore(join(dir, 'session.bin'), new FakeCipher()).save(token);
    expect(await everythingOnDisk()).not.toContain(token);
  });

  it('without a keychain the token stays in memory and nothing is written', async () => {
    const store = new TokenStore(join(dir, 'session.bin'), new FakeCipher(false));
    await store.save(token);
    expect(await store.load()).toBe(token);
    expect(await readdir(dir)).toEqual([]);
    expect(await new TokenStore(join(dir, 'session.bin'), new FakeCipher(false)).load()).toBeNull();
  });

  it('with a Linux keyring (libsecret, kwallet) the token survives a restart, encrypted', async () => {
    await new TokenStore(join(dir, 'session.bin'), new FakeCipher(true, 'gnome_libsecret')).save(token);
    expect(await everythingOnDisk()).not.toContain(token);
    const next = new TokenStore(join(dir, 'session.bin'), new FakeCipher(true, 'kwallet5'));
    expect(next.persistent).toBe(true);
    expect(await next.load()).toBe(token);
  });

  it("Linux's basic_text fallback (a fixed key) counts as no keyring: memory only, nothing written", async () => {
    const store = new TokenStore(join(dir, 'session.bin'), new FakeCipher(true, 'basic_text'));
    expect(store.persistent).toBe(false);
    await store.save(token);
    expect(await store.load()).toBe(token);
    expect(await readdir(dir)).toEqual([]);
    expect(await new TokenStore(join(dir, 'session.bin'), new FakeCipher(true, 'basic_text')).load()).toBeNull();
  });

  it('a token file left from a basic_text run, or in plain text, is not trusted and is removed', async () => {
    await new TokenStore(join(dir, 'session.bin'), new FakeCipher()).save(token); // decryptable by the cipher
    expect(await new TokenStore(join(dir, 'session.bin'), new FakeCipher(true, 'basic_text')).load()).toBeNull();
    expect(await readdir(dir)).toEqual([]);
    await writeFile(join(dir, 'session.bin'), token);
    expect(await new TokenStore(join(dir, 'session.bin'), new FakeCipher(false)).load()).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it('a Linux backend not chosen yet (unknown) is not trusted either', () => {
    expect(new TokenStore(join(dir, 'session.bin'), new FakeCipher(true, 'unknown')).persistent).toBe(false);
  });

  it('a file the keychain cannot decrypt means signed out, not a crash', async () => {
    await writeFile(join(dir, 'session.bin'), 'garbage');
    expect(await new TokenStore(join(dir, 'session.bin'), new FakeCipher()).load()).toBeNull();
  });

  it('clearing removes the file and the token in memory', async () => {
    const store = new TokenStore(join(dir, 'session.bin'), new FakeCipher());
    await store.save(token);
    await store.clear();
    expect(store.current()).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('settings store', () => {
  it('remembers the chosen server across restarts', async () => {
    await new SettingsStore(join(dir, 'settings.json')).update({ server: { mode: 'remote', url: 'https://chat.example' } });
    expect((await new SettingsStore(join(dir, 'settings.json')).read()).server).toEqual({ mode: 'remote', url: 'https://chat.example' });
  });

  it('first run has no server', async () => {
    expect(await new SettingsStore(join(dir, 'settings.json')).read()).toEqual({ server: null, user: null, hostPort: null, shareOnNetwork: false, otherServers: [], serverOrder: [] });
  });

  it('a damaged settings file starts fresh instead of crashing', async () => {
    await writeFile(join(dir, 'settings.json'), '{"server": {"mode": "remote"');
    expect((await new SettingsStore(join(dir, 'settings.json')).read()).server).toBeNull();
  });

  it('a hosted server remembered before sharing was a choice is for this computer only', async () => {
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({ server: { mode: 'host', url: 'http://127.0.0.1:4100', shareUrls: ['http://192.168.1.20:4100'] }, hostPort: 4100 }),
    );
    const read = await new SettingsStore(join(dir, 'settings.json')).read();
    expect(read.server).toMatchObject({ mode: 'host', shared: false });
    expect(read.shareOnNetwork).toBe(false);
  });

  it('a field of the wrong shape is dropped, the rest kept', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ server: { mode: 'weird' }, hostPort: 4100 }));
    expect(await new SettingsStore(join(dir, 'settings.json')).read()).toEqual({ server: null, user: null, hostPort: 4100, shareOnNetwork: false, otherServers: [], serverOrder: [] });
  });
});
