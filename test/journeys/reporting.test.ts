import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations, launchBrowser, screenshot, watchPage } from '../support/browser.js';
import { startInsyn, type InsynProcess } from '../support/insyn.js';

/**
 * Follow-up in Chromium: a provider fills in a whole report with the keyboard alone (a file
 * included), sees it autosaved, meets the error summary, submits through a lost answer and gets
 * the receipt; two tabs on one report meet a conflict and choose; an administrator plans and opens
 * a round, reads its overview and works in the template builder. Zero axe violations throughout,
 * and every new page in Swedish and English at 1280 and 320 px. One server for the whole file.
 */
let insyn: InsynProcess;
let browser: Browser;

const PASSWORD = 'insyn-demo';
/** A minimal valid PDF: what a keyboard user picks in the file dialog. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

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

/** Console errors and failed requests, except requests cut short by leaving the page. */
function realProblems(problems: string[]): string[] {
  return problems.filter((p) => !p.includes('net::ERR_ABORTED'));
}

/** Waits until nothing says "loading", then runs axe and keeps a screenshot. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('main .loading, main [aria-busy="true"]').count()).toBe(0);
  const violations = await axe(page);
  await screenshot(page, name);
  expect(violations, `${name}\n${describeViolations(violations)}`).toEqual([]);
}

async function logIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

interface Focused {
  tag: string;
  id: string;
  text: string;
  type: string;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return {
      tag: a?.tagName.toLowerCase() ?? '',
      id: a?.id ?? '',
      text: (a?.textContent ?? '').trim(),
      type: (a as HTMLInputElement | null)?.type ?? '',
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches; fails after `max` presses. */
async function tabTo(page: Page, matches: (el: Focused) => boolean, { back = false, max = 60 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (matches(await focused(page))) return;
  }
  throw new Error(`The element was not reached with the keyboard (last: ${JSON.stringify(await focused(page))})`);
}

/** The id of a question's first input (the one its label and the error summary point at). */
async function inputId(page: Page, code: string): Promise<string> {
  const id = await page
    .locator(`[data-testid="question"][data-code="${code}"]`)
    .locator('input, textarea')
    .first()
    .getAttribute('id');
  if (!id) throw new Error(`No input for question ${code}`);
  return id;
}

/** Tabs to a question's first input. */
async function tabToQuestion(page: Page, code: string): Promise<void> {
  const id = await inputId(page, code);
  await tabTo(page, (el) => el.id === id);
}

type Answer =
  | { kind: 'type'; text: string }
  | { kind: 'ratio'; numerator: string; denominator: string }
  | { kind: 'checks'; count: number }
  | { kind: 'radio'; arrows?: number }
  | { kind: 'file'; name: string };

/** Every required question of "Självdeklaration Hälsoval 2025" but 5.4, answered as a person would. */
const ANSWERS: [string, Answer][] = [
  ['1.1', { kind: 'ratio', numerator: '2950', denominator: '3200' }],
  ['1.2', { kind: 'ratio', numerator: '1290', denominator: '1400' }],
  ['1.3', { kind: 'type', text: '37,5' }],
  ['1.4', { kind: 'checks', count: 2 }],
  ['1.5', { kind: 'radio' }],
  ['2.1', { kind: 'radio' }],
  ['2.2', { kind: 'file', name: 'patientsakerhetsberattelse-2025.pdf' }],
  ['2.3', { kind: 'type', text: '2' }],
  ['2.4', { kind: 'ratio', numerator: '1150', denominator: '4800' }],
  ['3.1', { kind: 'ratio', numerator: '3900', denominator: '8800' }],
  ['3.2', { kind: 'radio', arrows: 1 }],
  ['3.4', { kind: 'type', text: '46,5' }],
  ['3.5', { kind: 'ratio', numerator: '152', denominator: '180' }],
  ['4.1', { kind: 'ratio', numerator: '39', denominator: '40' }],
  ['4.2', { kind: 'type', text: '6,4' }],
  ['4.3', { kind: 'type', text: '12' }],
  ['4.4', { kind: 'radio' }],
  ['5.1', { kind: 'radio', arrows: 1 }],
  ['5.3', { kind: 'type', text: '4' }],
];

