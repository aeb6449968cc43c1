import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot } from '../support/browser.js';
import { logIn, newPage, setUpJourney } from '../support/journey.js';

/**
 * The follow-up reports in Chromium: a reviewer previews the neutrality figures of 2025 and adopts
 * them, and the public sees the report only then; the reviewer finishes, adopts and publishes the
 * annual report of 2025, and the public reads it and prints it without the navigation.
 */
const journey = setUpJourney();

async function openPublic(path: string, width = 1280): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await newPage(journey.browser, width);
  await page.goto(`${journey.insyn.url}${path}`);
  await page.locator('main h1').first().waitFor();
  return { page, problems };
}

describe('the neutrality report', () => {
  it('is not public for 2025 before it is adopted; 2024 is', async () => {
    const { page, problems } = await openPublic('/konkurrensneutralitet?ar=2025');
    await expect.poll(() => page.locator('main').textContent()).toContain('Rapporten för 2025 är inte fastställd ännu.');
    expect(await page.getByTestId('neutrality-years').textContent()).toContain('2024');
    expect(await page.getByTestId('neutrality-years').textContent()).not.toContain('2025');
    await expectAccessible(page, 'follow-up-neutrality-before');
    // The footer leads to both public reports.
    expect(await page.locator('footer').getByRole('link', { name: 'Konkurrensneutralitet' }).count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('a reviewer previews the figures of 2025 and adopts them with the keyboard', async () => {
    const { page, problems } = await logIn(journey.browser, journey.insyn, 'reviewer@insyn.example', '/uppfoljning/konkurrensneutralitet');
    const year = page.getByTestId('neutrality-year');
    await year.selectOption('2025');
    await page.getByTestId('table-review').waitFor();
    await expect.poll(() => page.getByTestId('neutrality-in-force').textContent()).toContain('Ingen version är fastställd');
    expect(await page.getByTestId('table-review').textContent()).toContain('Egen regi');
    expect(await page.getByTestId('table-reimbursement').locator('tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'follow-up-neutrality-preview');

    // An empty form names both fields.
    await page.getByTestId('adopt-neutrality-submit').click();
    await expect.poll(() => page.locator('.error-summary, [role="alert"]').first().textContent()).toContain('diarienummer');
    await expectAccessible(page, 'follow-up-neutrality-errors');

    await page.getByLabel('Diarienummer för beslutet').fill('RS/2026/0101');
    await page.getByLabel('Beslutsdatum').fill('2026-03-18');
    await page.getByLabel('Beslutsdatum').press('Enter');
    await expect.poll(() => page.getByTestId('adopt-message').textContent()).toContain('Rapporten för 2025 är fastställd (version 1)');
    await expect.poll(() => page.getByTestId('neutrality-in-force').textContent()).toContain('RS/2026/0101');
    await expectAccessible(page, 'follow-up-neutrality-adopted');
    expect(problems).toEqual([]);
  });

  it('the public then reads the adopted report with its decision', async () => {
    const { page, problems } = await openPublic('/konkurrensneutralitet?ar=2025');
    const report = page.getByTestId('neutrality-report');
    await report.waitFor();
    expect(await report.locator('h2').first().textContent()).toBe('Konkurrensneutralitet 2025');
    expect(await report.textContent()).toContain('RS/2026/0101');
    expect(await report.getByRole('button', { name: /Ladda ner tabellen som CSV/ }).count()).toBeGreaterThan(2);
    expect(await page.getByTestId('neutrality-years').textContent()).toContain('2025');
    await expectAccessible(page, 'follow-up-neutrality-public');
    expect(problems).toEqual([]);
  });
});

describe('the annual report to the board', () => {
  it('a reviewer edits the 2025 draft, adopts it and publishes it', async () => {
    const { page, problems } = await logIn(journey.browser, journey.insyn, 'reviewer@insyn.example', '/uppfoljning/arsrapporter');
    await page.getByTestId('annual-reports').waitFor();
    await expectAccessible(page, 'follow-up-annual-list');
    await page.getByRole('link', { name: 'Öppna 2025' }).click();
    const summary = page.getByLabel('Sammanfattning');
    await summary.waitFor();
    await summary.fill('Alla utförare följdes upp på samma sätt under 2025.\n\nEgen regi och privata utförare lämnade i tid i lika hög grad.');
    await page.getByTestId('annual-save').click();
    await expect.poll(() => page.getByTestId('annual-notice').textContent()).toContain('Texterna är sparade.');
    await expectAccessible(page, 'follow-up-annual-draft');

    await page.getByLabel('Diarienummer för beslutet').fill('RS/2026/0420');
    await page.getByLabel('Beslutsdatum').fill('2026-04-23');
    await page.getByTestId('adopt-annual-submit').click();
    await expect.poll(() => page.locator('main .badge').first().textContent()).toBe('Fastställd');
    expect(await page.locator('main textarea').count()).toBe(0);
    await expectAccessible(page, 'follow-up-annual-adopted');

    await page.getByTestId('publish-annual').click();
    await expect.poll(() => page.locator('main .badge').first().textContent()).toBe('Publicerad');
    await expectAccessible(page, 'follow-up-annual-published');
    expect(problems).toEqual([]);
  });

  it('the public reads it, and printing leaves out the navigation and the buttons', async () => {
    const { page, problems } = await openPublic('/systemuppfoljning?ar=2025');
    const report = page.getByTestId('annual-report');
    await report.waitFor();
    expect(await report.textContent()).toContain('Alla utförare följdes upp på samma sätt under 2025.');
    expect(await report.textContent()).toContain('RS/2026/0420');
    expect(await page.getByTestId('annual-years').textContent()).toContain('2024');
    await expectAccessible(page, 'follow-up-annual-public');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    expect(await page.locator('.site-footer').isVisible()).toBe(false);
    expect(await page.getByTestId('print').isVisible()).toBe(false);
    expect(await report.locator('h2').first().isVisible()).toBe(true);
    await screenshot(page, 'follow-up-annual-print');
    expect(problems).toEqual([]);
  });

  it('is usable at 320 px', async () => {
    const { page } = await openPublic('/systemuppfoljning?ar=2024', 320);
    await page.getByTestId('annual-report').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'follow-up-annual-320');
  });
});
