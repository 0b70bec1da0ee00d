import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/main/security/csp.js';
import { decideNavigation } from '../../src/main/security/navigation.js';
import { isPermissionAllowed } from '../../src/main/security/permissions.js';
import { isAppUrl, isTrustedSender } from '../../src/main/security/sender.js';

const packaged = { fileRoot: 'file:///opt/Parley/resources/app.asar/out/renderer/' };
const dev = { devOrigin: 'http://localhost:5173' };

describe('IPC sender check', () => {
  it("the app's own page may call the main process", () => {
    expect(isTrustedSender({ senderFrame: { url: 'file:///opt/Parley/resources/app.asar/out/renderer/index.html' } }, packaged)).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'http://localhost:5173/#/chat' } }, dev)).toBe(true);
  });

  it('a page from anywhere else may not', () => {
    expect(isTrustedSender({ senderFrame: { url: 'https://evil.example/' } }, packaged)).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'http://localhost:5174/' } }, dev)).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'file:///tmp/evil.html' } }, packaged)).toBe(false);
  });

  it('a file path that climbs out of the app folder is not the app', () => {
    expect(isAppUrl('file:///opt/Parley/resources/app.asar/out/renderer/../../../evil.html', packaged)).toBe(false);
    expect(isAppUrl('file:///opt/Parley/resources/app.asar/out/renderer/%2e%2e/%2e%2e/evil.html', packaged)).toBe(false);
  });

  it('a sender without a frame is refused', () => {
    expect(isTrustedSender({ senderFrame: null }, packaged)).toBe(false);
    expect(isAppUrl('', packaged)).toBe(false);
    expect(isAppUrl('::::', packaged)).toBe(false);
  });

  it('the dev server is trusted only in development', () => {
    expect(isAppUrl('http://localhost:5173/', packaged)).toBe(false);
  });
});

describe('navigation', () => {
  const isApp = (url: string) => isAppUrl(url, packaged);

  it('the app may reload its own page', () => {
    expect(decideNavigation('file:///opt/Parley/resources/app.asar/out/renderer/index.html', isApp, true)).toEqual({ action: 'allow' });
  });

  it('an http link never loads inside the app: it goes to the browser', () => {
    expect(decideNavigation('https://example.com/', isApp, true)).toEqual({ action: 'open-external', url: 'https://example.com/' });
    expect(decideNavigation('https://example.com/', isApp, false)).toEqual({ action: 'open-external', url: 'https://example.com/' });
  });

  it('a window.open of an app page is denied too', () => {
    expect(decideNavigation('file:///opt/Parley/resources/app.asar/out/renderer/index.html', isApp, false)).toEqual({ action: 'deny' });
  });

  it('a dangerous link is dropped', () => {
    expect(decideNavigation('javascript:alert(1)', isApp, true)).toEqual({ action: 'deny' });
    expect(decideNavigation('file:///etc/passwd', isApp, false)).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  const isApp = (url: string | undefined) => isAppUrl(url, packaged);
  const page = 'file:///opt/Parley/resources/app.asar/out/renderer/index.html';

  it('the app page may show notifications', () => {
    expect(isPermissionAllowed('notifications', page, isApp)).toBe(true);
  });

  it.each(['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial'])('%s is refused', (permission) => {
    expect(isPermissionAllowed(permission, page, isApp)).toBe(false);
  });

  it('a foreign page may not even show notifications', () => {
    expect(isPermissionAllowed('notifications', 'https://evil.example/', isApp)).toBe(false);
  });
});

describe('content security policy', () => {
  it('packaged pages allow no inline or eval script and connect nowhere', () => {
    const csp = contentSecurityPolicy();
    const script = csp.split('; ').find((d) => d.startsWith('script-src'));
    expect(script).toBe("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("development allows the dev server, its hot-reload socket and React refresh's inline preamble, still no eval", () => {
    const csp = contentSecurityPolicy({ devOrigin: 'http://localhost:5173' });
    expect(csp).toContain('connect-src http://localhost:5173 ws://localhost:5173');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp.split('; ').find((d) => d.startsWith('script-src'))).toBe("script-src 'self' 'unsafe-inline' http://localhost:5173");
  });
});
