import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage, loadNamespace, type Texts } from '../../app/i18n';

/**
 * Whether a namespace's texts are loaded, starting the load if not; re-renders when they arrive.
 * For panels inside a page: they show their own loading instead of suspending the page, and call
 * no hook conditionally (a suspending `use()` that is skipped on the retry upsets React).
 */
export function useTextsReady(ns: Texts): boolean {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  const pending = loadNamespace(i18n, ns, language);
  const [, loaded] = useState(0);
  useEffect(() => {
    if (!pending) return;
    let live = true;
    pending.then(
      () => live && loaded((n) => n + 1),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [pending]);
  return pending === null;
}
