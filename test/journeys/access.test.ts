import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations, expectAccessible, launchBrowser, screenshot, watchPage } from '../support/browser.js';
import { startInsyn, type InsynProcess } from '../support/insyn.js';

/**
 * Logging in and what each role then sees: the login form (with the keyboard alone), the menu of
 * every demo role, logging out, the user administration, and zero axe violations throughout.
 * One server for the whole file.
 */
let insyn: InsynProcess;
let browser: Browser;

const PASSWORD = 'insyn-demo';
const PUBLIC = ['Start', 'Program', 'Indikatorer', 'Utförare', 'Jämför', 'Begär insyn'];

/** Every demo user: where they land after logging in, and exactly the menu their roles give. */
const DEMO_USERS = [
  {
    email: 'admin@insyn.example',
    name: 'Anna Administratör',
    start: '/admin',
    menu: [...PUBLIC, 'Uppföljning', 'Granskning', 'Insynsbegäranden', 'Sistahandsansvar', 'Systemuppföljning', 'Administration', 'Granskningslogg', 'API-nycklar', 'Mitt konto'],
  },
  { email: 'reviewer@insyn.example', name: 'Rasmus Granskare', start: '/uppfoljning', menu: [...PUBLIC, 'Uppföljning', 'Granskning', 'Insynsbegäranden', 'Sistahandsansvar', 'Systemuppföljning', 'Mitt konto'] },
  {
    email: 'auditor@insyn.example',
    name: 'Agnes Revisor',
    start: '/granskningslogg',
    menu: [...PUBLIC, 'Uppföljning', 'Granskning', 'Insynsbegäranden', 'Sistahandsansvar', 'Systemuppföljning', 'Användare', 'Granskningslogg', 'Mitt konto'],
  },
  { email: 'analyst@insyn.example', name: 'Ali Analytiker', start: '/api-nycklar', menu: [...PUBLIC, 'API-nycklar', 'Mitt konto'] },
  { email: 'provider.private@insyn.example', name: 'Petra Privat', start: '/rapporter', menu: [...PUBLIC, 'Mina rapporter', 'Insynsbegäranden', 'Mitt konto'] },
  { email: 'provider.inhouse@insyn.example', name: 'Ingrid Egenregi', start: '/rapporter', menu: [...PUBLIC, 'Mina rapporter', 'Insynsbegäranden', 'Mitt konto'] },
];
const EVERY_PRIVATE_LINK = ['Uppföljning', 'Granskning', 'Insynsbegäranden', 'Sistahandsansvar', 'Systemuppföljning', 'Mina rapporter', 'Administration', 'Användare', 'Granskningslogg', 'API-nycklar', 'Mitt konto'];

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

/** Console errors and failed requests, except requests cut short by leaving the page (logging out loads the login page afresh). */
function realProblems(problems: string[]): string[] {
  return problems.filter((p) => !p.includes('net::ERR_ABORTED'));
}

function menu(page: Page) {
  return page.getByRole('navigation', { name: 'Huvudmeny' });
}

async function menuLinks(page: Page): Promise<string[]> {
  return (await menu(page).getByRole('link').allTextContents()).map((t) => t.trim());
}

/** Presses Tab (or Shift+Tab) until the focused element matches; fails after `max` presses. */
async function tabTo(page: Page, matches: (el: { tag: string; id: string; text: string }) => boolean, { back = false, max = 40 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { tag: a?.tagName.toLowerCase() ?? '', id: a?.id ?? '', text: (a?.textContent ?? '').trim() };
    });
    if (matches(el)) return;
  }
  throw new Error('The element was not reached with the keyboard');
}

async function logIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

