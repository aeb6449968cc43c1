import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';

interface Flash {
  message: string;
  /** The page that shows it; leaving that page clears it. */
  path: string;
  id: number;
}

interface FlashApi {
  /** Shows a success message on this page, or on `path` after navigating there. */
  flash: (message: string, path?: string) => void;
  clear: () => void;
}

const FlashContext = createContext<FlashApi>({ flash: () => undefined, clear: () => undefined });
const CurrentFlash = createContext<Flash | null>(null);

export function useFlash(): FlashApi {
  return useContext(FlashContext);
}

export function FlashProvider({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const [flash, setFlash] = useState<Flash | null>(null);
  const current = useRef(pathname);
  useEffect(() => {
    current.current = pathname;
  }, [pathname]);
  const api = useMemo<FlashApi>(
    () => ({
      flash: (message, path) => setFlash((prev) => ({ message, path: path ?? current.current, id: (prev?.id ?? 0) + 1 })),
      clear: () => setFlash(null),
    }),
    [],
  );
  useEffect(() => {
    setFlash((current) => (current && current.path !== pathname ? null : current));
  }, [pathname]);
  return (
    <FlashContext.Provider value={api}>
      <CurrentFlash.Provider value={flash}>{children}</CurrentFlash.Provider>
    </FlashContext.Provider>
  );
}

/**
 * A polite live region that is always on the page, so screen readers announce each success
 * message when it appears; sighted users see it as a green notice.
 */
export function FlashRegion() {
  const flash = useContext(CurrentFlash);
  const { pathname } = useLocation();
  const shown = flash && flash.path === pathname ? flash : null;
  return (
    <div className="flash-region" role="status" aria-live="polite" aria-atomic="true" data-testid="flash">
      {shown && (
        <p className="notice notice--success" key={shown.id}>
          <span className="notice__icon notice__icon--success" aria-hidden="true">
            ✓
          </span>
          {shown.message}
        </p>
      )}
    </div>
  );
}
