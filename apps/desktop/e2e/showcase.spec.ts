import { chatGroupSchema, type ChatGroup } from '@parley/shared';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { person, signedInByApi } from './support/seed';
import { logInThroughUi, messageList, screenshot, sidebarGroup, sidebarPerson } from './support/ui';

const dataDir = process.env.PARLEY_E2E_DATA_DIR!;
const docsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'screenshots');
const shotsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-results', 'screenshots');

// A lived-in workspace: several people, groups and unread messages, as the README shows it.
test('a busy workspace shows people, groups, unread counts and a group conversation', async ({ page, baseURL }) => {
  const grace = person('Grace', 'Hopper');
  const ada = person('Ada', 'Lovelace');
  const alan = person('Alan', 'Turing');
  const katherine = person('Katherine', 'Johnson');
  const [g, a, t, k] = await Promise.all([grace, ada, alan, katherine].map((p) => signedInByApi(baseURL!, dataDir, p)));
  if (!g || !a || !t || !k) throw new Error('seeding failed');

  const names = ['Launch plan', 'Design review', 'Random'];
  const groups: ChatGroup[] = [];
  for (const name of names) groups.push(chatGroupSchema.parse(await a.client.request('POST', '/chat_groups', { chat_group_name: name })));
  const launch = groups[0]!.chat_group_id;
  for (const c of [a, t, k]) await c.client.request('GET', `/chat_groups/${launch}`);
  const say = (c: typeof a, message: string) => c.client.send({ chat_type: 'group', chat_group_id: launch, message });
  await say(a, 'Morning all! Release candidate 2 is up on staging.');
  await say(a, 'Changelog: https://example.com/parley/releases/rc2');
  await say(t, 'Thanks Ada. I ran the migration twice on a copy of production data, no surprises.');
  await say(k, 'Numbers look right on my side too. Sign-off from QA by 3 pm?');
  await say(a, 'Perfect. Grace, could you give the release notes a last read?');
  await t.client.send({ chat_type: 'room', other_user_id: g.user.user_id, message: 'Got a minute after lunch?' });
  await t.client.send({ chat_type: 'room', other_user_id: g.user.user_id, message: 'About the heartbeat timeout.' });
  await k.client.send({ chat_type: 'room', other_user_id: g.user.user_id, message: 'Slides are ready for Friday.' });
  const design = groups[1]!.chat_group_id;
  await Promise.all([a, k, g].map((c) => c.client.request('GET', `/chat_groups/${design}`)));
  // Grace is a member who is not looking at the group, so its news counts as unread for her.
  await g.client.leaveGroup(design);
  await a.client.send({ chat_type: 'group', chat_group_id: design, message: 'New mockups are in.' });

  await page.setViewportSize({ width: 1280, height: 760 });
  await logInThroughUi(page, grace);
  await expect(sidebarPerson(page, 'Alan Turing')).toHaveAccessibleName('Alan Turing 2 unread');
  await expect(sidebarPerson(page, 'Katherine Johnson')).toHaveAccessibleName('Katherine Johnson 1 unread');
  await expect(sidebarGroup(page, 'Design review')).toHaveAccessibleName('Design review 1 unread');

  await sidebarGroup(page, 'Launch plan').click();
  await expect(messageList(page)).toContainText('give the release notes a last read');
  await expect(page.getByText('4 here now')).toBeVisible();
  await page.getByRole('textbox', { name: 'Message' }).fill('On it, notes back to you in ten minutes.');
  await screenshot(page, 'conversation');

  // The committed README image changes only when asked, so a test run leaves the tree clean.
  if (process.env.PARLEY_UPDATE_DOCS_SCREENSHOTS === '1') {
    await mkdir(docsDir, { recursive: true });
    await copyFile(join(shotsDir, 'conversation.png'), join(docsDir, 'conversation.png'));
  }
  for (const c of [g, a, t, k]) c.client.close();
});