describe('logging in', () => {
  it('the login page has no axe violations, empty or with errors; a wrong password says so without saying which field', async () => {
    const { page, problems } = await open('/logga-in');
    expect(await page.title()).toBe('Logga in – Insyn');
    expect(await page.getByLabel('E-postadress').getAttribute('autocomplete')).toBe('username');
    expect(await page.getByLabel('Lösenord', { exact: true }).getAttribute('autocomplete')).toBe('current-password');
    await expectAccessible(page, 'access-login-empty');

    await page.getByRole('button', { name: 'Logga in' }).click();
    const summary = page.getByTestId('error-summary');
    await expect.poll(() => summary.textContent()).toContain('Ange din e-postadress.');
    expect(await summary.textContent()).toContain('Ange ditt lösenord.');
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByLabel('E-postadress').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'access-login-missing');

    await logIn(page, 'admin@insyn.example', 'inte-rätt-lösenord');
    await expect.poll(() => summary.textContent()).toContain('Fel e-postadress eller lösenord.');
    expect(await summary.textContent()).not.toContain('Ange');
    // Neither field is marked: the message must not tell which one was wrong.
    expect(await page.getByLabel('E-postadress').getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByLabel('Lösenord', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByLabel('Lösenord', { exact: true }).inputValue()).toBe('');
    expect(page.url()).toContain('/logga-in');
    await expectAccessible(page, 'access-login-wrong-password');
    expect(realProblems(problems)).toEqual([]);
    await page.context().close();
  });

  it('an administrator logs in and out with the keyboard alone; the session survives a reload', async () => {
    const { page, problems } = await open('/');
    expect(await menuLinks(page)).toEqual(PUBLIC);

    // Tab from the top of the page to "Logga in" in the header and follow it.
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Logga in');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/logga-in$/);
    // As a person would: wait until the login page is there, then Tab to the e-mail field.
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await tabTo(page, (el) => el.id === 'login-email');
    await page.keyboard.type('admin@insyn.example');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');

    await page.waitForURL(`${insyn.url}/admin`);
    await expect.poll(() => page.getByTestId('signed-in-name').textContent()).toBe('Anna Administratör');
    expect(await menuLinks(page)).toEqual(DEMO_USERS[0]!.menu);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Administration');

    await page.reload();
    await expect.poll(() => page.getByTestId('signed-in-name').textContent()).toBe('Anna Administratör');
    expect(await menuLinks(page)).toEqual(DEMO_USERS[0]!.menu);

    // After a reload focus starts at the top: Tab to "Logga ut" and press Enter.
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Logga ut');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/logga-in\?utloggad=1$/);
    await expect.poll(() => page.getByTestId('logged-out').textContent()).toContain('Du är nu utloggad.');
    expect(await menuLinks(page)).toEqual(PUBLIC);
    expect(await page.getByRole('button', { name: 'Logga ut' }).count()).toBe(0);

    // The session is gone: a page behind the login sends the user to log in, and back afterwards.
    await page.goto(`${insyn.url}/admin/anvandare`);
    await page.waitForURL(/\/logga-in\?till=%2Fadmin%2Fanvandare$/);
    await logIn(page, 'admin@insyn.example');
    await page.waitForURL(`${insyn.url}/admin/anvandare`);
    await page.getByTestId('users-table').waitFor();
    expect(realProblems(problems)).toEqual([]);
    await page.context().close();
  });

  for (const user of DEMO_USERS) {
    it(`${user.email} sees exactly the menu of the role, and logs out`, async () => {
      const { page, problems } = await open('/logga-in');
      await logIn(page, user.email);
      await page.waitForURL(`${insyn.url}${user.start}`);
      await expect.poll(() => page.getByTestId('signed-in-name').textContent()).toBe(user.name);
      expect(await menuLinks(page)).toEqual(user.menu);
      for (const link of EVERY_PRIVATE_LINK.filter((l) => !user.menu.includes(l))) {
        expect(await menu(page).getByRole('link', { name: link, exact: true }).count(), link).toBe(0);
      }
      expect(await page.getByRole('link', { name: 'Logga in' }).count()).toBe(0);

      // A page the role may not use says so politely.
      if (!user.menu.includes('Administration')) {
        await page.goto(`${insyn.url}/admin`);
        await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Du har inte behörighet till den här sidan');
        await expectAccessible(page, `access-no-access-${user.email.split('@')[0]}`);
      }
      // Every link of the menu opens a page.
      for (const link of user.menu.filter((l) => !PUBLIC.includes(l))) {
        await menu(page).getByRole('link', { name: link, exact: true }).click();
        await expect.poll(() => menu(page).getByRole('link', { name: link, exact: true }).getAttribute('aria-current')).toBe('page');
        await page.locator('main h1').first().waitFor();
        expect(await page.getByTestId('no-access').count(), link).toBe(0);
      }

      await page.getByRole('button', { name: 'Logga ut' }).click();
      await page.waitForURL(/\/logga-in\?utloggad=1$/);
      expect(await menuLinks(page)).toEqual(PUBLIC);
      expect(realProblems(problems)).toEqual([]);
      await page.context().close();
    });
  }

  it('the auditor reads the user list but changes nothing', async () => {
    const { page } = await open('/logga-in');
    await logIn(page, 'auditor@insyn.example');
    await page.waitForURL(/\/granskningslogg$/);
    await menu(page).getByRole('link', { name: 'Användare', exact: true }).click();
    await page.getByTestId('users-table').waitFor();
    expect(await page.getByTestId('user-row').count()).toBeGreaterThanOrEqual(6);
    expect(await page.getByRole('link', { name: 'Ny användare' }).count()).toBe(0);
    expect(await page.getByTestId('users-table').getByRole('link').count()).toBe(0);
    await expectAccessible(page, 'access-users-auditor');
    await page.context().close();
  });
});

