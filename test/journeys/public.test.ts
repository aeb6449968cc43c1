import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, watchPage } from '../support/browser.js';
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

/** Presses Tab (or Shift+Tab) until the element has focus: the way a keyboard user gets there. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, options: { back?: boolean; max?: number } = {}): Promise<void> {
  const handle = await target.elementHandle();
  if (!handle) throw new Error('tabTo: no such element');
  for (let i = 0; i < (options.max ?? 150); i++) {
    if (await handle.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`tabTo: never reached ${await handle.evaluate((el) => el.outerHTML.slice(0, 120))}`);
}

async function expectNoOverflow(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1)).toBe(false);
}

describe('public results, keyboard only', { timeout: 240_000 }, () => {
  it('start → municipality → unit → comparison → open data, with zero axe violations on each page', async () => {
    const { page, problems } = await open('/');
    await page.getByTestId('municipality-chooser').waitFor();
    await expect.poll(() => page.getByTestId('municipality-2380').textContent()).toMatch(/Östersund\s*\d+ enheter/);
    await expectAccessible(page, 'results-start');

    // The municipality chooser: a grid of eight links.
    expect(await page.getByTestId('municipality-chooser').getByRole('link').count()).toBeGreaterThanOrEqual(8);
    await tabTo(page, page.getByTestId('municipality-2380'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('/kommun/2380');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Enheter i Östersund');
    await expect.poll(() => page.getByTestId('public-unit').count()).toBeGreaterThan(3);
    const all = await page.getByTestId('public-unit').count();
    // Colour is never alone: every level has its words.
    const levels = page.getByTestId('target-level');
    expect(await levels.count()).toBeGreaterThan(0);
    expect(await levels.first().textContent()).toMatch(/Uppfyller målet|Nära målet|Når inte målet|Inget mål/);
    await expectAccessible(page, 'results-municipality');

    // Only private units: the box is ticked with the space bar, the count is announced.
    await tabTo(page, page.getByTestId('ownership-PRIVATE'));
    await page.keyboard.press('Space');
    await expect.poll(() => page.url()).toContain('driftform=PRIVATE');
    await expect.poll(() => page.getByTestId('public-unit').count()).toBeLessThan(all);
    const privateUnits = await page.getByTestId('public-unit').allTextContents();
    expect(privateUnits.every((text) => text.includes('Privat'))).toBe(true);
    await expectAccessible(page, 'results-municipality-private');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('public-unit').count()).toBe(all);

    // The first unit's page.
    const firstUnit = page.getByTestId('public-unit').first().getByRole('link').first();
    const unitName = (await firstUnit.textContent())!;
    await tabTo(page, firstUnit);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/\/enhet\/[0-9a-f-]{36}$/);
    await page.getByTestId('unit-results').waitFor();
    expect(await page.locator('main h1').textContent()).toBe(unitName);
    expect(await page.getByTestId('results-table').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('trend-chart').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('assessments').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('definitions').count()).toBe(1);
    // A suppressed value is words, never a number.
    for (const text of await page.getByTestId('suppressed-value').allTextContents()) {
      expect(text).toContain('Färre än 5 – visas inte');
      expect(text.replace('Färre än 5', '')).not.toMatch(/\d/);
    }
    await expectAccessible(page, 'results-unit');

    // On to the comparison of the first indicator, in the newest period.
    await tabTo(page, page.getByRole('link', { name: /^Jämför med andra enheter/ }).first());
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/\/jamfor\?indikator=[^&]+&period=/);
    await page.getByTestId('comparison').waitFor();
    await expect.poll(() => page.getByTestId('comparison-row').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('aggregate-row').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('aggregate-table').textContent()).toContain('Egen regi');
    expect(await page.getByTestId('comparison-chart').getAttribute('role')).toBe('img');
    await expectAccessible(page, 'results-comparison');

    // Only Östersund: the municipality select moves with the arrow keys, "Visa" applies it.
    const rowsAll = await page.getByTestId('comparison-row').count();
    await tabTo(page, page.getByTestId('compare-municipality'));
    for (let i = 0; i < 8 && (await page.getByTestId('compare-municipality').inputValue()) !== '2380'; i++) await page.keyboard.press('ArrowDown');
    expect(await page.getByTestId('compare-municipality').inputValue()).toBe('2380');
    await tabTo(page, page.getByTestId('compare-show'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('kommun=2380');
    await expect.poll(() => page.getByTestId('comparison-row').count()).toBeLessThan(rowsAll);
    for (const text of await page.getByTestId('comparison-row').allTextContents()) expect(text).toContain('Östersund');
    await expectAccessible(page, 'results-comparison-ostersund');

    // Open data, from the footer.
    await tabTo(page, page.getByRole('contentinfo').getByRole('link', { name: 'Öppna data' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('/oppna-data');
    expect(await page.getByTestId('open-data-csv').getAttribute('href')).toBe('/open-data/facts.csv');
    expect(await page.getByTestId('open-data-json').getAttribute('href')).toBe('/open-data/facts.json');
    expect(await page.getByTestId('open-data-licence').textContent()).toContain('CC0 1.0');
    // Every column the file has is described on the page.
    const csv = await page.evaluate(async () => (await fetch('/open-data/facts.csv')).text());
    const header = csv.split('\n')[0]!.trim().split(',');
    const described = await page.getByTestId('open-data-columns').locator('tbody th').allTextContents();
    expect(described).toEqual(header);
    await expectAccessible(page, 'results-open-data');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('files an insight request and follows it with the tracking code', async () => {
    const { page, problems } = await open('/');
    await tabTo(page, page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Begär insyn' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/\/insyn$/);
    await page.getByTestId('insight-form').waitFor();
    await expectAccessible(page, 'insight-form');

    // Sending it empty: the summary takes focus and names both fields.
    await tabTo(page, page.getByTestId('insight-submit'));
    await page.keyboard.press('Enter');
    await page.getByTestId('error-summary').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('error-summary');
    expect(await page.getByTestId('error-summary').textContent()).toMatch(/Ämne.*Skriv ett ämne.*Beskriv vilka uppgifter/s);
    expect(await page.locator('#insyn-subject').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'insight-form-errors');

    await tabTo(page, page.locator('#insyn-subject'));
    await page.keyboard.type('Väntetider vid hälsocentralen');
    await tabTo(page, page.locator('#insyn-description'));
    await page.keyboard.type('Jag vill ta del av statistik över väntetider till läkare under 2025.');
    await tabTo(page, page.locator('#insyn-providerId'));
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#insyn-providerId').inputValue()).not.toBe('');
    await tabTo(page, page.getByTestId('insight-submit'));
    await page.keyboard.press('Enter');

    await page.getByTestId('insight-receipt').waitFor();
    const reference = (await page.getByTestId('insight-reference').textContent())!;
    const code = (await page.getByTestId('insight-tracking-code').textContent())!;
    expect(reference).toMatch(/^INS-\d{4}-\d{4}$/);
    expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    expect(await page.getByTestId('insight-receipt').textContent()).toContain('Spara spårningskoden');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('receipt-heading');
    await expectAccessible(page, 'insight-receipt');

    // "Följ ärendet" shows the status at once.
    await tabTo(page, page.getByTestId('insight-follow'));
    await page.keyboard.press('Enter');
    await page.getByTestId('insight-status').waitFor();
    expect(await page.getByTestId('insight-status').textContent()).toContain(`Ärende ${reference}`);
    expect(await page.getByTestId('insight-status-value').getAttribute('data-status')).toBe('RECEIVED');
    expect(await page.getByTestId('insight-timeline').locator('li').count()).toBeGreaterThanOrEqual(1);
    await expectAccessible(page, 'insight-status');
    await page.context().close();

    // Later, in a new tab: typing the code in lower case without dashes finds it too; a wrong one does not.
    const later = await open('/insyn/status');
    await tabTo(later.page, later.page.locator('#status-code'));
    await later.page.keyboard.type('00000-00000-00000-00000');
    await later.page.keyboard.press('Enter');
    await later.page.getByTestId('error-summary').waitFor();
    expect(await later.page.getByTestId('error-summary').textContent()).toContain('Vi hittar ingen begäran');
    await expectAccessible(later.page, 'insight-status-not-found');
    await tabTo(later.page, later.page.locator('#status-code'), { back: true });
    await later.page.keyboard.press('Control+A');
    await later.page.keyboard.type(code.toLowerCase().replace(/-/g, ' '));
    await later.page.keyboard.press('Enter');
    await later.page.getByTestId('insight-status').waitFor();
    expect(await later.page.getByTestId('insight-status').textContent()).toContain(reference);
    expect([...problems, ...later.problems]).toEqual([]);
    await later.page.context().close();
  });

  it('the results pages have no axe violations and no sideways scrolling at 320 px, in both languages', async () => {
    const res = await fetch(`${insyn.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ publicUnits(municipalityCode: "2380") { id } }' }),
    });
    const unitId = ((await res.json()) as { data: { publicUnits: { id: string }[] } }).data.publicUnits[0]!.id;
    for (const [path, name, ready] of [
      ['/kommun/2361', 'municipality', 'public-unit'],
      [`/enhet/${unitId}`, 'unit', 'unit-results'],
      ['/jamfor', 'comparison', 'comparison-row'],
      ['/oppna-data', 'open-data', 'open-data-columns'],
      ['/insyn', 'insight', 'insight-form'],
      ['/insyn/status', 'insight-status', 'status-form'],
    ] as const) {
      const { page, problems } = await open(path, 320);
      await page.getByTestId(ready).first().waitFor();
      await expectAccessible(page, `results-${name}-sv-320`);
      await expectNoOverflow(page);
      await tabTo(page, page.getByTestId('language-switch'), { back: true });
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('language-switch');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getAttribute('html', 'lang'), { timeout: 15_000 }).toBe('en');
      await page.getByTestId(ready).first().waitFor();
      await expectAccessible(page, `results-${name}-en-320`);
      await expectNoOverflow(page);
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });
});
