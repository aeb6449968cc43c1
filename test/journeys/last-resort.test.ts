import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.js';
import { logIn, setUpJourney } from '../support/journey.js';

/** The last-resort register in Chromium: a reviewer reads the coverage of a year with the keyboard, at 1280 and 320 px. */
const journey = setUpJourney();

describe('last-resort coverage', () => {
  it('shows every municipality with its holder and listed persons; the year is chosen with the keyboard', async () => {
    const { page, problems } = await logIn(journey.browser, journey.insyn, 'reviewer@insyn.example', '/sistahandsansvar');
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
    const { page } = await logIn(journey.browser, journey.insyn, 'auditor@insyn.example', '/sistahandsansvar', 320);
    await page.getByTestId('coverage-table').waitFor();
    await expectAccessible(page, 'last-resort-coverage-320');
  });
});

describe('the register of obligations', () => {
  it('a reviewer changes an obligation and is told, by field, why an overlapping one is refused', async () => {
    const { page, problems } = await logIn(journey.browser, journey.insyn, 'reviewer@insyn.example', '/sistahandsansvar/register');
    const table = page.getByTestId('obligations-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(16);
    await expectAccessible(page, 'last-resort-register');

    // Change the holder's opening days in Östersund (primary care), with the keyboard.
    const link = page.getByRole('link', { name: /Östersund, Hälsoval/ });
    await link.focus();
    await page.keyboard.press('Enter');
    const form = page.getByTestId('obligation-form');
    await form.waitFor();
    await expect.poll(() => page.getByLabel('Ansvarig enhet').inputValue()).not.toBe('');
    const days = page.getByLabel('Öppna dagar per vecka');
    await days.fill('9');
    await page.getByTestId('obligation-save').click();
    await expect.poll(() => page.locator('#obligation-openingDaysPerWeek-error').textContent()).toContain('mellan 1 och 7');
    await expectAccessible(page, 'last-resort-obligation-error');
    await days.fill('5');
    await days.press('Enter');
    await page.waitForURL((url) => url.pathname === '/sistahandsansvar/register');
    await expect.poll(() => page.getByTestId('flash').textContent()).toContain('Östersund');

    // A second obligation for the same municipality and choice system, valid at the same time: refused at the start date.
    await page.getByTestId('new-obligation').click();
    await page.getByLabel('Kommun').selectOption({ label: 'Östersund' });
    await page.getByLabel('Valfrihetssystem').selectOption({ index: 1 });
    await expect.poll(() => page.getByLabel('Ansvarig enhet').locator('option').count()).toBeGreaterThan(1);
    await page.getByLabel('Ansvarig enhet').selectOption({ index: 1 });
    await page.getByLabel('Minsta service').fill('Öppet alla vardagar');
    await page.getByLabel('Beslut (diarienummer)').fill('RS/999/2026');
    await page.getByLabel('Gäller från').fill('2026-01-01');
    await page.getByTestId('obligation-save').click();
    await expect.poll(() => page.locator('#obligation-validFrom-error').textContent()).toMatch(/\S/);
    expect(page.url()).toContain('/sistahandsansvar/register/ny');
    await expectAccessible(page, 'last-resort-obligation-overlap');
    expect(problems).toEqual([]);
  });

  it('an auditor reads the register without ways to change it', async () => {
    const { page } = await logIn(journey.browser, journey.insyn, 'auditor@insyn.example', '/sistahandsansvar/register', 320);
    await page.getByTestId('obligations-table').waitFor();
    expect(await page.getByTestId('new-obligation').count()).toBe(0);
    expect(await page.getByTestId('obligations-table').getByRole('link').count()).toBe(0);
    await expectAccessible(page, 'last-resort-register-320');
  });
});

describe('listed persons by hand', () => {
  it('a reviewer enters the listed persons of one unit and month, told by field what is missing first', async () => {
    const { page, problems } = await logIn(journey.browser, journey.insyn, 'reviewer@insyn.example', '/sistahandsansvar/listning');
    const form = page.getByTestId('listing-entry');
    await form.waitFor();
    await expect.poll(() => form.getByLabel('Enhet').locator('option').count()).toBeGreaterThan(30);
    await form.getByLabel('Enhet').selectOption({ label: 'Odenhälsan (Östersund)' });
    await page.getByTestId('listing-save').click();
    await expect.poll(() => page.locator('#listing-listedPersons-error').textContent()).toContain('heltal');
    await expectAccessible(page, 'last-resort-listing-entry-error');
    await form.getByLabel('År').fill('2026');
    await form.getByLabel('Månad').selectOption({ label: 'mars' });
    const persons = form.getByLabel('Listade personer');
    await persons.fill('9 412');
    await persons.press('Enter');
    await expect.poll(() => page.getByTestId('listing-saved').textContent()).toMatch(/^Sparat: 9\s412 listade personer vid Odenhälsan \(Östersund\) i mars 2026\.$/);
    await expectAccessible(page, 'last-resort-listing-entry-saved');
    expect(problems).toEqual([]);
  });
});
