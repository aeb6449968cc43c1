import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, watchPage } from '../support/browser.js';
import { startInsyn, type InsynProcess } from '../support/insyn.js';

/**
 * The review of a report, from both sides: the reviewer opens a submitted in-house report from the
 * queue, comments on two answers and requests changes with a reason; the in-house provider sees
 * the reason and the threads, replies, changes an answer and submits again; the reviewer sees what
 * changed and approves with an assessment per goal; the provider's users get e-mail of both
 * decisions. axe-core finds nothing on the queue, the review with a thread open, and each
 * decision dialog. One server (with its own embedded PostgreSQL and the demo data) for the file.
 */
let insyn: InsynProcess;
let browser: Browser;
let reviewer: Page;
let provider: Page;
const contexts: BrowserContext[] = [];
/** Console errors and failed requests of every page. */
const pages: string[][] = [];

const PASSWORD = 'insyn-demo';
const REASON = 'Telefontiden per vecka verkar för låg jämfört med förra året.\nKontrollera siffran och komplettera.';
const COMMENT_PHONE = 'Andelen samtal samma dag ligger under målet. Vad gör ni åt det?';
const COMMENT_HOURS = 'Stämmer antalet timmar? <script>window.hacked = 1</script>';
const REPLY = 'Vi har anställt en sjuksköterska till i telefonen från mars.\nSiffran för timmar är rättad.';

let reportUrl = '';
let reference = '';
/** The weekly telephone hours (question 1.3) as first submitted. */
let hoursBefore = '';

beforeAll(async () => {
  insyn = await startInsyn();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  if (insyn) {
    expect(await insyn.stop()).toBe(0);
    fs.rmSync(insyn.dataDir, { recursive: true, force: true });
  }
});

async function logIn(email: string, to: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  contexts.push(context);
  const page = await context.newPage();
  const seen = watchPage(page);
  pages.push(seen);
  await page.goto(`${insyn.url}/logga-in?till=${encodeURIComponent(to)}`);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL((url) => url.pathname === to.split('?')[0]);
  return page;
}

function answer(page: Page, code: string) {
  return page.locator(`[data-testid="review-answer"][data-code="${code}"]`);
}

/** Opens a question's threads and starts one with the text: with the mouse, or with the keyboard alone. */
async function comment(page: Page, code: string, text: string, { keyboard = false } = {}): Promise<void> {
  const item = answer(page, code);
  const panel = item.getByRole('region', { name: `Kommentarer om fråga ${code}` });
  if (keyboard) {
    await item.getByTestId('threads-toggle').focus();
    await page.keyboard.press('Enter');
    expect(await item.getByTestId('threads-toggle').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type(text);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
  } else {
    await item.getByTestId('threads-toggle').click();
    await panel.getByLabel('Kommentar', { exact: true }).fill(text);
    await panel.getByRole('button', { name: 'Starta tråd' }).click();
  }
  await expect.poll(() => panel.getByTestId('comment').first().textContent()).toContain(text);
}

async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return `${el?.tagName.toLowerCase()}:${(el?.textContent ?? '').trim().slice(0, 60)}`;
  });
}