async function answer(page: Page, code: string, a: Answer): Promise<void> {
  await tabToQuestion(page, code);
  switch (a.kind) {
    case 'type':
      await page.keyboard.type(a.text);
      break;
    case 'ratio':
      await page.keyboard.type(a.numerator);
      await page.keyboard.press('Tab');
      await page.keyboard.type(a.denominator);
      break;
    case 'checks':
      for (let i = 0; i < a.count; i++) {
        if (i > 0) await page.keyboard.press('Tab');
        await page.keyboard.press('Space');
      }
      break;
    case 'radio':
      // Tab lands on the first option of a group with none chosen; Space chooses it, arrows move on.
      await page.keyboard.press('Space');
      for (let i = 0; i < (a.arrows ?? 0); i++) await page.keyboard.press('ArrowDown');
      break;
    case 'file': {
      // The keyboard user's file dialog: the focused file input receives the chosen file.
      const input = page.locator(':focus');
      expect(await input.getAttribute('type')).toBe('file');
      await input.setInputFiles({ name: a.name, mimeType: 'application/pdf', buffer: PDF });
      await expect.poll(() => page.getByTestId('attachment-name').first().textContent()).toBe(a.name);
      // Focus is on the uploaded file's box, so Tab goes on from there.
      expect((await focused(page)).id).toBe(await page.getByTestId('attachment-card').getAttribute('id'));
      break;
    }
  }
}