describe('user administration', () => {
  it('list, new-user form with errors and the reset-password dialog have no axe violations; a new user changes the temporary password first', async () => {
    const { page, problems } = await open('/logga-in');
    await logIn(page, 'admin@insyn.example');
    await page.waitForURL(/\/admin$/);
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Användare' }).click();
    await page.getByTestId('users-table').waitFor();
    expect(await page.getByTestId('user-row').count()).toBe(6);
    await expectAccessible(page, 'access-users-list');

    // Filter by role: the URL keeps it.
    await page.getByLabel('Roll', { exact: true }).selectOption('PROVIDER');
    await expect.poll(() => page.getByTestId('user-row').count()).toBe(2);
    expect(page.url()).toContain('roll=PROVIDER');

    // New user: errors first, at the top and at each field.
    await page.getByRole('link', { name: 'Ny användare' }).click();
    await page.getByRole('button', { name: 'Skapa användare' }).click();
    const summary = page.getByTestId('error-summary');
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await summary.textContent()).toContain('Välj minst en roll.');
    await expectAccessible(page, 'access-user-new-errors');

    // The server's own check (the e-mail address is taken) lands at its field.
    await page.getByLabel('E-postadress').fill('reviewer@insyn.example');
    await page.getByLabel('Namn', { exact: true }).fill('Greta Granskare');
    await page.getByRole('checkbox', { name: 'Granskare' }).check();
    await page.getByRole('button', { name: 'Skapa användare' }).click();
    await expect.poll(() => summary.textContent()).toContain('Det finns redan en användare med den e-postadressen.');
    expect(await page.getByLabel('E-postadress').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'access-user-new-server-error');

    await page.getByLabel('E-postadress').fill('greta.granskare@insyn.example');
    await page.getByRole('button', { name: 'Skapa användare' }).click();
    await page.getByTestId('user-created').waitFor();
    const temporary = (await page.getByTestId('temporary-password-value').textContent())!.trim();
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    await expect.poll(() => page.getByTestId('flash').textContent()).toContain('Användaren Greta Granskare är skapad.');
    await expectAccessible(page, 'access-user-created');

    // Reset password: a modal dialog that keeps focus, closes with Escape, and shows the password once.
    await page.getByRole('link', { name: 'Öppna användaren' }).click();
    const reset = page.getByRole('button', { name: 'Återställ lösenord…' });
    await reset.click();
    const dialog = page.getByRole('dialog', { name: 'Återställa lösenordet för Greta Granskare?' });
    await dialog.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Avbryt');
    await expectAccessible(page, 'access-user-reset-dialog');
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await reset.evaluate((b) => b === document.activeElement)).toBe(true);

    await reset.click();
    await page.getByRole('button', { name: 'Återställ lösenordet' }).click();
    const again = page.getByTestId('reset-password-value-value');
    await again.waitFor();
    const newTemporary = (await again.textContent())!.trim();
    expect(newTemporary).not.toBe(temporary);
    await expectAccessible(page, 'access-user-reset-done');
    await page.getByRole('button', { name: 'Stäng' }).click();

    // The new user must choose a password of their own before anything else.
    const greta = await open('/logga-in');
    await logIn(greta.page, 'greta.granskare@insyn.example', newTemporary);
    await greta.page.getByTestId('must-change-password').waitFor();
    expect(greta.page.url()).toContain('/konto/losenord');
    await greta.page.getByLabel('Nuvarande lösenord').fill(newTemporary);
    await greta.page.getByLabel('Nytt lösenord').fill('kort');
    await greta.page.getByLabel('Upprepa det nya lösenordet').fill('kort');
    await greta.page.getByRole('button', { name: 'Byt lösenord' }).click();
    await expect.poll(() => greta.page.getByTestId('error-summary').textContent()).toContain('minst 12 tecken');
    await expectAccessible(greta.page, 'access-password-errors');
    await greta.page.getByLabel('Nytt lösenord').fill('granskning i jämtland');
    await greta.page.getByLabel('Upprepa det nya lösenordet').fill('granskning i jämtland');
    await greta.page.getByRole('button', { name: 'Byt lösenord' }).click();
    // A reviewer then starts at the follow-up rounds.
    await greta.page.waitForURL(`${insyn.url}/uppfoljning`);
    await expect.poll(() => greta.page.getByTestId('flash').textContent()).toContain('Lösenordet är bytt.');
    expect(await menuLinks(greta.page)).toEqual([...PUBLIC, 'Uppföljning', 'Granskning', 'Insynsbegäranden', 'Sistahandsansvar', 'Systemuppföljning', 'Mitt konto']);
    expect(realProblems(greta.problems)).toEqual([]);
    await greta.page.context().close();

    expect(realProblems(problems)).toEqual([]);
    await page.context().close();
  });
});

