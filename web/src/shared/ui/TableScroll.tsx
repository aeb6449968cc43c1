import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways inside its own box on narrow screens (the page itself never
 * does). The box can take focus, so keyboard users can scroll it too.
 */
export function TableScroll({ label, children, fit }: { label: string; children: ReactNode; fit?: boolean }) {
  return (
    <div className={fit ? 'table-scroll table-scroll--fit' : 'table-scroll'} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