describe('a provider reports', () => {
  it('fills in every required question with the keyboard alone, meets the error summary, submits through a lost answer and gets the receipt', async () => {
    const { page, problems } = await open('/logga-in');
    // Log in with the keyboard.
    await tabTo(page, (el) => el.id === 'login-email');
    await page.keyboard.type('provider.inhouse@insyn.example');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');

    // The dashboard is the provider's start page: their reports only, with due dates and progress.
    await page.waitForURL(`${insyn.url}/rapporter`);
    await page.getByTestId('report-card').first().waitFor();
    await expect.poll(() => page.getByTestId('reports-count').textContent()).toBe('Visar 18 av 18');
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mina rapporter' }).getAttribute('aria-current')).toBe('page');
    const waiting = page.locator('[data-testid="report-card"][data-status="NOT_STARTED"]').first();
    expect(await waiting.textContent()).toMatch(/\d+ dagar kvar/);
    expect(await waiting.textContent()).toContain('0 av 20 obligatoriska besvarade');
    expect(await page.locator('[data-testid="report-card"][data-status="SUBMITTED"]').first().textContent()).toMatch(/Inskickad \d+ \w+ \d{4}/);
    await expectAccessible(page, 'reporting-dashboard');

    // Filter on "Inte påbörjad" with the keyboard (typing on the focused list), then open the first report.
    await tabTo(page, (el) => el.tag === 'select');
    await page.keyboard.type('Inte');
    await expect.poll(() => page.url()).toContain('status=NOT_STARTED');
    await expect.poll(async () => (await page.getByTestId('report-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-status')))).every((s) => s === 'NOT_STARTED')).toBe(true);
    const title = (await page.getByTestId('report-card').first().getByRole('heading').textContent())!.trim();
    await tabTo(page, (el) => el.tag === 'a' && el.text === title);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/rapporter\/[0-9a-f-]{36}$/);
    await page.getByTestId('report-form').waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    expect(await page.getByTestId('report-status').first().textContent()).toContain('Inte påbörjad');
    expect(await page.getByTestId('question').count()).toBe(25);
    await expectAccessible(page, 'reporting-editor-empty');

    for (const [code, a] of ANSWERS) {
      await answer(page, code, a);
      // A note and a confidentiality request, also by keyboard: open the fold, write, tick, give the reason.
      if (code === '4.3') {
        await tabTo(page, (el) => el.tag === 'summary');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Tab');
        await page.keyboard.type('Hyrläkare under sommaren.');
        await page.keyboard.press('Tab');
        expect((await focused(page)).type).toBe('checkbox');
        await page.keyboard.press('Space');
        await page.keyboard.press('Tab');
        await page.keyboard.type('Uppgiften visar våra kostnader för bemanning (affärsförhållanden).');
      }
    }

    // The computed indicator values and the autosave ("Sparat 14:02").
    expect(await page.locator('[data-code="1.1"] [data-testid="indicator-result"]').textContent()).toMatch(/^92,2\s?%$/);
    expect(await page.locator('[data-code="2.4"] [data-testid="indicator-result"]').textContent()).toMatch(/^239,6 per 1\s000$/);
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toMatch(/Sparat \d{2}:\d{2}/);
    expect(await page.getByTestId('report-bar').textContent()).toContain('19 av 20 obligatoriska besvarade');

    // Submitting with 5.4 unanswered: the summary at the top, focused, with a link to the question.
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Skicka in rapporten');
    await page.keyboard.press('Enter');
    const summary = page.getByTestId('error-summary');
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await summary.textContent()).toContain('5.4 Besvarades begäranden om insyn inom avtalad tid?: Svara på frågan – den är obligatorisk.');
    expect(await summary.getByRole('link').count()).toBe(1);
    const q54 = await inputId(page, '5.4');
    expect(await page.locator(`#${q54}`).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[data-code="5.4"]').textContent()).toContain('Fel: Svara på frågan – den är obligatorisk.');
    expect(await page.getByTestId('submit-dialog').isVisible()).toBe(false);
    await expectAccessible(page, 'reporting-editor-errors');

    // The link takes the keyboard to the question; answer it with the arrow keys.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).id).toBe(q54);
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('[data-code="5.4"] input:checked').getAttribute('value')).toBe('delvis');
    await expect.poll(() => summary.count()).toBe(0);

    // The first answer to the submit is lost on its way back: the server has the submission, the browser does not know.
    let lost = false;
    let firstReference = '';
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { operationName?: string } | null;
      if (body?.operationName === 'SubmitReport' && !lost) {
        lost = true;
        const response = await route.fetch();
        firstReference = ((await response.json()) as { data: { submitReport: { reference: string } } }).data.submitReport.reference;
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });

    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Skicka in rapporten');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Skicka in rapporten?' });
    await dialog.waitFor();
    await expect.poll(async () => (await focused(page)).text).toBe('Avbryt');
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).text).toBe('Skicka in');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('submit-failed').textContent()).toContain('Vi vet inte om rapporten kom fram.');
    expect(firstReference).toMatch(/^UPP-\d{4}-\d{6}$/);
    await tabTo(page, (el) => el.text === 'Försök igen');
    await page.keyboard.press('Enter');

    // The retry carries the same version: the same receipt comes back, not a second submission.
    await page.waitForURL(/\/rapporter\/[0-9a-f-]{36}\/kvitto\/[0-9a-f-]{36}$/);
    const reference = page.getByTestId('receipt-reference');
    await reference.waitFor();
    expect((await reference.textContent())!.trim()).toMatch(/^UPP-\d{4}-\d{6}$/);
    expect((await reference.textContent())!.trim()).toBe(firstReference);
    await expect.poll(() => page.getByTestId('flash').textContent()).toContain('Rapporten är inskickad.');
    expect(await page.getByTestId('receipt-received').textContent()).toMatch(/\d{4}/);
    expect(await page.getByTestId('answer-row').count()).toBe(25);
    expect(await page.locator('[data-testid="answer-row"][data-code="1.3"]').textContent()).toContain('37,5 timmar/vecka');
    expect(await page.locator('[data-testid="answer-row"][data-code="1.1"]').textContent()).toMatch(/2\s950 av 3\s200 \(92,2\s?%\)/);
    expect(await page.locator('[data-testid="answer-row"][data-code="2.2"]').textContent()).toContain('patientsakerhetsberattelse-2025.pdf');
    expect(await page.locator('[data-testid="answer-row"][data-code="4.3"]').textContent()).toContain('Sekretess begärd');
    expect(await page.locator('[data-testid="answer-row"][data-code="5.4"]').textContent()).toContain('Delvis');
    await expectAccessible(page, 'reporting-receipt');

    // The report itself is now read only, with its receipt.
    await page.getByRole('link', { name: 'Till rapporten' }).click();
    await page.getByTestId('read-only-note').waitFor();
    expect(await page.getByTestId('report-status').first().textContent()).toContain('Inskickad');
    expect(await page.getByTestId('report-form').count()).toBe(0);
    expect(await page.getByRole('link', { name: `Kvittens ${firstReference}` }).count()).toBe(1);

    // The one failure there should be: the submit answer the test cut off.
    expect(realProblems(problems).filter((p) => !p.includes('ERR_CONNECTION_RESET'))).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('a save that fails keeps the answer, says so, guards the tab, and saves when asked again', async () => {
    const { page, problems } = await open('/logga-in');
    await logIn(page, 'provider.private@insyn.example');
    await page.waitForURL(`${insyn.url}/rapporter`);
    await page.locator('[data-testid="report-card"][data-status="DRAFT"]').first().getByRole('link').click();
    await page.getByTestId('report-form').waitFor();

    // The connection drops for the saves.
    let offline = true;
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { operationName?: string } | null;
      if (offline && body?.operationName === 'SaveAnswers') return route.abort('internetdisconnected');
      return route.continue();
    });
    const field = page.getByLabel('2.3 Antal lex Maria-anmälningar under året');
    await field.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('9');
    await page.keyboard.press('Tab');
    const status = page.getByTestId('save-status');
    await expect.poll(() => status.textContent()).toContain('Kunde inte spara — försök igen');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await field.inputValue()).toBe('9');
    await expectAccessible(page, 'reporting-save-failed');

    // A file of a kind the region does not take is refused at its field (415), and nothing else changes.
    const file = page.locator('[data-code="2.2"] input[type="file"]');
    await file.setInputFiles({ name: 'program.exe', mimeType: 'application/octet-stream', buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04]) });
    await expect.poll(() => page.locator('[data-code="2.2"]').textContent()).toContain('Den filtypen tas inte emot.');
    expect(await file.getAttribute('aria-invalid')).toBe('true');

    // Closing the tab now asks first.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);

    // Back online: "Försök igen" saves what was typed.
    offline = false;
    await page.getByTestId('save-retry').click();
    await expect.poll(() => status.textContent()).toMatch(/Sparat \d{2}:\d{2}/);
    await page.reload();
    await page.getByTestId('report-form').waitFor();
    await expect.poll(() => page.getByLabel('2.3 Antal lex Maria-anmälningar under året').inputValue()).toBe('9');

    // The failures there should be: the saves the test cut off, and the refused file.
    expect(realProblems(problems).filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED') && !p.includes('status of 415'))).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('two tabs on one report: the second save meets a conflict, shows both answers and saves the one the user keeps', async () => {
    const a = await open('/logga-in');
    await logIn(a.page, 'provider.private@insyn.example');
    await a.page.waitForURL(`${insyn.url}/rapporter`);
    await a.page.getByTestId('report-card').first().waitFor();
    const draft = a.page.locator('[data-testid="report-card"][data-status="DRAFT"]').first();
    await draft.getByRole('link').click();
    await a.page.getByTestId('report-form').waitFor();
    const url = a.page.url();

    // The same user in a second tab, on the same version.
    const b = await open('/logga-in');
    await logIn(b.page, 'provider.private@insyn.example');
    await b.page.waitForURL(`${insyn.url}/rapporter`);
    await b.page.goto(url);
    await b.page.getByTestId('report-form').waitFor();

    // Tab A saves first.
    const inA = a.page.getByLabel('1.3 Telefontid per vecka');
    await inA.fill('40');
    await inA.blur();
    await expect.poll(() => a.page.getByTestId('save-status').textContent()).toMatch(/Sparat/);

    // Tab B saves on the old version: nothing is overwritten, both answers are shown.
    const inB = b.page.getByLabel('1.3 Telefontid per vecka');
    await inB.fill('41,5');
    await inB.blur();
    const conflict = b.page.getByTestId('conflict');
    await conflict.waitFor();
    await expect.poll(() => b.page.getByTestId('save-status').textContent()).toContain('någon annan har ändrat rapporten');
    const row = conflict.locator('[data-testid="conflict-row"][data-code="1.3"]');
    expect(await row.getByTestId('conflict-mine').textContent()).toContain('41,5 timmar/vecka');
    expect(await row.getByTestId('conflict-saved').textContent()).toContain('40 timmar/vecka');
    expect(await conflict.getByTestId('conflict-row').count()).toBe(1);
    await expectAccessible(b.page, 'reporting-conflict');

    // Saving before choosing is refused with a message; then the user keeps their answer.
    // (aria-disabled: a keyboard or screen reader user can still press it, and hears why nothing happens)
    await conflict.getByTestId('conflict-apply').click({ force: true });
    await expect.poll(() => conflict.textContent()).toContain('Välj för varje fråga först.');
    await row.getByTestId('conflict-keep-mine').click();
    expect(await row.getByTestId('conflict-keep-mine').getAttribute('aria-pressed')).toBe('true');
    await conflict.getByTestId('conflict-apply').click();
    await expect.poll(() => b.page.getByTestId('conflict').count()).toBe(0);
    await expect.poll(() => b.page.getByTestId('save-status').textContent()).toMatch(/Sparat \d{2}:\d{2}/);

    // Tab A, reloaded, has the kept answer.
    await a.page.reload();
    await a.page.getByTestId('report-form').waitFor();
    await expect.poll(() => a.page.getByLabel('1.3 Telefontid per vecka').inputValue()).toBe('41,5');

    expect(realProblems(a.problems)).toEqual([]);
    expect(realProblems(b.problems)).toEqual([]);
    await a.page.context().close();
    await b.page.context().close();
  }, 120_000);
});

