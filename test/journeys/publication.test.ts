import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, watchPage } from '../support/browser.js';
import { startInsyn, type InsynProcess } from '../support/insyn.js';

/**
 * Publication and insight requests behind the login. The reviewer opens an approved in-house
 * report, grants its confidentiality request with a reason (keyboard only), checks the preview,
 * publishes it and corrects a value with a reason; the in-house provider sends a public response
 * and the reviewer accepts it. A member of the public files an insight request through the public
 * form; the reviewer registers it and forwards it to the private provider, which answers with a
 * business secret marked; the reviewer decides (partly disclosed, with the legal ground and the
 * prefilled appeal text) and closes it. axe-core finds nothing on any state.
 */
let insyn: InsynProcess;
let browser: Browser;
let reviewer: Page;
const contexts: BrowserContext[] = [];
const pages: string[][] = [];

const PASSWORD = 'insyn-demo';
const GRANT_REASON = 'Uppgiften avslöjar avtalade priser och är en affärshemlighet (OSL 31 kap. 16 §).';
const CORRECT_REASON = 'Fel siffra i rapporten: utföraren har bekräftat rätt antal timmar per vecka.';
const RESPONSE = 'Vi har utökat telefontiden från mars.\nVälkommen att ringa oss!';
const ANSWER = 'Under 2025 hade vi i genomsnitt 1,8 läkare per 1 000 listade. Vårt avtal med bemanningsföretaget bifogas i sammandrag.';
const SECRET = 'Timpriset i avtalet med bemanningsföretaget.';

let reportId = '';
/** The question of the report whose confidentiality request is granted. */
let confidentialCode = '';
let correctedTo = '';
let insightReference = '';
let insightUrl = '';

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

async function newPage(width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'sv-SE' });
  contexts.push(context);
  const page = await context.newPage();
  pages.push(watchPage(page));
  return page;
}

async function logIn(email: string, to: string): Promise<Page> {
  const page = await newPage();
  await page.goto(`${insyn.url}/logga-in?till=${encodeURIComponent(to)}`);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL((url) => url.pathname === to.split('?')[0]);
  return page;
}

/** A GraphQL query with the page's session (same origin, JSON: what the app itself sends). */
async function query<T>(page: Page, text: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await page.evaluate(
    async ({ text, variables }) => {
      const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: text, variables }) });
      return res.json();
    },
    { text, variables },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as T;
}

async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return `${el?.tagName.toLowerCase()}:${(el?.textContent ?? '').trim().slice(0, 60)}`;
  });
}

