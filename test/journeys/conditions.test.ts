import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.js';
import { logIn, newPage, setUpJourney } from '../support/journey.js';

/** The equal-conditions rules in Chromium, without login: the conditions in force, the decisions, two versions compared with the keyboard. */
const journey = setUpJourney();

async function open(path: string, width = 1280): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await newPage(journey.browser, width);
  await page.goto(`${journey.insyn.url}${path}`);
  await page.locator('main h1').first().waitFor();
  return { page, problems };
}

describe('equal conditions', () => {
  it('reached from the program page; shows the conditions in force and every decision', async () => {
    const { page, problems } = await open('/program');
    await page.getByTestId('equal-conditions-link').click();
    await expect.poll(() => page.url()).toContain('/likvardiga-villkor');
    await expect.poll(() => page.getByTestId('conditions-current-version').textContent()).toContain('Version 3');
    expect(await page.getByTestId('conditions-current').locator('li').count()).toBe(9);
    const history = page.getByTestId('conditions-history');
    expect(await history.locator('tbody tr').count()).toBe(3);
    expect(await history.textContent()).toContain('RS/383/2021');
    expect(await history.textContent()).toContain('Regionfullmäktige');
    await expectAccessible(page, 'conditions');
    expect(problems).toEqual([]);
  });

  it('compares two versions chosen with the keyboard, changed words marked and labelled', async () => {
    const { page, problems } = await open('/likvardiga-villkor');
    // Default: the version before the latest against the latest.
    await expect.poll(() => page.getByTestId('conditions-summary').textContent()).toContain('ändrade');
    const from = page.getByTestId('conditions-from');
    await from.focus();
    // Version 1 is the first option: go up from version 2 with the arrow key.
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => from.inputValue()).toBe('1');
    await expect.poll(() => page.url()).toContain('fran=1');
    const diff = page.getByTestId('conditions-diff');
    await expect.poll(() => diff.locator('[data-change="ADDED"]').count()).toBe(1);
    const v2 = diff.locator('li', { hasText: 'Samma krav och uppföljning' });
    expect(await v2.getByText('Ändrat').count()).toBeGreaterThan(0);
    await expect.poll(() => v2.locator('ins').first().textContent()).toContain('granskningens');
    expect(await diff.locator('li[data-change="ADDED"]').getByText('Nytt').count()).toBe(1);
    await expectAccessible(page, 'conditions-compare');

    // Only the changes, with the keyboard: tab to the checkbox and tick it.
    await page.getByLabel('Visa bara ändrade villkor').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => diff.locator('[data-change="UNCHANGED"]').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('stacks the two versions at 320 px without sideways scrolling', async () => {
    const { page } = await open('/likvardiga-villkor?fran=1&till=3', 320);
    await page.getByTestId('conditions-diff').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'conditions-320');
  });
});

describe('adopting a new version', () => {
  it('an administrator records a decision: errors named by field, a condition added and moved with the keyboard, version 4 in force', async () => {
    const { page, problems } = await logIn(journey.browser, journey.insyn, 'admin@insyn.example', '/likvardiga-villkor');
    await page.getByTestId('adopt-conditions').click();
    const list = page.getByTestId('condition-list');
    await list.waitFor();
    expect(await list.locator(':scope > li').count()).toBe(9);

    // Sent without the decision: the summary names the fields, nothing is stored.
    await page.getByTestId('adopt-submit').click();
    await expect.poll(() => page.locator('#adopt-decisionReference-error').textContent()).toContain('diarienummer');
    expect(await page.locator('#adopt-decidedAt-error').textContent()).toContain('ÅÅÅÅ-MM-DD');
    await expectAccessible(page, 'conditions-adopt-errors');

    await page.getByLabel('Diarienummer').fill('RS/77/2026');
    await page.getByLabel('Beslutsdatum').fill('2026-11-30');
    await page.getByLabel('Beslutat av').fill('Regionstyrelsen');
    await page.getByLabel('Vad beslutet ändrar (valfritt)').fill('Nytt villkor om öppen redovisning av ersättningen för sistahandsansvaret.');

    // A tenth condition, added and moved one step up with the keyboard.
    await page.getByTestId('condition-add').click();
    await expect.poll(() => list.locator(':scope > li').count()).toBe(10);
    await page.locator('#adopt-conditions-9-heading').fill('Öppen redovisning av sistahandsansvaret');
    await page.locator('#adopt-conditions-9-text').fill('Ersättningen för sistahandsansvaret redovisas öppet varje år i konkurrensneutralitetsredovisningen.');
    await page.getByRole('button', { name: 'Flytta upp villkor 10' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#adopt-conditions-8-code').inputValue()).toBe('V10');
    await expectAccessible(page, 'conditions-adopt-filled');

    await page.getByTestId('adopt-submit').click();
    await page.waitForURL((url) => url.pathname === '/likvardiga-villkor');
    await expect.poll(() => page.getByTestId('conditions-current-version').textContent()).toContain('Version 4');
    expect(await page.getByTestId('conditions-current').locator('li').count()).toBe(10);
    expect(await page.getByTestId('conditions-history').locator('tbody tr').count()).toBe(4);
    expect(problems).toEqual([]);
  });
});
