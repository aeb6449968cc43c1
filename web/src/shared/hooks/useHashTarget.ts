import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Brings the element named by the URL fragment into view and focus once the page's data is
 * there (links such as /indikatorer#indikator-FIXED-GP arrive before the content does).
 */
export function useHashTarget(ready: boolean): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || !hash) return;
    const id = decodeURIComponent(hash.slice(1));
    const element = document.getElementById(id);
    if (!element) return;
    if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
    element.scrollIntoView({ block: 'start' });
    element.focus({ preventScroll: true });
  }, [ready, hash]);
}
