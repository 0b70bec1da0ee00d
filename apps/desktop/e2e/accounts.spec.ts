import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { passwordResetLink } from './support/outbox';
import { loginByApi, person, registerByApi } from './support/seed';
import { logInThroughUi, screenshot, sidebarPerson } from './support/ui';

const dataDir = process.env.PARLEY_E2E_DATA_DIR!;
const dana = person('Dana', 'Scully');
const fox = person('Fox', 'Mulder');
const newPassword = 'a fresh password 42';

// One story in order: Dana forgets her password, gets back in, then renames herself while Fox watches.
test.describe.configure({ mode: 'serial' });

let contexts: BrowserContext[] = [];
let a: Page;
let b: Page;
let oldToken: string;

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}

test.beforeAll(async ({ browser, baseURL }) => {
  await registerByApi(baseURL!, dataDir, dana);
  await registerByApi(baseURL!, dataDir, fox);
  // A session from before the reset, on "another device": it must stop working.
  oldToken = (await loginByApi(baseURL!, dana)).token;
  a = await newPage(browser);
  b = await newPage(browser);
});

test.afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  contexts = [];
});

test('forgot password: the mailed link opens a form, the new password logs in, the old token is refused', async ({ baseURL }) => {
  await a.goto('/app/');
  await a.getByRole('button', { name: 'Forgot password?' }).click();
  await a.getByLabel('Email').fill(dana.email);
  await a.getByRole('button', { name: 'Send reset link' }).click();
  await expect(a.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await screenshot(a, 'forgot-password-sent');

  const link = await passwordResetLink(dataDir, dana.email);
  await a.goto(link);
  await expect(a.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  // A short one first: the page says why, and the link still works.
  await a.getByLabel('New password', { exact: true }).fill('short');
  await a.getByLabel('Repeat the new password').fill('short');
  await a.locator('form').evaluate((form) => form.setAttribute('novalidate', ''));
  await a.getByRole('button', { name: 'Change password' }).click();
  await expect(a.getByRole('alert')).toContainText('at least 8');
  await a.getByLabel('New password', { exact: true }).fill(newPassword);
  await a.getByLabel('Repeat the new password').fill(newPassword);
  await screenshot(a, 'reset-form');
  await a.getByRole('button', { name: 'Change password' }).click();
  await expect(a.getByRole('heading', { name: 'Your password is changed' })).toBeVisible();

  const refused = await fetch(`${baseURL}/users`, { headers: { authentication: oldToken } });
  expect(refused.status).toBe(401);
  const oldLogin = await fetch(`${baseURL}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: dana.email, password: dana.password }),
  });
  expect(oldLogin.status).toBe(401);

  await logInThroughUi(a, { ...dana, password: newPassword });
  await expect(a.getByRole('button', { name: /Account menu for Dana Scully/ })).toBeVisible();
});

test('the settings list this device and the others, and "Log out everywhere else" ends the others', async ({ baseURL }) => {
  const elsewhere = (await loginByApi(baseURL!, { ...dana, password: newPassword })).token;
  await a.getByRole('button', { name: /Account menu/ }).click();
  await a.getByRole('button', { name: 'Settings' }).click();
  const sessions = a.getByRole('list', { name: 'Sessions' });
  await expect(sessions.getByRole('listitem')).toHaveCount(2);
  await expect(sessions.getByText('This device')).toBeVisible();
  await expect(sessions.getByText(/Node\.js|Unknown client/)).toBeVisible();
  await screenshot(a, 'settings');
  await a.getByRole('button', { name: 'Log out everywhere else' }).click();
  await expect(sessions.getByRole('listitem')).toHaveCount(1);
  expect((await fetch(`${baseURL}/users`, { headers: { authentication: elsewhere } })).status).toBe(401);
});

test('a rename shows live for someone else: sidebar and conversation header, without a reload', async () => {
  await logInThroughUi(b, fox);
  await expect(sidebarPerson(b, 'Dana Scully')).toBeVisible();
  await sidebarPerson(b, 'Dana Scully').click();

  const dialog = a.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('First name').fill('Katherine');
  await dialog.getByRole('button', { name: 'Save name' }).click();
  await expect(dialog.getByRole('status')).toContainText('Saved');
  await expect(a.getByRole('button', { name: /Account menu for Katherine Scully/ })).toBeVisible();

  await expect(sidebarPerson(b, 'Katherine Scully')).toBeVisible();
  await expect(sidebarPerson(b, 'Dana Scully')).toHaveCount(0);
  await expect(b.getByRole('heading', { name: 'Katherine Scully' }).first()).toBeVisible();
  await screenshot(b, 'renamed-live');
});
