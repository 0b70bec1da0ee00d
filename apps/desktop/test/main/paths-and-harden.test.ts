import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { resolvePaths } from '../../src/main/paths.js';
import { installCsp } from '../../src/main/security/harden.js';
import { isAppUrl } from '../../src/main/security/sender.js';
import { trayIconPath } from '../../src/main/tray/tray-icons.js';

const base = { resourcesPath: '/opt/Parley/resources', appPath: '/src/apps/desktop', userData: '/home/ada/.config/Parley' };

describe('app paths', () => {
  it('a packaged app loads its page from files and trusts only that folder', () => {
    const paths = resolvePaths({ ...base, isPackaged: true, devServerUrl: 'http://localhost:5173' });
    // Relative to the main bundle: out/main → out/renderer (here, src/main → src/renderer).
    expect(paths.page).toMatchObject({ file: expect.stringMatching(/renderer[\\/]index\.html$/) });
    expect(paths.appOrigin.devOrigin).toBeUndefined();
    const page = 'file' in paths.page ? paths.page.file : '';
    expect(isAppUrl(`file://${page}`, paths.appOrigin)).toBe(true);
    expect(isAppUrl('http://localhost:5173/', paths.appOrigin)).toBe(false);
  });

  it('development loads the dev server and trusts its origin only', () => {
    const paths = resolvePaths({ ...base, isPackaged: false, devServerUrl: 'http://localhost:5173/' });
    expect(paths.page).toEqual({ url: 'http://localhost:5173/' });
    expect(paths.appOrigin).toEqual({ devOrigin: 'http://localhost:5173' });
  });

  it('the packaged app runs the server bundle and icons from its resources', () => {
    const paths = resolvePaths({ ...base, isPackaged: true, devServerUrl: undefined });
    expect(paths.serverEntry).toBe('/opt/Parley/resources/server/main.js');
    expect(paths.iconFolder).toBe('/opt/Parley/resources/tray');
  });

  it('development runs the server build of the repository', () => {
    const paths = resolvePaths({ ...base, isPackaged: false, devServerUrl: undefined });
    expect(paths.serverEntry).toBe('/src/apps/server/dist/main.js');
    expect(paths.iconFolder).toBe('/src/apps/desktop/build/tray');
  });

  it('the token, settings and hosted data live in the user-data folder', () => {
    const paths = resolvePaths({ ...base, isPackaged: true, devServerUrl: undefined });
    expect([paths.tokenFile, paths.settingsFile, paths.serverDataDir].every((p) => p.startsWith(base.userData))).toBe(true);
  });

  it('the preload is the CommonJS build a sandboxed preload needs', () => {
    expect(resolvePaths({ ...base, isPackaged: true, devServerUrl: undefined }).preload).toMatch(/preload[\\/]index\.cjs$/);
  });
});

describe('CSP header', () => {
  it("replaces whatever policy a response had with the app's", () => {
    let handler: ((details: { responseHeaders?: Record<string, string[]> }, callback: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | null = null;
    const session = { webRequest: { onHeadersReceived: (h: typeof handler) => (handler = h) } } as unknown as Session;
    installCsp(session, "script-src 'self'");
    let result: Record<string, string[]> = {};
    handler!({ responseHeaders: { 'content-security-policy': ["script-src 'unsafe-inline'"], 'Content-Type': ['text/html'] } }, (r) => (result = r.responseHeaders));
    expect(result).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ["script-src 'self'"] });
  });
});

describe('tray icons', () => {
  it('picks the glyph for the theme and the unread variant', () => {
    expect(trayIconPath('/icons', 'light', true)).toMatch(/tray-light-unread\.png$/);
    expect(trayIconPath('/icons', 'dark', false)).toMatch(/tray-dark\.png$/);
  });
});