describe('every page behind the login', () => {
  const ADMIN_PAGES = [
    ['/admin', 'admin'],
    ['/admin/anvandare', 'users'],
    ['/admin/anvandare/ny', 'user-new'],
    ['/admin/utforare', 'providers'],
    ['/admin/utforare/ny', 'provider-new'],
    ['/admin/valfrihetssystem', 'choice-systems'],
    ['/admin/valfrihetssystem/ny', 'choice-system-new'],
    ['/admin/program', 'programs'],
    ['/admin/program/ny', 'program-new'],
    ['/admin/indikatorer', 'indicators'],
    ['/admin/indikatorer/ny', 'indicator-new'],
    ['/granskningslogg', 'audit'],
    ['/api-nycklar', 'api-tokens'],
    ['/konto', 'account'],
    ['/konto/losenord', 'password'],
  ] as const;

  for (const width of [1280, 320]) {
    it(`has no axe violations in Swedish and English at ${width} px, and never scrolls sideways`, async () => {
      const { page, problems } = await open('/logga-in', width);
      await logIn(page, 'admin@insyn.example');
      await page.waitForURL(/\/admin$/);
      // One of each kind of detail page too: a provider, its first unit and agreement, the program, an indicator.
      await page.goto(`${insyn.url}/admin/utforare`);
      await page.getByTestId('provider-admin-row').first().getByRole('link').click();
      await page.getByTestId('provider-form').waitFor();
      const provider = new URL(page.url()).pathname;
      const unit = await page.getByRole('region', { name: /^Enheter hos/ }).getByRole('link').first().getAttribute('href');
      const agreement = await page.getByRole('region', { name: /^Avtal med/ }).getByRole('link').first().getAttribute('href');
      await page.goto(`${insyn.url}/admin/program`);
      const program = await page.getByTestId('program-row').first().getByRole('link').getAttribute('href');
      await page.goto(`${insyn.url}/admin/indikatorer`);
      const indicator = await page.getByTestId('indicator-row').first().getByRole('link').getAttribute('href');
      const pages: (readonly [string, string])[] = [
        ...ADMIN_PAGES,
        [provider, 'provider'],
        [unit!, 'unit'],
        [agreement!, 'agreement'],
        [program!, 'program'],
        [indicator!, 'indicator'],
      ];

      for (const language of ['sv', 'en']) {
        if (language === 'en') await page.evaluate(() => localStorage.setItem('insyn.language', 'en'));
        for (const [path, name] of pages) {
          await page.goto(`${insyn.url}${path}`);
          await page.locator('main h1').first().waitFor();
          await expect.poll(() => page.getAttribute('html', 'lang')).toBe(language);
          // The page's data is there when nothing says "loading" any more.
          await expect.poll(() => page.locator('main .loading, main [aria-busy="true"]').count()).toBe(0);
          const violations = await axe(page);
          await screenshot(page, `access-${name}-${language}-${width}`);
          expect(violations, `${path} (${language}, ${width} px)\n${describeViolations(violations)}`).toEqual([]);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
          expect(overflow, `${path} scrolls sideways at ${width} px`).toBe(false);
          expect(await page.getByTestId('no-access').count(), path).toBe(0);
        }
      }
      expect(realProblems(problems)).toEqual([]);
      await page.context().close();
    }, 240_000);
  }
});

describe('the language of e-mail', () => {
  it('is what the user chose, also in another browser', async () => {
    const first = await open('/logga-in?till=%2Fkonto');
    await logIn(first.page, 'analyst@insyn.example');
    const form = first.page.getByTestId('mail-language');
    await form.waitFor();
    await expect.poll(() => form.getByLabel('Svenska').isChecked()).toBe(true);
    await form.getByLabel('Engelska').check();
    await form.getByRole('button', { name: 'Spara språk' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).not.toBe('');

    const second = await open('/logga-in?till=%2Fkonto');
    await logIn(second.page, 'analyst@insyn.example');
    const again = second.page.getByTestId('mail-language');
    await again.waitFor();
    await expect.poll(() => again.getByLabel('Engelska').isChecked()).toBe(true);
    expect(realProblems([...first.problems, ...second.problems])).toEqual([]);
  });
});
