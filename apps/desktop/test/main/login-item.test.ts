import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autostartEntry, hiddenFlag, loginItemSettings, startsHidden, type LoginItemSettings } from '../../src/main/login-item/login-item.js';
import { LoginItemService } from '../../src/main/login-item/login-item-service.js';

async function service(platform: NodeJS.Platform, stored = false) {
  const dir = await mkdtemp(join(tmpdir(), 'parley-login-'));
  const told: LoginItemSettings[] = [];
  let saved = stored;
  const file = join(dir, 'autostart', 'parley.desktop');
  const it = new LoginItemService({
    platform,
    setLoginItemSettings: (s) => told.push(s),
    autostartFile: file,
    execPath: '/opt/Parley/parley',
    appImagePath: undefined,
    load: () => Promise.resolve(saved),
    save: (on) => {
      saved = on;
      return Promise.resolve();
    },
  });
  return { it, told, file, saved: () => saved };
}

describe('start at login', () => {
  it('is off by default and tells the OS nothing until chosen', async () => {
    const { it: login, told } = await service('win32');
    await login.restore();
    expect(login.openAtLogin).toBe(false);
    expect(told).toEqual([]);
  });

  it('on macOS and Windows goes through setLoginItemSettings, hidden, and is remembered', async () => {
    const { it: login, told, saved } = await service('darwin');
    await login.set(true);
    expect(told).toEqual([{ openAtLogin: true, openAsHidden: true, args: [hiddenFlag] }]);
    expect(saved()).toBe(true);
    await login.set(false);
    expect(told.at(-1)).toEqual({ openAtLogin: false, openAsHidden: true, args: [] });
  });

  it('a remembered choice is told again at start', async () => {
    const { it: login, told } = await service('win32', true);
    await login.restore();
    expect(told).toEqual([loginItemSettings(true)]);
  });

  it('on Linux writes and removes an XDG autostart entry that starts hidden', async () => {
    const { it: login, told, file } = await service('linux');
    await login.set(true);
    expect(await readFile(file, 'utf8')).toContain(`Exec="/opt/Parley/parley" ${hiddenFlag}`);
    await login.set(false);
    await expect(stat(file)).rejects.toThrow();
    expect(told).toEqual([]);
  });

  it('quotes the command as the Desktop Entry spec asks, preferring the AppImage file', () => {
    expect(autostartEntry('/tmp/.mount_x/parley', '/home/me/Apps/Par"ley$.AppImage')).toContain('Exec="/home/me/Apps/Par\\"ley\\$.AppImage" --hidden');
  });

  it('a start by the login item stays in the tray; an ordinary start shows the window', () => {
    expect(startsHidden(['/opt/Parley/parley', hiddenFlag], null)).toBe(true);
    expect(startsHidden(['/opt/Parley/parley'], null)).toBe(false);
    expect(startsHidden(['/Applications/Parley.app/Contents/MacOS/Parley'], { wasOpenedAsHidden: true })).toBe(true);
    expect(startsHidden(['/Applications/Parley.app/Contents/MacOS/Parley'], { wasOpenedAsHidden: false, wasOpenedAtLogin: false })).toBe(false);
  });
});