/** Fills in and sends the round form (the page is on it). */
async function fillRound(page: Page, r: { name: string; period: string; template: string; choiceSystem: string; opens: string; due: string }) {
  await page.getByLabel('Namn').fill(r.name);
  await page.getByLabel('Period').fill(r.period);
  await page.getByLabel('Mall').selectOption({ label: r.template });
  await page.getByLabel('Valfrihetssystem').selectOption({ label: r.choiceSystem });
  await page.getByLabel('Öppnar').fill(r.opens);
  await page.getByLabel('Sista dag').fill(r.due);
  await page.getByTestId('round-create').click();
  await page.waitForURL(/\/uppfoljning\/[0-9a-f-]{36}$/);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(r.name);
}

describe('the region follows up', () => {
  it('an administrator reads the round overview, plans and opens a round, and works in the template builder', async () => {
    const { page, problems } = await open('/logga-in');
    await logIn(page, 'admin@insyn.example');
    await page.waitForURL(/\/admin$/);
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });

    // Rounds and the overview of the Hälsoval round: counts by status and ownership, and its reports.
    await menu.getByRole('link', { name: 'Uppföljning', exact: true }).click();
    await page.getByTestId('rounds-table').waitFor();
    // The two open 2025 rounds, and the closed half-year rounds of the published history.
    expect(await page.getByTestId('round-row').filter({ hasText: 'Öppen' }).count()).toBe(2);
    expect(await page.getByTestId('round-row').filter({ hasText: 'Stängd' }).count()).toBe(13);
    await expectAccessible(page, 'reporting-rounds');
    await page.getByRole('link', { name: 'Uppföljning Hälsoval 2025', exact: true }).click();
    await page.getByTestId('status-counts').waitFor();
    const counts = page.getByTestId('status-counts');
    expect(await counts.textContent()).toContain('Egen regi');
    expect(await counts.textContent()).toContain('Privat');
    await page.getByTestId('round-reports').waitFor();
    expect(await page.getByTestId('round-report-row').count()).toBeGreaterThan(10);
    await expectAccessible(page, 'reporting-round');
    // Filtered by status through the URL.
    await page.getByTestId('round-reports-status').selectOption('SUBMITTED');
    await expect.poll(() => page.url()).toContain('status=SUBMITTED');
    await expect.poll(async () => (await page.getByTestId('round-report-row').allTextContents()).every((r) => r.includes('Inskickad'))).toBe(true);

    // The overdue dental round: its late reports are marked in words.
    await page.goto(`${insyn.url}/uppfoljning`);
    await page.getByRole('link', { name: 'Uppföljning tandvård barn och unga vuxna 2025', exact: true }).click();
    await page.getByTestId('round-reports').waitFor();
    await expect.poll(() => page.getByTestId('overdue').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('overdue').first().textContent()).toMatch(/Försenad \d+ dag/);

    // Plan a round: the form's checks first, at the top and at each field.
    await page.goto(`${insyn.url}/uppfoljning`);
    await page.getByTestId('new-round').click();
    await page.getByTestId('round-form').waitFor();
    await page.getByLabel('Period').fill('2026-X');
    await page.getByTestId('round-create').click();
    const summary = page.getByTestId('error-summary');
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await summary.textContent()).toContain('Ange ett namn.');
    expect(await summary.textContent()).toContain('Skriv perioden som');
    expect(await summary.textContent()).toContain('Välj en mall.');
    expect(await page.getByLabel('Period').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'reporting-round-new-errors');
    await fillRound(page, {
      name: 'Uppföljning tandvård 2026 T1',
      period: '2026-T1',
      template: 'Självdeklaration tandvård barn och unga vuxna 2025 (version 1)',
      choiceSystem: 'Vårdval allmäntandvård barn och unga vuxna',
      opens: '2026-12-01',
      due: '2027-01-31',
    });
    await expect.poll(() => page.getByTestId('flash').textContent()).toContain('Omgången Uppföljning tandvård 2026 T1 är skapad.');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Uppföljning tandvård 2026 T1');
    expect(await page.getByText('Planerad', { exact: true }).count()).toBeGreaterThan(0);

    // Opening asks first; the reports are there afterwards.
    await page.getByTestId('open-round').click();
    await page.getByRole('dialog', { name: 'Öppna Uppföljning tandvård 2026 T1?' }).waitFor();
    await expectAccessible(page, 'reporting-round-open-dialog');
    await page.getByTestId('open-round-confirm').click();
    await expect.poll(() => page.getByTestId('flash').textContent()).toMatch(/Omgången är öppen\. \d+ rapporter finns nu\./);
    await page.getByTestId('status-counts').waitFor();
    expect(await page.getByText('Öppen', { exact: true }).count()).toBeGreaterThan(0);
    // Opening again creates nothing twice.
    const before = await page.getByTestId('flash').textContent();
    await page.getByTestId('open-round').click();
    await page.getByTestId('open-round-confirm').click();
    await expect.poll(() => page.getByTestId('flash').textContent()).toBe(before);

    // A round already past its due date: every in-house and private Hälsoval report in it is overdue.
    await page.goto(`${insyn.url}/uppfoljning/ny`);
    await page.getByTestId('round-form').waitFor();
    await fillRound(page, {
      name: 'Uppföljning Hälsoval 2026 H1',
      period: '2026-H1',
      template: 'Självdeklaration Hälsoval 2025 (version 1)',
      choiceSystem: 'Hälsoval Region Jämtland Härjedalen',
      opens: '2026-07-01',
      due: '2026-09-30',
    });
    await page.getByTestId('open-round').click();
    await page.getByTestId('open-round-confirm').click();
    await expect.poll(() => page.getByTestId('flash').textContent()).toMatch(/Omgången är öppen\./);
    await page.getByTestId('round-reports').waitFor();
    await expect.poll(() => page.getByTestId('overdue').count()).toBeGreaterThan(10);

    // The template builder: the list, a published template (content, preview, coverage).
    await menu.getByRole('link', { name: 'Administration', exact: true }).click();
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Mallar', exact: true }).click();
    await page.getByTestId('templates-table').waitFor();
    expect(await page.getByTestId('template-row').count()).toBe(2);
    await expectAccessible(page, 'reporting-templates');
    await page.getByRole('link', { name: 'Självdeklaration tandvård barn och unga vuxna 2025' }).click();
    await page.getByTestId('template-content').waitFor();
    await expectAccessible(page, 'reporting-template-published');
    // Tabs with the arrow keys.
    await page.getByTestId('tab-content').focus();
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('template-preview').waitFor();
    expect(await page.getByTestId('question').count()).toBe(8);
    await expectAccessible(page, 'reporting-template-preview');
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('coverage').waitFor();
    // Goals and guidelines without a question are marked in words.
    expect(await page.locator('[data-testid="coverage-goal"].is-uncovered').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="coverage-goal"].is-uncovered').first().textContent()).toContain('Ingen fråga');
    await expectAccessible(page, 'reporting-template-coverage');

    // A new version is a draft: add a question (the checks first), save, publish.
    await page.getByTestId('new-template-version').click();
    await page.getByTestId('template-form').waitFor();
    await expect.poll(() => page.getByTestId('flash').textContent()).toContain('Version 2 är skapad som utkast.');
    await expectAccessible(page, 'reporting-template-draft');
    await page.getByTestId('add-question').nth(1).click();
    await page.getByTestId('template-save').click();
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await summary.textContent()).toContain('Välj vilken typ av svar frågan har.');
    expect(await summary.textContent()).toContain('Skriv frågan.');
    await expectAccessible(page, 'reporting-template-draft-errors');
    const added = page.getByTestId('template-section').nth(1).getByTestId('template-question').last();
    await added.getByLabel('Typ av svar').selectOption('MULTI_CHOICE');
    await added.getByLabel('Fråga (svenska)').fill('Vilka språk erbjuds tolk på?');
    await added.getByLabel('Nyckel').fill('arabiska');
    await added.getByLabel('Text (svenska)', { exact: true }).fill('Arabiska');
    await added.getByLabel('Mål (valfritt)', { exact: true }).selectOption({ index: 3 });
    await page.getByTestId('template-save').click();
    await expect.poll(() => page.getByTestId('flash').textContent()).toContain('Utkastet är sparat.');
    await page.getByTestId('tab-preview').click();
    expect(await page.getByTestId('question').count()).toBe(9);
    await page.getByTestId('tab-edit').click();
    await page.getByTestId('publish-template').click();
    await page.getByRole('dialog').waitFor();
    await page.getByTestId('publish-confirm').click();
    await expect.poll(() => page.getByTestId('flash').textContent()).toContain('Mallen är publicerad.');
    await page.getByTestId('new-template-version').waitFor();
    expect(await page.getByTestId('template-form').count()).toBe(0);

    expect(realProblems(problems)).toEqual([]);
    await page.context().close();
  }, 180_000);
});

