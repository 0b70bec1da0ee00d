import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { loginByApi, person, registerByApi, seedRoomMessages } from './support/seed';
import { logInThroughUi, messageList, registerThroughUi, screenshot, send, sidebarGroup, sidebarPerson } from './support/ui';

const dataDir = process.env.PARLEY_E2E_DATA_DIR!;
const alice = person('Alice', 'Liddell');
const bob = person('Bob', 'Babbage');

// One story told in order: two people in two browser contexts, each step building on the last.
test.describe.configure({ mode: 'serial' });

let contexts: BrowserContext[] = [];
let a: Page;
let b: Page;

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}

test.beforeAll(async ({ browser }) => {
  a = await newPage(browser);
  b = await newPage(browser);
});

test.afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  contexts = [];
});

test('a visitor registers through the form and the mailed link, then logs in', async () => {
  await a.goto('/app/');
  await expect(a.getByRole('button', { name: 'Log in' })).toBeVisible();
  await screenshot(a, 'login');
  await registerThroughUi(a, dataDir, alice, 'alice');
  await logInThroughUi(a, alice);
  await expect(a.getByRole('button', { name: 'Log out' })).toBeVisible();
});

test('the register form shows the server’s field errors beside their fields', async () => {
  await b.goto('/app/');
  await b.getByRole('button', { name: 'Create an account' }).click();
  await b.getByLabel('First name').fill('Bob');
  await b.getByLabel('Last name').fill('Babbage');
  await b.getByLabel('Email').fill('not-an-address');
  await b.getByLabel('Password').fill('short');
  await b.getByRole('button', { name: 'Create account' }).click();
  await expect(b.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(b.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
});

test('a wrong password is refused with a clear message', async () => {
  await b.goto('/app/');
  await b.getByLabel('Email').fill(alice.email);
  await b.getByLabel('Password').fill('not the password');
  await b.getByRole('button', { name: 'Log in' }).click();
  await expect(b.getByRole('alert')).toContainText('don’t match');
});

test('the bot answers "help"', async () => {
  await expect(a.getByRole('heading', { name: 'Parley Bot', level: 1 })).toBeVisible();
  await send(a, 'help');
  await expect(messageList(a)).toContainText('workspace assistant');
  await screenshot(a, 'bot');
});

test('a second person appears live in the first one’s sidebar', async () => {
  await registerThroughUi(b, dataDir, bob, 'bob');
  await logInThroughUi(b, bob);
  await expect(sidebarPerson(a, 'Bob Babbage')).toBeVisible();
});

test('a direct message raises the unread count live and opening it clears it', async () => {
  await sidebarPerson(a, 'Bob Babbage').click();
  await expect(a.getByRole('heading', { name: 'Bob Babbage', level: 1 })).toBeVisible();
  await send(a, 'Hi Bob! The notes are at https://example.com/notes.');
  await expect(messageList(a).getByRole('link', { name: 'https://example.com/notes' })).toBeVisible();
  await expect(sidebarPerson(b, 'Alice Liddell')).toHaveAccessibleName('Alice Liddell 1 unread');
  await screenshot(b, 'unread');
  await sidebarPerson(b, 'Alice Liddell').click();
  await expect(messageList(b)).toContainText('Hi Bob!');
  await expect(sidebarPerson(b, 'Alice Liddell')).toHaveAccessibleName('Alice Liddell');
  await send(b, 'Thanks Alice, reading them now.');
  await expect(messageList(a)).toContainText('reading them now');
  await expect(messageList(a).getByText('Sending…')).toHaveCount(0);
  await screenshot(a, 'direct-message');
});

test('the newest message stays in view while a long draft grows the composer and the window narrows', async () => {
  const box = a.getByRole('textbox', { name: 'Message' });
  await box.fill(Array.from({ length: 12 }, (_, i) => `draft line ${i + 1}`).join('\n'));
  await expect(messageList(a).getByText('reading them now')).toBeInViewport();
  const size = a.viewportSize()!;
  await a.setViewportSize({ width: 800, height: 600 });
  await expect(messageList(a).getByText('reading them now')).toBeInViewport();
  await a.setViewportSize(size);
  await box.fill('');
});

test('after losing the connection the app says "Reconnecting…" and then catches up on what it missed', async () => {
  await a.context().setOffline(true);
  await expect(a.getByText('Reconnecting…')).toBeVisible({ timeout: 60_000 });
  await send(b, 'Sent while you were offline');
  await a.context().setOffline(false);
  await expect(a.getByText('Reconnecting…')).toHaveCount(0, { timeout: 30_000 });
  await expect(messageList(a)).toContainText('Sent while you were offline');
});

test('a group is created, entered and posted to, and the other person sees it', async () => {
  await a.getByRole('button', { name: 'New group' }).click();
  await a.getByLabel('Group name').fill('Weekly sync');
  await a.getByRole('button', { name: 'Create group' }).click();
  await expect(a.getByRole('heading', { name: 'Weekly sync', level: 1 })).toBeVisible();
  await send(a, 'Welcome to the weekly sync group');

  await expect(sidebarGroup(b, 'Weekly sync')).toBeVisible();
  await sidebarGroup(b, 'Weekly sync').click();
  await expect(messageList(b)).toContainText('Welcome to the weekly sync group');
  await expect(a.getByText('2 here now')).toBeVisible();
  await expect(messageList(a)).toContainText('Bob Babbage joined');
  await send(b, 'Glad to be here');
  await expect(messageList(a)).toContainText('Glad to be here');
  await expect(a.getByRole('button', { name: 'Rename' })).toBeVisible();
  await expect(b.getByRole('button', { name: 'Rename' })).toHaveCount(0);
  await screenshot(a, 'group');
});

test('the author renames the group and the other member sees the new name live', async () => {
  await a.getByRole('button', { name: 'Rename' }).click();
  await a.getByLabel('Group name').fill('Weekly sync (Thursdays)');
  await a.getByRole('button', { name: 'Save' }).click();
  await expect(a.getByRole('heading', { name: 'Weekly sync (Thursdays)', level: 1 })).toBeVisible();
  await expect(b.getByRole('heading', { name: 'Weekly sync (Thursdays)', level: 1 })).toBeVisible();
  await expect(sidebarGroup(b, 'Weekly sync (Thursdays)')).toBeVisible();
});

test('Escape closes the new group dialog', async () => {
  await a.getByRole('button', { name: 'New group' }).click();
  await expect(a.getByRole('dialog')).toBeVisible();
  await a.keyboard.press('Escape');
  await expect(a.getByRole('dialog')).toHaveCount(0);
});

test('closing a dialog gives the focus back to the button that opened it', async () => {
  await a.getByRole('button', { name: 'New group' }).focus();
  await a.keyboard.press('Enter');
  await expect(a.getByRole('dialog')).toBeVisible();
  await a.keyboard.press('Escape');
  await expect(a.getByRole('dialog')).toHaveCount(0);
  await expect(a.getByRole('button', { name: 'New group' })).toBeFocused();
});

test('scrolling back through 150 messages reaches the oldest', async ({ baseURL }) => {
  const cara = person('Cara', 'Seed');
  await registerByApi(baseURL!, dataDir, cara);
  const { token } = await loginByApi(baseURL!, cara);
  const { user } = await loginByApi(baseURL!, alice);
  await seedRoomMessages(baseURL!, token, user.user_id, 150, 'Seeded message');

  await expect(sidebarPerson(a, 'Cara Seed')).toHaveAccessibleName('Cara Seed 150 unread');
  await sidebarPerson(a, 'Cara Seed').click();
  const list = messageList(a);
  // All 150 are unread: the view opens at the "New messages" line, above the oldest of them held.
  await expect(list.getByRole('separator', { name: 'New messages' })).toBeInViewport();
  await expect(list.getByText('Seeded message 51', { exact: true })).toBeVisible();
  await expect(list.getByText('Seeded message 1', { exact: true })).not.toBeInViewport();
  await expect(async () => {
    await list.evaluate((el) => el.scrollTo({ top: 0 }));
    await expect(list.getByText('This is the beginning of your direct messages with Cara.')).toBeInViewport({ timeout: 500 });
  }).toPass({ timeout: 20_000 });
  await expect(list.getByText('Seeded message 1', { exact: true })).toBeInViewport();
  await screenshot(a, 'scrollback');
});

test('logging out returns to the login form', async () => {
  await a.getByRole('button', { name: 'Log out' }).click();
  await expect(a.getByRole('button', { name: 'Log in' })).toBeVisible();
  await a.reload();
  await expect(a.getByRole('button', { name: 'Log in' })).toBeVisible();
});
