import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chatGroupSchema } from '@parley/shared';
import { person, seedRoomMessages, signedInByApi } from './support/seed';
import { logInThroughUi, messageList, screenshot, send, sidebarBot, sidebarGroup, sidebarPerson } from './support/ui';

const dataDir = process.env.PARLEY_E2E_DATA_DIR!;
const docsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'screenshots');
const shotsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-results', 'screenshots');
const ada = person('Edith', 'Clarke');
const bob = person('Nils', 'Ahlberg');

// Two people in two browsers: one finds an old message, the other's news waits under a line,
// and a half-written message outlives a reload.
test.describe.configure({ mode: 'serial' });

let contexts: BrowserContext[] = [];
let a: Page;
let b: Page;
let groupName: string;

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}

test.beforeAll(async ({ browser, baseURL }) => {
  const [adaApi, bobApi] = await Promise.all([signedInByApi(baseURL!, dataDir, ada), signedInByApi(baseURL!, dataDir, bob)]);
  if (!adaApi || !bobApi) throw new Error('seeding failed');
  // An old message with a page and more of chatter after it: opening it needs a page around it.
  const bobToken = (await (await fetch(`${baseURL}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: bob.email, password: bob.password }),
  })).json()) as { token: string };
  await seedRoomMessages(baseURL!, bobToken.token, adaApi.user.user_id, 40, 'Earlier chatter', 8);
  await bobApi.client.send({ chat_type: 'room', other_user_id: adaApi.user.user_id, message: 'The quarterly figures are in the shared folder, page 12.' });
  await seedRoomMessages(baseURL!, bobToken.token, adaApi.user.user_id, 140, 'Later chatter', 8);
  groupName = `Launch ${Date.now() % 100_000}`;
  const group = chatGroupSchema.parse(await adaApi.client.request('POST', '/chat_groups', { chat_group_name: groupName }));
  await bobApi.client.request('GET', `/chat_groups/${group.chat_group_id}`);
  await bobApi.client.send({ chat_type: 'group', chat_group_id: group.chat_group_id, message: 'Quarterly review moved to Thursday.' });
  adaApi.client.close();
  bobApi.client.close();
  a = await newPage(browser);
  b = await newPage(browser);
});

test.afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  contexts = [];
});

test('search finds a word everywhere Edith can read, marked, and opens the conversation at the message', async () => {
  await logInThroughUi(a, ada);
  await a.keyboard.press('Control+f');
  const box = a.getByRole('searchbox', { name: 'Search messages' });
  await expect(box).toBeFocused();
  await box.fill('quarter');
  const results = a.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('button')).toHaveCount(2);
  await expect(results.getByRole('button').first()).toContainText(`in #${groupName}`);
  await expect(results.locator('mark').first()).toHaveText('Quarter');
  await screenshot(a, 'search');
  await results.getByRole('button', { name: /quarterly figures/ }).click();
  await expect(a.getByRole('heading', { name: 'Nils Ahlberg', level: 1 })).toBeVisible();
  const focused = messageList(a).locator('article[aria-current="location"]');
  await expect(focused).toContainText('The quarterly figures are in the shared folder');
  await expect(focused).toBeInViewport();
  // Its surroundings came with it; the newest messages wait behind a button.
  await expect(messageList(a)).toContainText('Earlier chatter 40');
  await expect(messageList(a)).toContainText('Later chatter 1');
  await expect(messageList(a)).not.toContainText('Later chatter 140');
  await screenshot(a, 'search-result-opened');
  await a.getByRole('button', { name: 'Jump to the newest' }).click();
  await expect(messageList(a)).toContainText('Later chatter 140');
});

test('unread messages wait under a "New messages" line, and the view opens there', async () => {
  await logInThroughUi(b, bob);
  await sidebarPerson(b, 'Edith Clarke').click();
  await sidebarPerson(a, 'Nils Ahlberg').click();
  // Edith looks elsewhere while Nils writes.
  await sidebarGroup(a, groupName).click();
  await expect(a.getByRole('heading', { name: groupName, level: 1 })).toBeVisible();
  await send(b, 'Did you find the figures?');
  await expect(messageList(b).locator('article').last()).toContainText('Did you find the figures?');
  await expect(messageList(b).locator('article').last()).not.toContainText('Sending');
  await send(b, 'No rush, tomorrow is fine.');
  await expect(messageList(b).locator('article').last()).toContainText('No rush, tomorrow is fine.');
  await expect(sidebarPerson(a, 'Nils Ahlberg')).toHaveAccessibleName('Nils Ahlberg 2 unread');
  await sidebarPerson(a, 'Nils Ahlberg').click();
  const line = messageList(a).getByRole('separator', { name: 'New messages' });
  await expect(line).toBeVisible();
  // The line sits right above the first of the two.
  const order = await messageList(a)
    .locator('.unread-line, .message-text')
    .evaluateAll((nodes) => nodes.slice(-3).map((n) => (n.classList.contains('unread-line') ? 'LINE' : n.textContent)));
  expect(order).toEqual(['LINE', 'Did you find the figures?', 'No rush, tomorrow is fine.']);
  await screenshot(a, 'unread-line');
});

test('a draft stays with its conversation, shows in the sidebar, and survives a reload', async () => {
  await sidebarPerson(a, 'Nils Ahlberg').click();
  await a.getByRole('textbox', { name: 'Message' }).fill('Figures look good, one question about');
  await sidebarGroup(a, groupName).click();
  await expect(a.getByRole('textbox', { name: 'Message' })).toHaveValue('');
  await expect(sidebarPerson(a, 'Nils Ahlberg')).toHaveAccessibleDescription('Draft: Figures look good, one question about');
  await screenshot(a, 'draft');
  await a.reload();
  await expect(sidebarPerson(a, 'Nils Ahlberg')).toHaveAccessibleDescription('Draft: Figures look good, one question about');
  await sidebarPerson(a, 'Nils Ahlberg').click();
  await expect(a.getByRole('textbox', { name: 'Message' })).toHaveValue('Figures look good, one question about');
  await a.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(a.getByRole('textbox', { name: 'Message' })).toHaveValue('');
  await expect(messageList(a).locator('article').last()).toContainText('Figures look good, one question about');
  await expect(messageList(b).locator('article').last()).toContainText('Figures look good, one question about');
  await sidebarGroup(a, groupName).click();
  await expect(sidebarPerson(a, 'Nils Ahlberg')).not.toContainText('Draft:');
});

test('an @ completes a person; the mention is counted apart and marked for the one mentioned', async () => {
  await sidebarBot(a).click();
  await sidebarGroup(b, groupName).click();
  const box = b.getByRole('textbox', { name: 'Message' });
  await box.fill('');
  await box.pressSequentially('@Edi');
  await expect(b.getByRole('listbox', { name: 'People to mention' }).getByRole('option')).toHaveText(['@Edith Clarke']);
  await box.press('Enter');
  await expect(box).toHaveValue('@Edith Clarke ');
  await box.pressSequentially('could you check the figures?');
  await box.press('Enter');
  const groupItem = a.getByRole('listbox', { name: 'Groups' }).getByRole('option', { name: new RegExp(`^${groupName}`) });
  await expect(groupItem).toHaveAccessibleName(`${groupName} 1 mention 1 unread`);
  await screenshot(a, 'mention-count');
  await groupItem.click();
  const mention = messageList(a).locator('.mention.self');
  await expect(mention).toHaveText('@Edith Clarke');
  await expect(messageList(a)).toContainText('@Edith Clarke could you check the figures?');
  await expect(groupItem).toHaveAccessibleName(groupName);
  await screenshot(a, 'mention');

  if (process.env.PARLEY_UPDATE_DOCS_SCREENSHOTS === '1') {
    await mkdir(docsDir, { recursive: true });
    for (const name of ['search', 'search-result-opened', 'unread-line', 'draft', 'mention-count', 'mention']) {
      await copyFile(join(shotsDir, `${name}.png`), join(docsDir, `${name}.png`));
    }
  }
});
