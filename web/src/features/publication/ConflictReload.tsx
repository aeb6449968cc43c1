import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Someone changed the object first: nothing was saved. Takes focus so the message is read, and
 * offers to reload.
 */
export function ConflictReload({ onReload, children }: { onReload: () => void; children?: ReactNode }) {
  const { t } = useTranslation('publication');
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="notice notice--warning conflict" ref={ref} tabIndex={-1} role="alert" aria-labelledby={headingId} data-testid="conflict">
      <p className="notice__title" id={headingId}>
        <span className="notice__icon notice__icon--warning" aria-hidden="true">
          !
        </span>
        {t('conflict.title')}
      </p>
      <p>{t('conflict.body')}</p>
      {children}
      <p className="button-row">
        <button type="button" className="button button--primary" onClick={onReload} data-testid="conflict-reload">
          {t('conflict.reload')}
        </button>
      </p>
    </div>
  );
}