describe('publishing a report', () => {
  it('the reviewer grants a confidentiality request with the keyboard and sees it withheld in the preview', async () => {
    reviewer = await logIn('reviewer@insyn.example', '/granskning');
    // An approved, unpublished report of the in-house provider (whose user answers below) that asks for confidentiality.
    type Reports = { reports: { edges: { node: { id: string; provider: { name: string }; answers: { confidentialityRequested: boolean; question: { code: string } }[] } }[] } };
    const data = await query<Reports>(
      reviewer,
      `query { reports(filter: { status: [APPROVED] }, first: 100) { edges { node { id provider { name } answers { confidentialityRequested question { code } } } } } }`,
    );
    const candidates = data.reports.edges.map((e) => e.node).filter((r) => r.provider.name === 'Primärvården Region Jämtland Härjedalen');
    const report = candidates.find((r) => r.answers.some((a) => a.confidentialityRequested));
    expect(report, 'an approved in-house report with a confidentiality request in the demo data').toBeTruthy();
    reportId = report!.id;
    confidentialCode = report!.answers.find((a) => a.confidentialityRequested)!.question.code;

    await reviewer.goto(`${insyn.url}/granskning/${reportId}`);
    const panel = reviewer.getByTestId('publication-panel');
    await panel.getByRole('heading', { level: 2, name: 'Publicering' }).waitFor();
    const request = panel.locator(`[data-testid="confidentiality-request"][data-code="${confidentialCode}"]`);
    await expect.poll(() => request.getByTestId('confidentiality-decision').textContent()).toContain('Inget beslut ännu');
    // Not publishable until every request is decided: the button says why.
    await panel.getByTestId('pending-confidentiality').waitFor();
    expect(await panel.getByTestId('publish').getAttribute('aria-disabled')).toBe('true');
    await expectAccessible(reviewer, 'publication-approved');

    await request.getByRole('button', { name: `Bevilja sekretess för fråga ${confidentialCode}` }).focus();
    await reviewer.keyboard.press('Enter');
    const dialog = reviewer.getByTestId('confidentiality-dialog');
    await dialog.getByRole('heading', { name: 'Bevilja sekretess' }).waitFor();
    await expect.poll(() => focused(reviewer)).toBe('h2:Bevilja sekretess');
    // Without a reason: the summary takes focus and names the field.
    await reviewer.keyboard.press('Tab');
    expect(await focused(reviewer)).toBe('textarea:');
    await reviewer.keyboard.press('Tab');
    expect(await focused(reviewer)).toBe('button:Bevilja sekretess');
    await reviewer.keyboard.press('Enter');
    await expect.poll(() => dialog.getByTestId('error-summary').textContent()).toContain('Skriv ett skäl.');
    await expect.poll(() => focused(reviewer)).toMatch(/^div:Det finns fel i formuläret/);
    await expectAccessible(reviewer, 'publication-dialog-confidentiality-error');
    await reviewer.keyboard.press('Tab');
    await reviewer.keyboard.press('Enter');
    expect(await focused(reviewer)).toBe('textarea:');
    await reviewer.keyboard.type(GRANT_REASON);
    await reviewer.keyboard.press('Tab');
    await reviewer.keyboard.press('Enter');
    await expect.poll(() => reviewer.getByTestId('flash').textContent()).toContain(`Sekretess för fråga ${confidentialCode} är beviljad.`);
    expect(await dialog.isVisible()).toBe(false);
    await expect.poll(() => request.getByTestId('confidentiality-decision').getAttribute('data-granted')).toBe('true');
    expect(await request.textContent()).toContain(GRANT_REASON);

    // The preview: the granted answer is withheld with its reason and is not among the values.
    const preview = panel.getByTestId('publication-preview');
    await expect.poll(() => preview.locator(`[data-testid="withheld-answer"][data-code="${confidentialCode}"]`).getAttribute('data-reason')).toBe('CONFIDENTIAL');
    expect(await preview.locator(`[data-testid="preview-value"][data-code="${confidentialCode}"]`).count()).toBe(0);
    expect(await preview.getByTestId('preview-value').count()).toBeGreaterThan(5);
    // A suppressed value reads as words, never as a number.
    for (const cell of await preview.getByTestId('suppressed').all()) expect(await cell.textContent()).toContain('Färre än 5 – visas inte');
    await expect.poll(() => panel.getByTestId('publish').getAttribute('aria-disabled')).toBe('false');
    await expectAccessible(reviewer, 'publication-preview');
  }, 120_000);

  it('the reviewer publishes after confirming, with the keyboard alone', async () => {
    const panel = reviewer.getByTestId('publication-panel');
    const previewCount = await panel.getByTestId('preview-value').count();
    await panel.getByTestId('publish').focus();
    await reviewer.keyboard.press('Enter');
    const dialog = reviewer.getByTestId('publish-dialog');
    await dialog.getByRole('heading', { name: 'Publicera rapporten?' }).waitFor();
    expect(await dialog.textContent()).toContain(`${previewCount} värden publiceras.`);
    await expectAccessible(reviewer, 'publication-dialog-publish');
    await reviewer.keyboard.press('Tab');
    expect(await focused(reviewer)).toBe('button:Ja, publicera');
    await reviewer.keyboard.press('Enter');
    await expect.poll(() => reviewer.getByTestId('flash').textContent(), { timeout: 15_000 }).toContain('Rapporten är publicerad.');
    await expect.poll(() => reviewer.getByTestId('report-status').first().textContent()).toContain('Publicerad');
    const values = panel.getByTestId('published-values');
    await expect.poll(() => values.getByTestId('published-value').count()).toBe(previewCount);
    expect(await values.locator(`[data-testid="published-value"][data-code="${confidentialCode}"]`).count()).toBe(0);
    expect(await panel.getByTestId('correction-log').count()).toBe(0);
    await expectAccessible(reviewer, 'publication-published');
  }, 60_000);

  it('the reviewer corrects a published value with a reason, and the log keeps the old value', async () => {
    const panel = reviewer.getByTestId('publication-panel');
    const row = panel.locator('[data-testid="published-value"][data-code="1.3"]');
    const before = (await row.getByTestId('shown-value').textContent())!;
    const [typed, shown] = before.startsWith('31,5 ') ? ['32', '32 timmar/vecka'] : ['31,5', '31,5 timmar/vecka'];
    await row.getByRole('button', { name: 'Rätta värdet för fråga 1.3' }).click();
    const dialog = reviewer.getByTestId('correct-dialog');
    await dialog.getByRole('heading', { name: 'Rätta ett publicerat värde' }).waitFor();
    expect(await dialog.getByTestId('correct-current').textContent()).toBe(before);
    // The same value and no reason: both said at their fields.
    await dialog.getByTestId('dialog-submit').click();
    await expect.poll(() => dialog.getByTestId('error-summary').textContent()).toContain('Det nya värdet är samma som det publicerade.');
    expect(await dialog.getByTestId('error-summary').textContent()).toContain('Skriv ett skäl.');
    await expectAccessible(reviewer, 'publication-dialog-correct-error');
    await dialog.getByLabel('Nytt värde').fill(typed);
    await dialog.getByLabel('Skäl').fill(CORRECT_REASON);
    await dialog.getByTestId('dialog-submit').click();
    await expect.poll(() => reviewer.getByTestId('flash').textContent()).toContain('Värdet för fråga 1.3 är rättat.');
    await expect.poll(() => row.getByTestId('shown-value').textContent()).toBe(shown);
    expect(await row.textContent()).toContain('Version 2');
    const log = panel.getByTestId('correction-log');
    const entry = log.locator('[data-testid="correction"][data-code="1.3"]');
    expect(await entry.getByTestId('correction-old').textContent()).toBe(before);
    expect(await entry.getByTestId('correction-new').textContent()).toBe(shown);
    correctedTo = shown;
    expect(await entry.textContent()).toContain(CORRECT_REASON);
    await expectAccessible(reviewer, 'publication-corrected');
  }, 60_000);
});

