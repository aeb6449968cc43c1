import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser, watchPage } from './browser.js';
import { startInsyn, type InsynProcess } from './insyn.js';

/** The demo users' password. */
export const PASSWORD = 'insyn-demo';

/** What a journey runs against: Insyn started from its build, and Chromium. */
export interface Journey {
  insyn: InsynProcess;
  browser: Browser;
}

/** The contexts the journey's pages were opened in, closed after its tests. */
const contexts: BrowserContext[] = [];

/**
 * Starts Insyn and Chromium before the file's tests (the fields are set then); after them closes
 * every page's context and the browser, expects Insyn to stop cleanly and removes its data.
 */
export function setUpJourney(): Journey {
  const journey = {} as Journey;
  beforeAll(async () => {
    journey.insyn = await startInsyn();
    journey.browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts.splice(0)) await c.close();
    await journey.browser?.close();
    if (journey.insyn) {
      expect(await journey.insyn.stop()).toBe(0);
      fs.rmSync(journey.insyn.dataDir, { recursive: true, force: true });
    }
  });
  return journey;
}

/** A page in a new context (nothing cached from an earlier visit), Swedish, watched for console errors and failed requests. */
export async function newPage(browser: Browser, width = 1280): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'sv-SE' });
  contexts.push(context);
  const page = await context.newPage();
  return { page, problems: watchPage(page) };
}

/** Logs in as a demo user on a new page, through the login form, and waits to be at `to`. */
export async function logIn(browser: Browser, insyn: InsynProcess, email: string, to: string, width = 1280): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await newPage(browser, width);
  await page.goto(`${insyn.url}/logga-in?till=${encodeURIComponent(to)}`);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL((url) => url.pathname === to);
  return { page, problems };
}
