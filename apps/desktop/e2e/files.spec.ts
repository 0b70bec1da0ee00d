import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { person, registerByApi } from './support/seed';
import { logInThroughUi, messageList, screenshot, sidebarPerson } from './support/ui';

const dataDir = process.env.PARLEY_E2E_DATA_DIR!;
const ada = person('Ada', 'Files');
const ben = person('Ben', 'Files');

// A 120 × 80 picture, as a screenshot tool would put it on the clipboard.
const screenshotPng = 'iVBORw0KGgoAAAANSUhEUgAAAHgAAABQCAIAAABd+SbeAAAACXBIWXMAAAPoAAAD6AG1e1JrAAABHklEQVR4nO3UQW0EARTD0IFTTMY+YEqg126+Vk8KAsvx8/5k7/9DeFB+P6Ia0AHdN72N0QHdXENGNwcnHd2cRgd0cw0Z3RycdHRzGh3QzTVkdHNw0tHNaXRAN9eQ0c3BSUc3p9EB3VxDRjcHJx3dnEYHdHMNGd0cnHR0cxod0M01ZHRzcNLRzWl0QDfXkNHNwUlHN6fRAd1cQ0Y3Bycd3ZxGB3RzDRndHJx0dHMaHdDNNWR0c3DS0c1pdEA315DRzcFJRzen0QHdXENGNwcnHd2cRgd0cw0Z3RycdHRzGh3QzTVkdHNw0tHNaXRAN9eQ0c3BSUc3p9EB3VxDRjcHJx3dnEYHdHMNGd0cnHR0cxod0M01ZHRzcNLRnOmf+wUBt0f+1BckDgAAAABJRU5ErkJggg==';

test.describe.configure({ mode: 'serial' });

let contexts: BrowserContext[] = [];
let a: Page;
let b: Page;

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  contexts.push(context);
  return context.newPage();
}

test.beforeAll(async ({ browser, baseURL }) => {
  await registerByApi(baseURL!, dataDir, ada);
  await registerByApi(baseURL!, dataDir, ben);
  a = await newPage(browser);
  b = await newPage(browser);
  await logInThroughUi(a, ada);
  await logInThroughUi(b, ben);
});

test.afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  contexts = [];
});

test('a pasted screenshot and a dropped file are sent together and the other person sees both', async () => {
  await sidebarPerson(a, 'Ben Files').click();
  await expect(a.getByRole('heading', { name: 'Ben Files', level: 1 })).toBeVisible();

  await a.getByRole('textbox', { name: 'Message' }).evaluate((box, base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const clipboard = new DataTransfer();
    clipboard.items.add(new File([bytes], 'screenshot.png', { type: 'image/png' }));
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }));
  }, screenshotPng);
  await a.locator('form.composer').evaluate((form) => {
    const dropped = new DataTransfer();
    dropped.items.add(new File(['minutes of the meeting\n'], 'minutes.txt', { type: 'text/plain' }));
    form.dispatchEvent(new DragEvent('dragover', { dataTransfer: dropped, bubbles: true, cancelable: true }));
    form.dispatchEvent(new DragEvent('drop', { dataTransfer: dropped, bubbles: true, cancelable: true }));
  });

  const chips = a.getByRole('list', { name: 'Attached files' });
  await expect(chips.getByRole('listitem')).toHaveCount(2);
  await expect(chips.getByRole('button', { name: 'Remove screenshot.png' })).toBeVisible();
  await expect(chips.getByRole('button', { name: 'Remove minutes.txt' })).toBeVisible();
  await screenshot(a, 'files-chips');
  await a.getByRole('textbox', { name: 'Message' }).fill('Here is the screen and the minutes');
  await a.getByRole('button', { name: 'Send' }).click();
  await expect(chips).toHaveCount(0);

  await sidebarPerson(b, 'Ada Files').click();
  const list = messageList(b);
  await expect(list).toContainText('Here is the screen and the minutes');
  const picture = list.getByRole('img', { name: 'screenshot.png' });
  await expect(picture).toBeVisible();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
  const card = list.getByRole('group', { name: 'minutes.txt' });
  await expect(card).toContainText('23 B');
  await screenshot(b, 'files-received');

  const downloading = b.waitForEvent('download');
  await card.getByRole('button', { name: 'Download' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('minutes.txt');
  const stream = await download.createReadStream();
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  expect(text).toBe('minutes of the meeting\n');

  await list.getByRole('button', { name: 'Open screenshot.png' }).click();
  await expect(b.getByRole('dialog', { name: 'screenshot.png' }).getByRole('img', { name: 'screenshot.png' })).toBeVisible();
  await b.keyboard.press('Escape');
});

test('a file can be taken out of the composer before sending, and files alone can be sent', async () => {
  await a.getByTestId('composer-file-input').setInputFiles([
    { name: 'draft.txt', mimeType: 'text/plain', buffer: Buffer.from('not this one') },
    { name: 'final.txt', mimeType: 'text/plain', buffer: Buffer.from('this one') },
  ]);
  const chips = a.getByRole('list', { name: 'Attached files' });
  await expect(chips.getByRole('button', { name: 'Remove draft.txt' })).toBeVisible();
  await chips.getByRole('button', { name: 'Remove draft.txt' }).click();
  await expect(chips.getByRole('listitem')).toHaveCount(1);
  await expect(chips.getByRole('button', { name: 'Remove final.txt' })).toBeVisible();
  await a.getByRole('button', { name: 'Send' }).click();
  await expect(messageList(b).getByRole('group', { name: 'final.txt' })).toBeVisible();
  await expect(messageList(b).getByRole('group', { name: 'draft.txt' })).toHaveCount(0);
});
