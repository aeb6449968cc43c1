import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.js';
import { logIn, setUpJourney } from '../support/journey.js';

/**
 * Compensation for the last-resort responsibility in Chromium: a reviewer goes from the coverage
 * to the compensation of a year, reads a proposal with every input, decides it with the keyboard
 * and sees the decision in force; a method version or proposal changed by someone else meanwhile is
 * named and reloaded; an economics file with a bad row is refused with the row shown.
 */
const journey = setUpJourney();

describe('compensation', () => {
  it('a reviewer reads a proposal with its inputs and decides it with the keyboard', async () => {
    const { page, problems } = await logIn(journey.browser, journey.insyn, 'reviewer@insyn.example', '/sistahandsansvar');
    await page.getByTestId('coverage-table').waitFor();
    const link = page.getByRole('link', { name: 'Ersättning', exact: true });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/sistahandsansvar/ersattning');
    await page.getByTestId('proposal').first().waitFor();
    await expectAccessible(page, 'compensation-2025');

    // 2026 has proposals and no decisions yet.
    const year = page.getByTestId('compensation-year');
    await year.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => year.inputValue()).toBe('2026');
    await expect.poll(() => page.getByTestId('decision-in-force').first().textContent()).toContain('Inget beslut');
    const card = page.getByTestId('proposal').filter({ hasText: 'Underskott när enheten är ensam utförare' }).filter({ hasText: 'Full kostnad' }).first();
    const inputs = await card.getByTestId('proposal-inputs').textContent();
    for (const label of ['Kapiteringsersättning', 'Ersättning totalt', 'Full kostnad', 'Underskott', 'Andel av underskottet som ersätts', 'Andelen av underskottet i kronor', 'Föreslaget belopp', 'Enhetens ekonomi']) {
      expect(inputs).toContain(label);
    }
    const proposed = (await card.getByTestId('proposal-amount').textContent())!;
    // Whole kronor, Swedish style, without decimals: "1 799 999 kr".
    expect(proposed.replace(/[\u00a0\u202f]/g, ' ')).toMatch(/^\d{1,3}( \d{3})* kr$/);

    await card.getByTestId('decide').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('decide-dialog');
    await dialog.getByLabel('Belopp (kr)').waitFor();
    const amount = dialog.getByLabel('Belopp (kr)');
    const filled = await amount.inputValue();
    expect(filled).toMatch(/^\d+$/);
    await expectAccessible(page, 'compensation-decide-dialog');
    // Öre are refused at the field, before anything is sent.
    await amount.fill('1 250 000,50');
    await amount.press('Enter');
    await expect.poll(() => dialog.textContent()).toContain('Ange hela kronor utan ören');
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    await amount.fill(filled);
    await dialog.getByLabel('Grund för beslutet').focus();
    await page.keyboard.type('Underskott enligt metoden och enhetens redovisade helårskostnad.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('RS/777/2027');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => card.getByTestId('decision-in-force').textContent()).toContain('RS/777/2027');
    const spaced = (v: string | null) => (v ?? '').replace(/\s/g, ' ');
    expect(spaced(await card.getByTestId('decision-in-force').textContent())).toContain(spaced(proposed));
    await expect.poll(() => page.getByTestId('flash').textContent()).toContain('är sparat');
    await expect.poll(() => card.getByTestId('decision-history').textContent()).toContain('Gäller');
    await expectAccessible(page, 'compensation-decided');
    expect(problems).toEqual([]);
  });

  it('tells a reviewer when someone else changed the method or the proposal meanwhile, and reloads it', async () => {
    const reviewer = await logIn(journey.browser, journey.insyn, 'reviewer@insyn.example', '/sistahandsansvar/ersattning');
    const admin = await logIn(journey.browser, journey.insyn, 'admin@insyn.example', '/sistahandsansvar/ersattning');
    for (const { page } of [reviewer, admin]) {
      await page.getByTestId('proposal').first().waitFor();
      await page.getByTestId('compensation-year').selectOption('2026');
      await expect.poll(() => page.getByTestId('proposal').filter({ hasText: 'Inget beslut' }).count()).toBeGreaterThan(0);
    }
    // The same undecided proposal on both pages.
    const undecided = reviewer.page.getByTestId('proposal').filter({ hasText: 'Underskott när enheten är ensam utförare' }).filter({ hasText: 'Inget beslut' });
    const heading = (await undecided.first().getByRole('heading', { level: 2 }).textContent())!;
    const cardOf = (page: typeof reviewer.page) => page.getByTestId('proposal').filter({ has: page.getByRole('heading', { level: 2, name: heading, exact: true }) });
    const newVersion = async (page: typeof reviewer.page, reference: string) => {
      await cardOf(page).getByTestId('new-method').click();
      const form = page.getByTestId('method-dialog');
      await form.getByLabel('Beslut (diarienummer)').fill(reference);
      await form.getByTestId('method-submit').click();
      return form;
    };

    // Both open the method form; the admin saves first, the reviewer is told and nothing is overwritten.
    await cardOf(reviewer.page).getByTestId('new-method').click();
    const mine = reviewer.page.getByTestId('method-dialog');
    await mine.getByLabel('Beslut (diarienummer)').fill('RS/801/2026');
    await (await newVersion(admin.page, 'RS/800/2026')).waitFor({ state: 'hidden' });
    await mine.getByTestId('method-submit').click();
    await expect.poll(() => mine.textContent()).toContain('Någon annan har sparat en ny version av metoden');
    await expectAccessible(reviewer.page, 'compensation-method-conflict');
    await mine.getByRole('button', { name: 'Avbryt' }).click();

    // The reviewer opens the decision; meanwhile the admin sets yet another method version.
    await cardOf(reviewer.page).getByTestId('decide').click();
    const dialog = reviewer.page.getByTestId('decide-dialog');
    await dialog.getByLabel('Grund för beslutet').fill('Underskott enligt metoden.');
    await dialog.getByLabel('Grund för beslutet').press('Tab');
    await reviewer.page.keyboard.type('RS/802/2027');
    await (await newVersion(admin.page, 'RS/803/2026')).waitFor({ state: 'hidden' });
    await dialog.getByTestId('decide-submit').click();
    await expect.poll(() => dialog.textContent()).toContain('Förslaget har ändrats sedan du öppnade det');
    await expectAccessible(reviewer.page, 'compensation-proposal-changed');
    // On the reloaded proposal the decision is saved.
    await dialog.getByTestId('decide-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => cardOf(reviewer.page).getByTestId('decision-in-force').textContent()).toContain('RS/802/2027');
    expect(reviewer.problems).toEqual([]);
  });

  it('shows the replaced 2024 decision in the history', async () => {
    const { page } = await logIn(journey.browser, journey.insyn, 'auditor@insyn.example', '/sistahandsansvar/ersattning');
    const year = page.getByTestId('compensation-year');
    await year.selectOption('2024');
    await expect.poll(async () => (await page.getByTestId('decision-history').allTextContents()).join(' ')).toContain('Ersatt av');
    expect(await page.getByTestId('decide').count()).toBe(0);
  });

  it('refuses an economics file with a bad row and shows the row', async () => {
    const { page, problems } = await logIn(journey.browser, journey.insyn, 'reviewer@insyn.example', '/sistahandsansvar/ekonomi');
    await page.getByTestId('economics-table').waitFor();
    await expectAccessible(page, 'compensation-economics');
    const csv = 'hsa_id;year;capitation;visit_fees;full_cost\nSE2321000214-E999;2025;1 000 000;200 000,50;\nSE2321000214-E998;2025;-5;0;\n';
    await page.getByTestId('economics-file').setInputFiles({ name: 'ekonomi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByTestId('economics-import').focus();
    await page.keyboard.press('Enter');
    const errors = page.getByTestId('economics-import-errors');
    await errors.waitFor();
    const text = await errors.textContent();
    expect(text).toContain('capitation');
    // Öre in an amount: the row and the column are named.
    expect(text).toContain('visit_fees');
    expect(text).toContain('Whole kronor, without öre');
    expect(await errors.locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    await expect.poll(() => page.getByTestId('economics-import-status').textContent()).toContain('sparades inte');
    await expectAccessible(page, 'compensation-economics-refused');
    expect(problems).toEqual([]);
  });

  it('offers every unit for entering economics by hand', async () => {
    const { page } = await logIn(journey.browser, journey.insyn, 'reviewer@insyn.example', '/sistahandsansvar/ekonomi');
    const form = page.getByTestId('economics-form');
    await form.waitFor();
    await expect.poll(() => form.getByLabel('Enhet').locator('option').count()).toBeGreaterThan(30);
  });

  it('has no axe violations at 320 px', async () => {
    const { page } = await logIn(journey.browser, journey.insyn, 'auditor@insyn.example', '/sistahandsansvar/ersattning', 320);
    await page.getByTestId('proposal').first().waitFor();
    await expectAccessible(page, 'compensation-320');
    await page.goto(`${journey.insyn.url}/sistahandsansvar/ekonomi`);
    await page.getByTestId('economics-table').waitFor();
    await expectAccessible(page, 'compensation-economics-320');
  });
});
