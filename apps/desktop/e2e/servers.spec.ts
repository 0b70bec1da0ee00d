import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { screenshot } from './support/ui';

/**
 * The desktop window's server switcher, in Chromium. The switcher is desktop only: its list lives
 * in the main process, which cannot run here (no Electron binary). So the page gets, before it
 * loads, a stand-in of the preload's `window.parley` that answers like a main process signed in
 * to three servers and records what the window asks of it. Everything on screen is the real
 * renderer; only the other side of the bridge is pretend.
 */
async function withDesktopBridge(page: Page, signedIn = true): Promise<void> {
  await page.addInitScript((signedIn) => {
    const servers = [
      { id: 'https://chat.acme.com', label: 'chat.acme.com', url: 'https://chat.acme.com', unread: 0, connection: 'connected', active: true, hosted: false },
      { id: 'https://team.example.org:8443', label: 'team.example.org:8443', url: 'https://team.example.org:8443', unread: 4, connection: 'connected', active: false, hosted: false },
      { id: 'http://127.0.0.1:4100', label: '127.0.0.1:4100', url: 'http://127.0.0.1:4100', unread: 0, connection: 'signed_out', active: false, hosted: true },
    ];
    const asked: unknown[][] = [];
    const ok = (value: unknown) => Promise.resolve({ ok: true, value });
    const self = { user_id: 1, email: 'ada@acme.com', first_name: 'Ada', last_name: 'Lovelace' };
    const answers: Record<string, (...args: unknown[]) => unknown> = {
      'server.current': () => ok({ mode: 'remote', url: 'https://chat.acme.com' }),
      'auth.session': () => ok(signedIn ? self : null),
      'auth.keepsSignIn': () => ok(true),
      'api.users': () => ok({ users: [{ ...self, online: true }] }),
      'api.notifications': () => ok({ notifications: [], total_unread: 0 }),
      'api.botHistory': () => ok({ messages: [], has_more: false }),
      'api.chatRooms': () => ok({ chat_rooms: [] }),
      'api.chatGroups': () => ok({ chat_groups: [] }),
      'servers.list': () => ok(servers),
      'servers.opening': () => ok(null),
      'servers.switchTo': (...args) => (asked.push(['switchTo', ...args]), ok(servers)),
      'servers.add': (...args) => (
        asked.push(['add', ...args]), Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'No Parley server answers at https://nowhere.example.' } })
      ),
    };
    const domain = (name: string) =>
      new Proxy({}, { get: (_target, method: string) => (...args: unknown[]) => (answers[`${name}.${method}`] ?? (() => ok(null)))(...args) });
    const events = new Proxy({}, { get: () => () => () => undefined });
    const ui = { setActiveConversation: () => undefined, openExternal: () => ok(null) };
    Object.assign(window, {
      parley: new Proxy({ platform: 'desktop', events, ui } as Record<string, unknown>, { get: (target, name: string) => target[name] ?? domain(name) }),
      parleyAsked: asked,
    });
  }, signedIn);
}

const asked = (page: Page) => page.evaluate(() => (window as unknown as { parleyAsked: unknown[][] }).parleyAsked);

test('the switcher lists every server with its unread count, and a click or Ctrl+number switches', async ({ page }) => {
  await withDesktopBridge(page);
  await page.goto('/app/');
  const rail = page.getByRole('navigation', { name: 'Servers' });
  await expect(rail).toBeVisible();
  await expect(rail.getByRole('button', { name: 'chat.acme.com' })).toHaveAttribute('aria-current', 'page');
  await expect(rail.getByRole('button', { name: 'team.example.org:8443, 4 unread' })).toBeVisible();
  await expect(rail.getByRole('button', { name: '127.0.0.1:4100, not signed in' })).toBeVisible();
  const results = await new AxeBuilder({ page }).include('.server-rail').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await screenshot(page, 'servers');

  await rail.getByRole('button', { name: 'team.example.org:8443, 4 unread' }).click();
  await page.keyboard.press('Control+3');
  // The server on screen is not switched to again.
  await page.keyboard.press('Control+1');
  expect(await asked(page)).toEqual([
    ['switchTo', 'https://team.example.org:8443', null],
    ['switchTo', 'http://127.0.0.1:4100', null],
  ]);
});

test('adding a server that does not answer says why, in the dialog, and Escape closes it', async ({ page }) => {
  await withDesktopBridge(page);
  await page.goto('/app/');
  await page.getByRole('button', { name: 'Add or remove servers' }).click();
  const dialog = page.getByRole('dialog', { name: 'Servers' });
  await expect(dialog.getByRole('button', { name: 'Sign out of team.example.org:8443 and remove it' })).toBeVisible();
  await expect(dialog.getByText('Hosted on this computer · Not signed in')).toBeVisible();
  await dialog.getByLabel('Add a server').fill('https://nowhere.example');
  await dialog.getByRole('button', { name: 'Add server' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('No Parley server answers at https://nowhere.example.');
  await screenshot(page, 'servers-add');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await asked(page)).toEqual([['add', 'https://nowhere.example']]);
});

test('a server added and not signed in yet says so on its sign-in screen, the others one click away', async ({ page }) => {
  await withDesktopBridge(page, false);
  await page.goto('/app/');
  await expect(page.getByText('Signing in to chat.acme.com')).toBeVisible();
  const rail = page.getByRole('navigation', { name: 'Servers' });
  await rail.getByRole('button', { name: 'team.example.org:8443, 4 unread' }).click();
  expect(await asked(page)).toEqual([['switchTo', 'https://team.example.org:8443', null]]);
});
