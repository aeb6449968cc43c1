import { startTransition, Suspense, useMemo, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { initI18n, useNamespace } from './i18n';

/** A page that waits for its texts with useNamespace and has hooks after it, as every lazily translated page does. */
function Page() {
  useNamespace('conditions');
  const { t } = useTranslation('conditions');
  const [n] = useState(1);
  const heading = useMemo(() => `${t('page.heading')} ${n}`, [t, n]);
  return <h1>{heading}</h1>;
}

const settle = async (done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('useNamespace', () => {
  it('renders a page navigated to whose texts arrive while it waits, without React recovering from an error or warning about use()', async () => {
    // React's own scheduler, as in the browser (act() renders differently).
    const scope = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    const actEnvironment = scope.IS_REACT_ACT_ENVIRONMENT;
    scope.IS_REACT_ACT_ENVIRONMENT = false;
    const i18n = await initI18n('sv');
    const recovered: unknown[] = [];
    const container = document.createElement('div');
    const root = createRoot(container, { onRecoverableError: (error) => void recovered.push(error) });
    const app = (page: ReactNode) => (
      <I18nextProvider i18n={i18n}>
        <Suspense fallback={<p>…</p>}>{page}</Suspense>
      </I18nextProvider>
    );
    root.render(app(<p>Start</p>));
    await settle(() => container.textContent === 'Start');
    // A navigation is a transition: the start page stays while the next page waits for its texts,
    // and React then replays the page where it stopped.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      startTransition(() => root.render(app(<Page />)));
      await settle(() => !!container.querySelector('h1'));
      // React's development build names a use() skipped on the replay; its production build
      // throws ("Update hook called on initial render") and renders again.
      expect(logged.mock.calls.map((c) => String(c[0]))).toEqual([]);
    } finally {
      logged.mockRestore();
    }
    expect(container.querySelector('h1')?.textContent).toBe(`${i18n.t('page.heading', { ns: 'conditions' })} 1`);
    expect(recovered).toEqual([]);
    root.unmount();
    scope.IS_REACT_ACT_ENVIRONMENT = actEnvironment;
  });
});
