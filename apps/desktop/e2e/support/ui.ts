import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { registrationLink } from './outbox';
import type { Person } from './seed';

const screenshotDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}

/** Registers through the form, then opens the mailed link the way the person would. */
export async function registerThroughUi(page: Page, dataDir: string, p: Person, shot?: string): Promise<void> {
  await page.goto('/app/');
  await page.getByRole('button', { name: 'Create an account' }).click();
  await page.getByLabel('First name').fill(p.first);
  await page.getByLabel('Last name').fill(p.last);
  await page.getByLabel('Email').fill(p.email);
  await page.getByLabel('Password').fill(p.password);
  if (shot) await screenshot(page, `${shot}-register`);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  if (shot) await screenshot(page, `${shot}-check-email`);
  const link = await registrationLink(dataDir, p.email);
  await page.goto(link);
  await expect(page.locator('body')).toContainText(/ready/i);
}

export async function logInThroughUi(page: Page, p: Person): Promise<void> {
  await page.goto('/app/');
  await page.getByLabel('Email').fill(p.email);
  await page.getByLabel('Password').fill(p.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
}

/** Matches an item's accessible name: the label, then nothing or " N unread". */
function itemName(name: string): RegExp {
  return new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\d+ unread)?$`);
}

export function sidebarPerson(page: Page, name: string) {
  return page.getByRole('listbox', { name: 'People' }).getByRole('option', { name: itemName(name) });
}

export function sidebarBot(page: Page) {
  return page.getByRole('listbox', { name: 'Assistant' }).getByRole('option', { name: itemName('Parley Bot') });
}

export function sidebarGroup(page: Page, name: string) {
  return page.getByRole('listbox', { name: 'Groups' }).getByRole('option', { name: itemName(name) });
}

export async function send(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
}

export function messageList(page: Page) {
  return page.getByTestId('message-list');
}
