import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { loginByApi, person, registerByApi, seedRoomMessages } from '../e2e/support/seed';
import { messageList, sidebarPerson } from '../e2e/support/ui';

const dataDir = process.env.PARLEY_BENCH_DATA_DIR!;
const messageCount = Number(process.env.PARLEY_BENCH_MESSAGES ?? 10_000);
const loginRuns = 5;
const resultsFile = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-results', 'bench-web.json');

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
}

/** Click "Log in" → the first conversation painted, from the marks the renderer sets. */
async function timedLogin(page: Page, email: string, password: string): Promise<{ total: number; loginRequest: number }> {
  await page.goto('/app/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForFunction(() => performance.getEntriesByName('parley:conversation-painted').length > 0);
  return page.evaluate(() => {
    const total = performance.measure('login-to-paint', 'parley:login-click', 'parley:conversation-painted').duration;
    // The server's share: POST /login (password hashing included).
    const request = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/login'));
    return { total, loginRequest: request?.duration ?? NaN };
  });
}

test('renderer figures: login to first paint, heap and scrolling with 10,000 messages', async ({ page, baseURL }) => {
  const reader = person('Rita', 'Reader');
  const writer = person('Walt', 'Writer');
  await registerByApi(baseURL!, dataDir, reader);
  await registerByApi(baseURL!, dataDir, writer);
  const { user } = await loginByApi(baseURL!, reader);
  const { token } = await loginByApi(baseURL!, writer);

  const seedStart = Date.now();
  await seedRoomMessages(baseURL!, token, user.user_id, messageCount, 'Bench message', 50);
  const seedMs = Date.now() - seedStart;

  const loginMs: number[] = [];
  const loginRequestMs: number[] = [];
  for (let run = 0; run < loginRuns; run++) {
    const timing = await timedLogin(page, reader.email, reader.password);
    loginMs.push(timing.total);
    loginRequestMs.push(timing.loginRequest);
    if (run < loginRuns - 1) {
      await page.getByRole('button', { name: 'Log out' }).click();
      await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
    }
  }

  // Open the 10,000-message conversation and page back to its very first message.
  const openStart = Date.now();
  await sidebarPerson(page, 'Walt Writer').click();
  const list = messageList(page);
  await expect(list.getByText(`Bench message ${messageCount}`, { exact: true })).toBeVisible();
  const openMs = Date.now() - openStart;

  const pagingStart = Date.now();
  await expect(async () => {
    await list.evaluate((el) => el.scrollTo({ top: 0 }));
    await expect(list.getByText('This is the beginning of your direct messages with Walt.')).toBeInViewport({ timeout: 250 });
  }).toPass({ timeout: 600_000, intervals: [50] });
  const pagingMs = Date.now() - pagingStart;
  await expect(list.getByText('Bench message 1', { exact: true })).toBeInViewport();

  // Scroll the whole history, frame by frame, and time the frames.
  const frames = await list.evaluate(async (el) => {
    const deltas: number[] = [];
    let last = performance.now();
    el.scrollTop = 0;
    const step = 400;
    while (el.scrollTop + el.clientHeight < el.scrollHeight - 1) {
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      deltas.push(now - last);
      last = now;
      el.scrollTop += step;
    }
    return { deltas, rowsInDom: el.querySelectorAll('[data-index]').length, scrollHeight: el.scrollHeight };
  });

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;

  const figures = {
    messages: messageCount,
    seedSeconds: +(seedMs / 1000).toFixed(1),
    loginToFirstPaintMs: { median: +median(loginMs).toFixed(1), runs: loginMs.map((v) => +v.toFixed(1)) },
    loginRequestMs: { median: +median(loginRequestMs).toFixed(1) },
    openConversationMs: openMs,
    pageAllHistoryMs: pagingMs,
    jsHeapUsedMB: +(metric('JSHeapUsedSize') / 1024 / 1024).toFixed(1),
    jsHeapTotalMB: +(metric('JSHeapTotalSize') / 1024 / 1024).toFixed(1),
    domNodes: metric('Nodes'),
    rowsInDomWhileScrolling: frames.rowsInDom,
    scrollFrames: frames.deltas.length,
    scrollFrameMs: { median: +median(frames.deltas).toFixed(1), p95: +percentile(frames.deltas, 0.95).toFixed(1), max: +Math.max(...frames.deltas).toFixed(1) },
  };
  console.log(`\nParley web renderer figures\n${JSON.stringify(figures, null, 2)}`);
  await writeFile(resultsFile, JSON.stringify(figures, null, 2));
});
