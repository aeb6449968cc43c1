import type { ReactNode } from 'react';

/** The page's one h1, with an optional lead paragraph. */
export function PageHeader({ title, lead, children, lang }: { title: ReactNode; lead?: ReactNode; children?: ReactNode; lang?: string }) {
  return (
    <header className="page-header">
      <h1 lang={lang}>{title}</h1>
      {lead && <p className="lead">{lead}</p>}
      {children}
    </header>
  );
}
