import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A loading message that screen readers announce politely. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="loading__spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

/** An error with a retry button; announced at once (role=alert). */
export function ErrorNotice({ onRetry, title, children }: { onRetry?: () => void; title?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="notice notice--error" role="alert" aria-labelledby={id} data-testid="error-notice">
      <p className="notice__title" id={id}>
        <span className="notice__icon" aria-hidden="true">!</span>
        {title ?? t('common.errorTitle')}
      </p>
      <p>{children ?? t('common.errorBody')}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** A calm message for an empty result. */
export function EmptyNotice({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="notice notice--info" data-testid="empty-notice">
      <p className="notice__title">{title}</p>
      {children}
    </div>
  );
}
