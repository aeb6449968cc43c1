import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, watchPage } from '../support/browser.js';
import { startInsyn, type InsynProcess } from '../support/insyn.js';

/** The last-resort register in Chromium: a reviewer reads the coverage of a year with the keyboard, at 1280 and 320 px. */
const PASSWORD = 'insyn-demo';
let insyn: InsynProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  insyn = await startInsyn();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  if (insyn) {
    expect(await insyn.stop()).toBe(0);
    fs.rmSync(insyn.dataDir, { recursive: true, force: true });
  }
});

async function logIn(email: string, to: string, width = 1280): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'sv-SE' });
  contexts.push(context);
  const page = await context.newPage();
  const problems = watchPage(page);
  await page.goto(`${insyn.url}/logga-in?till=${encodeURIComponent(to)}`);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL((url) => url.pathname === to);
  return { page, problems };
}

describe('last-resort coverage', () => {
  it('shows every municipality with its holder and listed persons; the year is chosen with the keyboard', async () => {
    const { page, problems } = await logIn('reviewer@insyn.example', '/sistahandsansvar');
    const table = page.getByTestId('coverage-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(8);
    expect(await table.textContent()).toContain('Odenhälsan');
    const year = page.getByTestId('coverage-year');
    await year.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => year.inputValue()).toBe('2026');
    await expect.poll(() => page.locator('caption').first().textContent()).toContain('2026');
    await expectAccessible(page, 'last-resort-coverage');
    expect(problems).toEqual([]);
  });

  it('has no axe violations at 320 px', async () => {
    const { page } = await logIn('auditor@insyn.example', '/sistahandsansvar', 320);
    await page.getByTestId('coverage-table').waitFor();
    await expectAccessible(page, 'last-resort-coverage-320');
  });
});