describe('the public response', () => {
  it('the provider sees its published values and sends a response within the limit', async () => {
    const provider = await logIn('provider.inhouse@insyn.example', `/rapporter/${reportId}`);
    const panel = provider.getByTestId('provider-publication');
    await panel.getByRole('heading', { level: 2, name: 'Publicerat' }).waitFor();
    await expect.poll(() => panel.locator('[data-testid="published-value"][data-code="1.3"]').getByTestId('shown-value').textContent()).toBe(correctedTo);
    expect(await panel.locator(`[data-testid="published-value"][data-code="${confidentialCode}"]`).count()).toBe(0);
    expect(await panel.getByTestId('correction-log').textContent()).toContain(CORRECT_REASON);

    const form = panel.getByTestId('public-response-form');
    await form.getByTestId('submit-response').click();
    await expect.poll(() => form.getByTestId('error-summary').textContent()).toContain('Skriv ett svar.');
    const field = form.getByLabel('Svar till allmänheten');
    await field.fill('x'.repeat(2001));
    await expect.poll(() => form.getByTestId('char-counter').textContent()).toContain('2001 av 2000 tecken');
    await form.getByTestId('submit-response').click();
    await expect.poll(() => form.getByTestId('error-summary').textContent()).toContain('högst 2000 tecken');
    await expectAccessible(provider, 'publication-provider-response-error');
    await field.fill(RESPONSE);
    expect(await form.getByTestId('char-counter').textContent()).toContain(`${RESPONSE.length} av 2000 tecken`);
    await form.getByTestId('submit-response').click();
    await expect.poll(() => provider.getByTestId('flash').textContent()).toContain('Svaret är skickat.');
    const latest = panel.getByTestId('latest-response');
    await expect.poll(() => latest.getByTestId('response-status').getAttribute('data-status')).toBe('PENDING');
    expect(await latest.textContent()).toContain('Vi har utökat telefontiden från mars.');
    await expectAccessible(provider, 'publication-provider-response-pending');

    // The reviewer accepts it; the provider then sees it accepted.
    await reviewer.reload();
    const pending = reviewer.getByTestId('pending-response');
    await expect.poll(() => pending.textContent()).toContain('Välkommen att ringa oss!');
    await expectAccessible(reviewer, 'publication-response-pending');
    await pending.getByTestId('accept-response').click();
    await expect.poll(() => reviewer.getByTestId('flash').textContent()).toContain('visas nu för allmänheten');
    await expect.poll(() => reviewer.getByTestId('decided-response').first().getAttribute('data-status')).toBe('ACCEPTED');
    await provider.reload();
    await expect.poll(() => provider.getByTestId('latest-response').getByTestId('response-status').getAttribute('data-status')).toBe('ACCEPTED');
  }, 120_000);
});

