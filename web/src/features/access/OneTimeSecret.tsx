import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A password or token that Insyn shows only this once: a clear warning, the text in a large
 * monospace box, and a copy button whose result is announced.
 */
export function OneTimeSecret({ label, value, warning, testId }: { label: string; value: string; warning: string; testId?: string }) {
  const { t } = useTranslation('access');
  const labelId = useId();
  const valueRef = useRef<HTMLElement>(null);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('copied');
    } catch {
      // No clipboard (an insecure origin, or a refusal): select the text for Ctrl+C instead.
      const node = valueRef.current;
      if (node) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
      }
      setStatus('failed');
    }
  };

  return (
    <div className="secret" data-testid={testId}>
      <p className="secret__warning">
        <span className="notice__icon notice__icon--warning" aria-hidden="true">
          !
        </span>
        <span>{warning}</span>
      </p>
      <p className="secret__label" id={labelId}>
        {label}
      </p>
      <div className="secret__row">
        <code className="secret__value" ref={valueRef} aria-labelledby={labelId} data-testid={testId ? `${testId}-value` : undefined}>
          {value}
        </code>
        <button type="button" className="button button--secondary" onClick={() => void copy()} data-autofocus>
          <CopyIcon />
          {t('secret.copy')}
        </button>
      </div>
      <p role="status" className="secret__status">
        {status === 'copied' && t('secret.copied')}
        {status === 'failed' && t('secret.copyFailed')}
      </p>
    </div>
  );
}

function CopyIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <rect x="8" y="8" width="12" height="13" rx="2" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M16 8V5a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v11a2 2 0 0 0 2 2h2" fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  );
}
