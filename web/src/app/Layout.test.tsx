import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { initI18n, LANGUAGE_STORAGE_KEY } from './i18n';
import { Layout } from './Layout';

async function renderShell() {
  const i18n = await initI18n('sv');
  render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter initialEntries={['/utforare']}>
        <Layout>
          <h1>Sida</h1>
        </Layout>
      </MemoryRouter>
    </I18nextProvider>,
  );
  return i18n;
}

describe('app shell', () => {
  it('has a skip link to main, named navigation, and the accessibility statement in the footer', async () => {
    await renderShell();
    const skip = screen.getByRole('link', { name: 'Hoppa till huvudinnehåll' });
    expect(skip.getAttribute('href')).toBe('#main');
    const main = screen.getByRole('main');
    expect(main.id).toBe('main');
    expect(main.tabIndex).toBe(-1);
    const nav = screen.getByRole('navigation', { name: 'Huvudmeny' });
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toBe('Utförare');
    expect(screen.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).getAttribute('href')).toBe('/tillganglighet');
    expect(screen.getByRole('banner').textContent).toContain('Region Jämtland Härjedalen');
  });

  it('switches to English, remembers it and sets <html lang>', async () => {
    await renderShell();
    const button = screen.getByRole('button', { name: 'English' });
    expect(button.getAttribute('lang')).toBe('en');
    await act(async () => {
      fireEvent.click(button);
    });
    await waitFor(() => expect(screen.getByRole('navigation', { name: 'Main menu' })).toBeTruthy());
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(screen.getByRole('button', { name: 'Svenska' }).getAttribute('lang')).toBe('sv');
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toBeTruthy();
  });
});
