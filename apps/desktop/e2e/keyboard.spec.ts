import AxeBuilder from '@axe-core/playwright';
import { chatGroupSchema } from '@parley/shared';
import { expect, test, type Page } from '@playwright/test';
import { person, signedInByApi } from './support/seed';
import { logInThroughUi, sidebarGroup, sidebarPerson } from './support/ui';

const dataDir = process.env.PARLEY_E2E_DATA_DIR!;

/** The name of the conversation on screen (its pane's level-1 heading). */
const paneHeading = (page: Page) => page.getByRole('heading', { level: 1 });

/**
 * WCAG A/AA rules on roles, names, focus, structure and colour contrast. Avatars are left out of
 * the contrast rule only: their initials are decoration beside the name they stand for
 * (`aria-hidden`), which WCAG 1.4.3 exempts, and their hues are what tells people apart.
 */
async function expectNoAxeViolations(page: Page): Promise<void> {
  const contrast = await new AxeBuilder({ page }).withRules(['color-contrast']).exclude('.avatar').analyze();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).disableRules(['color-contrast']).analyze();
  results.violations.push(...contrast.violations);
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.describe.configure({ mode: 'serial' });

test('the Log in button stays focusable, says what is missing, and leads to the missing field', async ({ page }) => {
  await page.goto('/app/');
  const button = page.getByRole('button', { name: 'Log in' });
  await expect(button).toHaveAttribute('aria-disabled', 'true');
  await expect(button).toHaveAccessibleDescription('Enter your email and password to log in.');
  await page.getByLabel('Email').fill('someone@example.com');
  await page.getByLabel('Email').press('Tab');
  await page.getByLabel('Password').press('Tab');
  await expect(button).toBeFocused();
  await expect(button).toHaveAccessibleDescription('Enter your password to log in.');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.getByLabel('Password').fill('x');
  await expect(button).not.toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByText('to log in.')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('sidebar lists are listboxes with one Tab stop each; keys move, open and switch conversations', async ({ page, baseURL }) => {
  const me = person('Kim', 'Keys');
  const zed = person('Zed', 'Unread');
  const yan = person('Yan', 'Quiet');
  const [k, z, y] = await Promise.all([me, zed, yan].map((p) => signedInByApi(baseURL!, dataDir, p)));
  if (!k || !z || !y) throw new Error('seeding failed');
  chatGroupSchema.parse(await z.client.request('POST', '/chat_groups', { chat_group_name: 'Keyboard club' }));
  await z.client.send({ chat_type: 'room', other_user_id: k.user.user_id, message: 'Ping from Zed' });

  await logInThroughUi(page, me);
  await expect(sidebarPerson(page, 'Zed Unread')).toHaveAccessibleName('Zed Unread 1 unread');
  await expect(sidebarGroup(page, 'Keyboard club')).toBeVisible();
  await expect(paneHeading(page)).toHaveText('Parley Bot');

  // Roles: three listboxes of options, the open conversation selected.
  for (const name of ['Assistant', 'People', 'Groups']) await expect(page.getByRole('listbox', { name })).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'Assistant' }).getByRole('option', { name: 'Parley Bot' })).toHaveAttribute('aria-selected', 'true');
  await expectNoAxeViolations(page);

  // One Tab stop per list: from the bot, Tab lands on one person, the next Tab leaves the list.
  const bot = page.getByRole('option', { name: 'Parley Bot' });
  await bot.focus();
  await page.keyboard.press('Tab');
  const people = page.getByRole('listbox', { name: 'People' }).getByRole('option');
  await expect(people.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(people.nth(1)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(people.first()).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'New group' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(people.first()).toBeFocused();

  // Arrows then Enter open a person; the pane follows.
  await sidebarPerson(page, 'Yan Quiet').focus();
  await page.keyboard.press('Enter');
  await expect(paneHeading(page)).toHaveText('Yan Quiet');
  await expect(sidebarPerson(page, 'Yan Quiet')).toHaveAttribute('aria-selected', 'true');

  // Alt+↓ / Alt+↑ from the composer: the next and previous conversation in sidebar order.
  const names = await page.getByRole('navigation', { name: 'Conversations' }).getByRole('option').locator('.sidebar-label').allTextContents();
  const at = names.indexOf('Yan Quiet');
  await page.getByRole('textbox', { name: 'Message' }).press('Alt+ArrowDown');
  await expect(paneHeading(page)).toHaveText(names[(at + 1) % names.length]!);
  await page.keyboard.press('Alt+ArrowUp');
  await expect(paneHeading(page)).toHaveText('Yan Quiet');

  // Alt+Shift+↓: the next unread conversation, wherever it is.
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await expect(paneHeading(page)).toHaveText('Zed Unread');
  await expect(sidebarPerson(page, 'Zed Unread')).toHaveAccessibleName('Zed Unread');
  for (const c of [k, z, y]) c.client.close();
});

test('Ctrl+K opens the quick switcher: unread first, filtered by name, Enter opens, Escape closes', async ({ page, baseURL }) => {
  const me = person('Quinn', 'Switch');
  const ann = person('Ann', 'Arbor');
  const [q, a] = await Promise.all([me, ann].map((p) => signedInByApi(baseURL!, dataDir, p)));
  if (!q || !a) throw new Error('seeding failed');
  await a.client.send({ chat_type: 'room', other_user_id: q.user.user_id, message: 'Hello Quinn' });
  await logInThroughUi(page, me);
  await expect(sidebarPerson(page, 'Ann Arbor')).toHaveAccessibleName('Ann Arbor 1 unread');

  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Jump to a conversation' });
  await expect(dialog).toBeVisible();
  const box = dialog.getByRole('combobox', { name: 'Conversation name' });
  await expect(box).toBeFocused();
  const options = dialog.getByRole('listbox', { name: 'Conversations' }).getByRole('option');
  await expect(options.first()).toHaveAccessibleName('Ann Arbor 1 unread');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expectNoAxeViolations(page);

  // Escape closes it and nothing changed.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(paneHeading(page)).toHaveText('Parley Bot');

  // Typing filters; ↓ moves the highlighted option; Enter opens it.
  await page.keyboard.press('Control+k');
  await box.fill('parley');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toHaveAccessibleName('Parley Bot');
  await box.fill('a');
  await expect(options.first()).toHaveAccessibleName('Ann Arbor 1 unread');
  await box.fill('arbor');
  await expect(options).toHaveCount(1);
  await box.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(paneHeading(page)).toHaveText('Ann Arbor');

  await page.keyboard.press('Control+k');
  await box.fill('nobody by this name');
  await expect(dialog.getByText('No conversation matches')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  for (const c of [q, a]) c.client.close();
});
