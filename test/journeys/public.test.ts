import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations, launchBrowser, screenshot, watchPage } from '../support/browser.js';
import { startInsyn, type InsynProcess } from '../support/insyn.js';

/** The public pages in Chromium: language switch, keyboard use, filters, and zero axe violations. */
let insyn: InsynProcess;
let browser: Browser;

beforeAll(async () => {
  insyn = await startInsyn();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  if (insyn) {
    expect(await insyn.stop()).toBe(0);
    fs.rmSync(insyn.dataDir, { recursive: true, force: true });
  }
});

async function open(path: string, width = 1280): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'sv-SE' });
  const page = await context.newPage();
  const problems = watchPage(page);
  await page.goto(`${insyn.url}${path}`);
  await page.locator('main h1').first().waitFor();
  return { page, problems };
}

async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const violations = await axe(page);
  await screenshot(page, name);
  expect(violations, describeViolations(violations)).toEqual([]);
}

describe('public pages', () => {
  it('start page in Swedish, then English through the language switch, and back after a reload', async () => {
    const { page, problems } = await open('/');
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    await expect.poll(() => page.getByTestId('start-program-reference').textContent()).toContain('RS/620/2021');
    await expectAccessible(page, 'start-sv');

    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(() => page.getByRole('navigation', { name: 'Main menu' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: 'Providers', exact: true }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'start-en');

    await page.reload();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('sv');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('skip link and navigation work with the keyboard alone', async () => {
    const { page } = await open('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Hoppa till huvudinnehåll' });
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');

    // Tab to the Program link in the main menu and follow it.
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
    const programLink = menu.getByRole('link', { name: 'Program', exact: true });
    await programLink.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.title()).toBe('Program – Insyn');
    await expect.poll(() => page.getByTestId('goal').count()).toBeGreaterThanOrEqual(6);
    expect(await page.getByTestId('guideline').count()).toBeGreaterThanOrEqual(8);
    await page.context().close();
  });

  for (const [path, name, check] of [
    ['/program', 'program', (p: Page) => p.getByTestId('governing-document').count()],
    ['/indikatorer', 'indicators', (p: Page) => p.getByTestId('indicator').count()],
    ['/utforare', 'providers', (p: Page) => p.getByTestId('provider-card').count()],
    ['/tillganglighet', 'accessibility', (p: Page) => p.getByTestId('report-accessibility').count()],
    ['/finns-inte', 'not-found', (p: Page) => p.getByTestId('not-found').count()],
  ] as const) {
    for (const width of [1280, 320]) {
      it(`${path} has content and no axe violations at ${width} px in both languages`, async () => {
        const { page, problems } = await open(path, width);
        await expect.poll(() => check(page)).toBeGreaterThan(0);
        await expectAccessible(page, `${name}-sv-${width}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
        expect(overflow).toBe(false);
        await page.getByTestId('language-switch').click();
        await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
        await expectAccessible(page, `${name}-en-${width}`);
        expect(problems).toEqual([]);
        await page.context().close();
      });
    }
  }

  it('filters providers by municipality and ownership, reflected in the address', async () => {
    const { page } = await open('/utforare');
    await expect.poll(() => page.getByTestId('providers-count').textContent()).toMatch(/Visar 9 av 9/);

    await page.getByRole('combobox', { name: 'Kommun' }).selectOption('2361');
    await expect.poll(() => page.url()).toContain('kommun=2361');
    await expect.poll(() => page.getByTestId('providers-count').textContent()).toMatch(/av 4 /);

    await page.getByTestId('filter-ownership-PRIVATE').check();
    await expect.poll(() => page.url()).toContain('driftform=PRIVATE');
    await expect.poll(() => page.getByTestId('provider-card').count()).toBe(1);
    expect(await page.getByTestId('provider-card').first().textContent()).toContain('Hede Läkarhus AB');
    await expectAccessible(page, 'providers-filtered');

    // The filter survives a reload (it lives in the address).
    await page.reload();
    await expect.poll(() => page.getByTestId('provider-card').count()).toBe(1);

    await page.getByRole('button', { name: 'Rensa filter' }).click();
    await expect.poll(() => page.getByTestId('provider-card').count()).toBe(9);
    await page.context().close();
  });

  it('shows a provider with units and agreements, and a friendly page for an unknown id', async () => {
    const { page } = await open('/utforare');
    await page.getByTestId('provider-card').filter({ hasText: 'Fysiokliniken' }).getByRole('link').first().click();
    await page.getByTestId('provider-details').waitFor();
    await expect.poll(() => page.getByTestId('agreement').first().textContent()).toMatch(/LOF/);
    await expectAccessible(page, 'provider-detail');

    const missing = await open('/utforare/00000000-0000-4000-8000-000000000000');
    await missing.page.getByTestId('provider-not-found').waitFor();
    await expectAccessible(missing.page, 'provider-not-found');
    await page.context().close();
    await missing.page.context().close();
  });

  it('serves GraphiQL from the app itself, and it runs a query', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const external: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith(insyn.url) && !req.url().startsWith('data:') && !req.url().startsWith('blob:')) external.push(req.url());
    });
    const problems = watchPage(page);
    await page.goto(`${insyn.url}/graphiql`);
    await page.locator('.graphiql-container').waitFor();
    const result = await page.evaluate(async () => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ municipalities { code } }' }),
      });
      return res.json();
    });
    expect(result.data.municipalities).toHaveLength(8);
    expect(external).toEqual([]);
    expect(problems.filter((p) => /Content Security Policy|Refused/.test(p))).toEqual([]);
    await context.close();
  });
});