describe('an insight request', () => {
  it('a member of the public files it through the public form', async () => {
    const page = await newPage();
    await page.goto(`${insyn.url}/insyn`);
    const form = page.getByTestId('insight-form');
    await form.getByLabel('Ämne').fill('Läkarbemanning i Hammerdal');
    await form.getByLabel('Vilka uppgifter vill du ta del av?').fill('Hur många läkare per 1 000 listade hade hälsocentralen under 2025, och vad kostade hyrläkarna?');
    await form.getByLabel('Utförare').selectOption({ label: 'Jämtvård Hälsocentraler AB' });
    await form.getByTestId('insight-submit').click();
    const receipt = page.getByTestId('insight-receipt');
    await receipt.waitFor({ timeout: 15_000 });
    insightReference = /INS-\d{4}-\d{4,}/.exec((await receipt.textContent())!)![0];
  }, 60_000);

  it('the reviewer finds it, registers it and forwards it to the private provider with the suggested due date', async () => {
    await reviewer.goto(`${insyn.url}/insynsbegaran`);
    await reviewer.getByRole('heading', { level: 1, name: 'Insynsbegäranden' }).waitFor();
    expect(await reviewer.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Insynsbegäranden' }).getAttribute('aria-current')).toBe('page');
    await reviewer.getByLabel('Status').selectOption('RECEIVED');
    await reviewer.waitForURL(/status=RECEIVED/);
    const row = reviewer.locator(`[data-testid="insight-row"][data-reference="${insightReference}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Inkommen');
    await expectAccessible(reviewer, 'handling-list');
    await row.getByTestId('insight-link').click();
    await reviewer.waitForURL(/\/insynsbegaran\/[^/?]+$/);
    insightUrl = new URL(reviewer.url()).pathname;
    const actions = reviewer.getByTestId('insight-actions');
    await actions.getByTestId('register').waitFor();
    await expectAccessible(reviewer, 'handling-received');
    await actions.getByTestId('register').click();
    await expect.poll(() => reviewer.getByTestId('flash').textContent()).toContain('Begäran är registrerad.');

    const forward = actions.getByTestId('forward-form');
    await forward.waitFor();
    // The provider the requester named is chosen, and the due date suggested (ten working days).
    await expect.poll(() => forward.getByLabel('Utförare').evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent)).toBe('Jämtvård Hälsocentraler AB');
    expect(await forward.getByLabel('Sista dag för svar').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await forward.textContent()).toContain('10 arbetsdagar');
    await expectAccessible(reviewer, 'handling-registered');
    await forward.getByTestId('forward-submit').click();
    await expect.poll(() => reviewer.getByTestId('flash').textContent()).toContain('Begäran är skickad till utföraren.');
    await expect.poll(() => reviewer.getByTestId('insight-status').first().getAttribute('data-status')).toBe('FORWARDED');
    await actions.getByTestId('remind').click();
    await expect.poll(() => reviewer.getByTestId('flash').textContent()).toContain('Utföraren är påmind.');
    await expectAccessible(reviewer, 'handling-forwarded');
  }, 90_000);

  it('the private provider answers and marks a business secret, adding the row with the keyboard', async () => {
    const provider = await logIn('provider.private@insyn.example', '/insynsbegaran');
    const row = provider.locator(`[data-testid="insight-row"][data-reference="${insightReference}"]`);
    await expect.poll(() => row.count()).toBe(1);
    await expectAccessible(provider, 'handling-provider-list');
    await row.getByTestId('insight-link').click();
    const form = provider.getByTestId('answer-form');
    await form.waitFor();
    await form.getByLabel('Svar', { exact: true }).fill(ANSWER);
    await form.getByTestId('add-secret').focus();
    await provider.keyboard.press('Enter');
    // The new row's first field takes focus.
    await expect.poll(() => focused(provider)).toBe('textarea:');
    await provider.keyboard.type(SECRET);
    // A row without its reason is refused at the field.
    await form.getByTestId('answer-submit').click();
    await expect.poll(() => form.getByTestId('error-summary').textContent()).toContain('Affärshemlighet 1: Skäl: Skriv skälet.');
    await expectAccessible(provider, 'handling-provider-answer-error');
    await form.getByLabel('Skäl').fill('Priset är förhandlat; röjs det skadas vår ställning i kommande upphandlingar.');
    await form.getByTestId('answer-submit').click();
    await expect.poll(() => provider.getByTestId('flash').textContent()).toContain('Svaret är registrerat.');
    await expect.poll(() => provider.getByTestId('insight-status').first().getAttribute('data-status')).toBe('ANSWERED');
    expect(await provider.getByTestId('secret-parts').textContent()).toContain(SECRET);
    // The requester's address is never shown to the provider.
    expect(await provider.textContent('body')).not.toContain('Frågeställarens e-post');
    await expectAccessible(provider, 'handling-provider-answered');
  }, 90_000);

  it('the reviewer decides with legal ground and the prefilled appeal text, then closes it', async () => {
    await reviewer.goto(`${insyn.url}${insightUrl}`);
    const form = reviewer.getByTestId('decide-form');
    await form.waitFor();
    expect(await reviewer.getByTestId('insight-answer').textContent()).toContain(ANSWER);
    await form.getByTestId('decide-submit').click();
    await expect.poll(() => form.getByTestId('error-summary').textContent()).toContain('Välj ett beslut.');
    await form.getByLabel('Lämnas ut delvis').check();
    expect(await form.getByLabel('Hur man överklagar').inputValue()).toContain('Kammarrätten i Sundsvall');
    await form.getByTestId('decide-submit').click();
    await expect.poll(() => form.getByTestId('error-summary').textContent()).toContain('Ange lagrummet för avslaget.');
    await expectAccessible(reviewer, 'handling-decide-error');
    await form.getByLabel('Lagrum').fill('OSL 31 kap. 16 §');
    await form.getByLabel('Beslutstext').fill('Uppgifterna om bemanning lämnas ut. Timpriset lämnas inte ut: det är en affärshemlighet.');
    await form.getByTestId('decide-submit').click();
    await expect.poll(() => reviewer.getByTestId('flash').textContent()).toContain('Beslutet är fattat.');
    const decision = reviewer.getByTestId('insight-decision');
    await expect.poll(() => decision.textContent()).toContain('Lämnas ut delvis');
    expect(await decision.textContent()).toContain('OSL 31 kap. 16 §');
    await expectAccessible(reviewer, 'handling-decided');
    await reviewer.getByTestId('close-request').click();
    await expect.poll(() => reviewer.getByTestId('insight-status').first().getAttribute('data-status')).toBe('CLOSED');
    const timeline = reviewer.getByTestId('insight-timeline');
    for (const step of ['Begäran kom in', 'Begäran registrerades', 'Begäran skickades till utföraren', 'Utföraren påmindes', 'Svar registrerades', 'Beslut fattades', 'Ärendet avslutades']) {
      expect(await timeline.textContent()).toContain(step);
    }
    await expectAccessible(reviewer, 'handling-closed');
    expect(pages.flat().filter((p) => !p.includes('net::ERR_ABORTED'))).toEqual([]);
  }, 90_000);
});