/** Decodes a quoted-printable UTF-8 e-mail. */
function decodeMail(raw: string): string {
  const soft = raw.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft[i] === '=' ? /^[0-9A-F]{2}$/.exec(soft.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function mailsTo(address: string): string[] {
  const dir = path.join(insyn.dataDir, 'mail');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml') && f.includes(address))
    .map((f) => decodeMail(fs.readFileSync(path.join(dir, f), 'utf8')));
}

describe('reviewing a report', () => {
  it('the reviewer finds the submitted in-house report in the queue and comments on two answers', async () => {
    reviewer = await logIn('reviewer@insyn.example', '/granskning');
    await reviewer.getByRole('heading', { level: 1, name: 'Granskning' }).waitFor();
    expect(await reviewer.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Granskning' }).getAttribute('aria-current')).toBe('page');
    // The queue opens on submitted reports; the counts per status say how many there are.
    await expect.poll(() => reviewer.getByTestId('count-SUBMITTED').getAttribute('aria-current')).toBe('true');
    await expect.poll(() => reviewer.getByTestId('queue-count').textContent()).toMatch(/^Visar \d+ av \d+\. Längst väntande först\.$/);
    await expectAccessible(reviewer, 'review-queue');

    // Only the in-house providers: the filter lands in the URL.
    await reviewer.getByLabel('Driftform').selectOption('IN_HOUSE');
    await reviewer.waitForURL(/driftform=IN_HOUSE/);
    const rows = reviewer.getByTestId('queue-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await expect.poll(async () => (await rows.allTextContents()).every((t) => t.includes('Egen regi'))).toBe(true);
    const row = rows.first();
    reference = (await row.getAttribute('data-reference'))!;
    expect(await row.textContent()).toContain('Inskickad');
    await row.getByTestId('queue-link').click();
    await reviewer.waitForURL(/\/granskning\/[^/?]+$/);
    reportUrl = new URL(reviewer.url()).pathname;
    await reviewer.getByRole('heading', { level: 2, name: 'Beslut om rapporten' }).waitFor();
    expect(await reviewer.getByTestId('report-status').first().textContent()).toContain('Inskickad');

    // Every answer with its question; an indicator against its target in words, not colour alone.
    await expect.poll(() => answer(reviewer, '1.1').textContent()).toContain('Samtal under telefontid');
    const level = answer(reviewer, '1.1').getByTestId('target-level');
    expect(await level.textContent()).toMatch(/^.?(Grön|Gul|Röd) – /);
    expect(await answer(reviewer, '1.1').textContent()).toContain('Målvärde 2025');
    expect(await reviewer.getByTestId('confidential').count()).toBeGreaterThan(0);

    hoursBefore = (await answer(reviewer, '1.3').getByTestId('answer-value').textContent())!;
    expect(hoursBefore).toMatch(/timmar\/vecka$/);
    await comment(reviewer, '1.1', COMMENT_PHONE);
    await comment(reviewer, '1.3', COMMENT_HOURS, { keyboard: true });
    // Plain text: the markup is shown, never run.
    expect(await answer(reviewer, '1.3').getByTestId('comment').first().textContent()).toContain('<script>window.hacked = 1</script>');
    expect(await reviewer.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
    await expect.poll(() => reviewer.getByTestId('open-thread-count').textContent()).toBe('2 olösta trådar');
    await expectAccessible(reviewer, 'review-report-threads');
  }, 90_000);

  it('the reviewer requests changes with a reason, with the keyboard alone, in an accessible dialog that says what is missing', async () => {
    await reviewer.getByTestId('request-changes').focus();
    await reviewer.keyboard.press('Enter');
    const dialog = reviewer.getByTestId('request-changes-dialog');
    await dialog.getByRole('heading', { name: 'Begär komplettering' }).waitFor();
    // Focus starts at the dialog's title; Tab goes to the reason, then to the button.
    await expect.poll(() => focused(reviewer)).toBe('h2:Begär komplettering');
    await expectAccessible(reviewer, 'review-dialog-request');
    await reviewer.keyboard.press('Tab');
    expect(await focused(reviewer)).toBe('textarea:');
    await reviewer.keyboard.press('Tab');
    expect(await focused(reviewer)).toBe('button:Skicka tillbaka till utföraren');
    // Without a reason: the message is in the dialog, at the field, and the summary takes focus.
    await reviewer.keyboard.press('Enter');
    await expect.poll(() => dialog.getByTestId('error-summary').textContent()).toContain('Skriv ett skäl.');
    await expect.poll(() => focused(reviewer)).toMatch(/^div:Det finns fel i formuläret/);
    expect(await dialog.getByLabel('Skäl').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(reviewer, 'review-dialog-request-error');
    // The summary's link leads to the field.
    await reviewer.keyboard.press('Tab');
    await reviewer.keyboard.press('Enter');
    expect(await focused(reviewer)).toBe('textarea:');
    await reviewer.keyboard.type(REASON);
    await reviewer.keyboard.press('Tab');
    await reviewer.keyboard.press('Enter');
    await expect.poll(() => reviewer.getByTestId('report-status').first().textContent()).toContain('Komplettering begärd');
    await expect.poll(() => reviewer.getByTestId('flash').textContent()).toContain('skickad tillbaka till utföraren');
    expect(await dialog.isVisible()).toBe(false);
    expect(await reviewer.getByTestId('latest-request').textContent()).toContain('Kontrollera siffran och komplettera.');
    expect(await reviewer.getByTestId('decisions').textContent()).toContain('Komplettering begärd');
    expect(await reviewer.getByTestId('history').textContent()).toContain('Komplettering begärdes');
    // No decision to take while the provider works on it.
    expect(await reviewer.getByTestId('approve').count()).toBe(0);
  }, 60_000);

  it('the in-house provider sees the reason and the threads, replies, changes an answer and submits again', async () => {
    const reportId = reportUrl.split('/').pop()!;
    provider = await logIn('provider.inhouse@insyn.example', `/rapporter/${reportId}`);
    // A notification in the header, and on the report the region's reason and threads.
    // Its accessible name carries the count ("Notiser (3 olästa)"), not only the number shown.
    await expect.poll(() => provider.getByRole('link', { name: /^Notiser \(\d+ olästa?\)$/ }).count(), { timeout: 15_000 }).toBe(1);
    const panel = provider.getByTestId('provider-threads');
    await expect.poll(() => panel.getByTestId('change-request').textContent(), { timeout: 15_000 }).toContain('Telefontiden per vecka verkar för låg');
    // The reason keeps its line break (plain text, pre-wrap).
    expect(await panel.getByTestId('change-request').locator('.pre-wrap').evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-wrap');
    const threads = panel.getByTestId('thread');
    await expect.poll(() => threads.count()).toBe(2);
    expect(await panel.textContent()).toContain(COMMENT_PHONE);

    const phoneThread = threads.filter({ hasText: COMMENT_PHONE });
    await phoneThread.getByLabel('Ditt svar').fill(REPLY);
    await phoneThread.getByRole('button', { name: 'Skicka' }).click();
    await expect.poll(() => phoneThread.getByTestId('comment').count()).toBe(2);
    expect(await phoneThread.getByTestId('comment').nth(1).textContent()).toContain('Ingrid Egenregi (utförare)');
    await expectAccessible(provider, 'review-provider-threads');

    // Change the weekly telephone hours in the form, let it save, and submit again.
    const hours = provider.locator('[data-testid="question"][data-code="1.3"]').getByRole('textbox').first();
    await hours.fill('31,5');
    await hours.press('Tab');
    await expect.poll(() => provider.getByTestId('save-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('idle');
    await expect.poll(() => provider.getByTestId('save-status').textContent()).toContain('Sparat');
    await provider.getByTestId('submit-report').click();
    await provider.getByTestId('submit-dialog').getByTestId('submit-confirm').click();
    await provider.waitForURL(/\/kvitto\//, { timeout: 15_000 });
  }, 90_000);

  it('the reviewer sees what changed and approves with an assessment of each goal', async () => {
    await reviewer.goto(`${insyn.url}${reportUrl}`);
    await expect.poll(() => reviewer.getByTestId('report-status').first().textContent()).toContain('Inskickad');
    // The provider's reply is in the thread of question 1.1.
    await expect.poll(() => answer(reviewer, '1.1').textContent()).toContain('Vi har anställt en sjuksköterska');

    const toggle = reviewer.getByLabel('Visa bara ändrade svar');
    await toggle.check();
    await expect.poll(() => reviewer.getByTestId('review-answer').count()).toBe(1);
    const changed = answer(reviewer, '1.3');
    expect(await changed.getByTestId('changed-flag').textContent()).toContain('Ändrat sedan förra inlämningen');
    expect(await changed.getByTestId('previous-value').textContent()).toBe(hoursBefore);
    expect(await changed.getByTestId('current-value').textContent()).toBe('31,5 timmar/vecka');
    // The thread about the hours stays with its question across the resubmission.
    expect(await changed.textContent()).toContain('Svaret har ändrats sedan tråden startade.');
    await toggle.uncheck();
    await expect.poll(() => reviewer.getByTestId('review-answer').count()).toBeGreaterThan(10);

    await reviewer.getByTestId('approve').click();
    const dialog = reviewer.getByTestId('approve-dialog');
    await dialog.getByRole('heading', { name: 'Godkänn rapporten' }).waitFor();
    await expectAccessible(reviewer, 'review-dialog-approve');
    const goals = dialog.getByTestId('assessment');
    const n = await goals.count();
    expect(n).toBeGreaterThan(0);
    // Nothing chosen: each goal says so in the dialog.
    await dialog.getByTestId('decision-submit').click();
    await expect.poll(() => goals.getByText('Välj en bedömning för målet.').count()).toBe(n);
    await expectAccessible(reviewer, 'review-dialog-approve-error');
    for (let i = 0; i < n; i++) {
      await goals.nth(i).getByLabel('Bedömning').selectOption({ label: i === 1 ? 'Delvis uppfyllt' : 'Uppfyllt' });
    }
    await goals.nth(1).getByLabel(/Motivering/).fill('Telefontillgängligheten når inte målet ännu.');
    await dialog.getByTestId('decision-submit').click();
    await expect.poll(() => reviewer.getByTestId('report-status').first().textContent()).toContain('Godkänd');
    const assessments = reviewer.getByTestId('assessments');
    expect(await assessments.textContent()).toContain('Delvis uppfyllt');
    expect(await assessments.textContent()).toContain('Telefontillgängligheten når inte målet ännu.');
    expect(await reviewer.getByTestId('history').textContent()).toContain('Rapporten godkändes');

    // On an approved report one question can be reopened: the dialog is there, and accessible.
    await reviewer.getByTestId('reopen-question').click();
    const reopen = reviewer.getByTestId('reopen-dialog');
    await reopen.getByRole('heading', { name: 'Öppna en fråga igen' }).waitFor();
    await reopen.getByTestId('decision-submit').click();
    await expect.poll(() => reopen.getByTestId('error-summary').textContent()).toContain('Välj vilken fråga som ska öppnas.');
    await expectAccessible(reviewer, 'review-dialog-reopen');
    await reviewer.keyboard.press('Escape');
    await expect.poll(() => reopen.isVisible()).toBe(false);
    expect(await reviewer.getByTestId('report-status').first().textContent()).toContain('Godkänd');
  }, 90_000);

  it('the provider gets e-mail of the request and of the approval', async () => {
    const deadline = Date.now() + 90_000;
    let mails: string[] = [];
    const wanted = (m: string) => m.includes(reference);
    while (Date.now() < deadline) {
      mails = mailsTo('provider.inhouse@insyn.example').filter(wanted);
      if (mails.some((m) => m.includes('Kontrollera siffran och komplettera.')) && mails.some((m) => m.includes('har godkänt'))) break;
      await new Promise((r) => setTimeout(r, 2000));
    }
    const request = mails.find((m) => m.includes('Kontrollera siffran och komplettera.'));
    expect(request, 'an e-mail with the reason for the request').toBeTruthy();
    expect(request).toContain('Regionen har begärt komplettering');
    expect(mails.some((m) => m.includes(`Regionen har godkänt rapport ${reference}`)), 'an e-mail about the approval').toBe(true);
    expect(pages.flat().filter((p) => !p.includes('net::ERR_ABORTED'))).toEqual([]);
  }, 100_000);
});