describe('every follow-up page', () => {
  for (const width of [1280, 320]) {
    it(`has no axe violations in Swedish and English at ${width} px, and never scrolls sideways`, async () => {
      // The provider's pages: the dashboard, an open report, a submitted one and its receipt.
      const provider = await open('/logga-in', width);
      await logIn(provider.page, 'provider.inhouse@insyn.example');
      await provider.page.waitForURL(`${insyn.url}/rapporter`);
      await provider.page.getByTestId('report-card').first().waitFor();
      // The overdue round's reports come first, marked in words, and the list pages.
      await expect.poll(() => provider.page.getByTestId('reports-count').textContent()).toBe('Visar 20 av 36');
      expect(await provider.page.locator('.report-card--overdue').first().textContent()).toMatch(/Försenad \d+ dagar/);
      await provider.page.getByTestId('load-more').click();
      await expect.poll(() => provider.page.getByTestId('reports-count').textContent()).toBe('Visar 36 av 36');
      const href = (status: string) => provider.page.locator(`[data-testid="report-card"][data-status="${status}"]`).first().getByRole('link').getAttribute('href');
      const notStarted = (await href('NOT_STARTED'))!;
      const draft = (await href('DRAFT'))!;
      const submitted = (await href('SUBMITTED'))!;
      await provider.page.goto(`${insyn.url}${submitted}`);
      const receipt = (await provider.page.getByRole('link', { name: /^Kvittens UPP-/ }).first().getAttribute('href'))!;

      // The region's pages.
      const admin = await open('/logga-in', width);
      await logIn(admin.page, 'admin@insyn.example');
      await admin.page.waitForURL(/\/admin$/);
      await admin.page.goto(`${insyn.url}/uppfoljning`);
      const round = (await admin.page.getByTestId('round-row').first().getByRole('link').getAttribute('href'))!;
      await admin.page.goto(`${insyn.url}/admin/mallar`);
      const template = (await admin.page.getByTestId('template-row').first().getByRole('link').getAttribute('href'))!;

      const check = async (page: Page, pages: [string, string][], language: string) => {
        for (const [path, name] of pages) {
          await page.goto(`${insyn.url}${path}`);
          await page.locator('main h1').first().waitFor();
          await expect.poll(() => page.getAttribute('html', 'lang')).toBe(language);
          await page.waitForLoadState('networkidle');
          await expect.poll(() => page.locator('main .loading, main [aria-busy="true"]').count()).toBe(0);
          const violations = await axe(page);
          await screenshot(page, `reporting-${name}-${language}-${width}`);
          expect(violations, `${path} (${language}, ${width} px)\n${describeViolations(violations)}`).toEqual([]);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
          expect(overflow, `${path} scrolls sideways at ${width} px`).toBe(false);
          expect(await page.getByTestId('no-access').count(), path).toBe(0);
        }
      };
      for (const language of ['sv', 'en']) {
        for (const { page } of [provider, admin]) {
          if (language === 'en') await page.evaluate(() => localStorage.setItem('insyn.language', 'en'));
        }
        await check(
          provider.page,
          [
            ['/rapporter', 'dashboard'],
            [notStarted, 'report-open'],
            [draft, 'report-draft'],
            [submitted, 'report-submitted'],
            [receipt, 'receipt'],
          ],
          language,
        );
        await check(
          admin.page,
          [
            ['/uppfoljning', 'rounds'],
            [round, 'round'],
            ['/uppfoljning/ny', 'round-new'],
            [notStarted, 'report-as-admin'],
            ['/admin/mallar', 'templates'],
            [template, 'template'],
            ['/admin/mallar/ny', 'template-new'],
          ],
          language,
        );
      }
      expect(realProblems(provider.problems)).toEqual([]);
      expect(realProblems(admin.problems)).toEqual([]);
      await provider.page.context().close();
      await admin.page.context().close();
    }, 300_000);
  }
});
