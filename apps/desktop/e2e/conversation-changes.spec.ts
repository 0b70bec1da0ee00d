import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { person, signedInByApi } from './support/seed';
import { logInThroughUi, messageList, screenshot, send, sidebarPerson } from './support/ui';

const dataDir = process.env.PARLEY_E2E_DATA_DIR!;
const docsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'screenshots');
const shotsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-results', 'screenshots');

const messageRow = (page: Page, text: string) => messageList(page).locator('article', { hasText: text });

// Two people in two browsers: typing, an edit, reactions and a deletion, each seen live by the other.
test('two people see each other type, edit, react and delete live', async ({ browser, baseURL }) => {
  const mira = person('Mira', 'Okafor');
  const jonas = person('Jonas', 'Berg');
  const [seededMira, seededJonas] = await Promise.all([mira, jonas].map((p) => signedInByApi(baseURL!, dataDir, p)));
  if (!seededMira || !seededJonas) throw new Error('seeding failed');
  seededMira.client.close();
  seededJonas.client.close();
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await logInThroughUi(a, mira);
  await logInThroughUi(b, jonas);

  await sidebarPerson(a, 'Jonas Berg').click();
  await send(a, 'Lunch at noon?');
  await sidebarPerson(b, 'Mira Okafor').click();
  await expect(messageList(b)).toContainText('Lunch at noon?');

  // Typing: shown to the other person, gone once the message arrives.
  await b.getByRole('textbox', { name: 'Message', exact: true }).fill('Sounds good');
  await expect(a.getByText('Jonas is typing…')).toBeVisible();
  await screenshot(a, 'typing');
  await b.getByRole('textbox', { name: 'Message', exact: true }).press('Enter');
  await expect(messageList(a)).toContainText('Sounds good');
  await expect(a.getByText('Jonas is typing…')).toHaveCount(0);

  // Editing one's own message in place: Enter saves, and the other person sees "(edited)".
  await messageRow(a, 'Lunch at noon?').hover();
  await messageRow(a, 'Lunch at noon?').getByRole('button', { name: 'Edit' }).click();
  const editBox = a.getByRole('textbox', { name: 'Edit message' });
  await editBox.fill('Lunch at 12:30?');
  await editBox.press('Enter');
  await expect(messageRow(b, 'Lunch at 12:30?')).toContainText('(edited)');
  await expect(messageList(b)).not.toContainText('Lunch at noon?');
  // Someone else's message offers React only.
  await messageRow(b, 'Lunch at 12:30?').hover();
  await expect(messageRow(b, 'Lunch at 12:30?').getByRole('button', { name: 'Edit' })).toHaveCount(0);

  // Reactions: Jonas adds one, Mira joins it by clicking the chip.
  await messageRow(b, 'Lunch at 12:30?').getByRole('button', { name: 'React', exact: true }).click();
  await b.getByRole('button', { name: 'React with 👍' }).click();
  const chipForMira = messageRow(a, 'Lunch at 12:30?').getByRole('button', { name: '👍 1: Jonas Berg' });
  await expect(chipForMira).toBeVisible();
  await chipForMira.click();
  await expect(messageRow(b, 'Lunch at 12:30?').getByRole('button', { name: '👍 2: Jonas Berg, Mira Okafor' })).toBeVisible();
  await expect(messageRow(a, 'Lunch at 12:30?').getByRole('button', { name: '👍 2: Jonas Berg, Mira Okafor' })).toHaveAttribute('aria-pressed', 'true');
  await messageRow(b, 'Sounds good').hover();
  await screenshot(b, 'edit-and-reactions');

  // Deleting asks first, then leaves a quiet placeholder for both.
  await messageRow(a, 'Lunch at 12:30?').hover();
  await messageRow(a, 'Lunch at 12:30?').getByRole('button', { name: 'Delete' }).click();
  await expect(a.getByRole('dialog', { name: 'Delete message?' })).toBeVisible();
  await screenshot(a, 'delete-confirm');
  await a.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(messageList(b)).toContainText('Message deleted');
  await expect(messageList(b)).not.toContainText('Lunch at 12:30?');
  await expect(messageList(a)).toContainText('Message deleted');
  await b.mouse.move(1, 1);
  await screenshot(b, 'message-deleted');

  // A reload shows the same state from history.
  await b.reload();
  await sidebarPerson(b, 'Mira Okafor').click();
  await expect(messageList(b)).toContainText('Message deleted');
  await expect(messageList(b)).toContainText('Sounds good');

  if (process.env.PARLEY_UPDATE_DOCS_SCREENSHOTS === '1') {
    await mkdir(docsDir, { recursive: true });
    for (const name of ['typing', 'edit-and-reactions', 'delete-confirm', 'message-deleted']) {
      await copyFile(join(shotsDir, `${name}.png`), join(docsDir, `${name}.png`));
    }
  }
  await Promise.all([a.context().close(), b.context().close()]);
});
