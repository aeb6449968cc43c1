import { useTranslation } from 'react-i18next';
import { useDataLang } from '../../shared/hooks/useDataLang';

/** Whether an agreement is covered by the program; for LOF, why not. Icon and words, never colour alone. */
export function ScopeNote({ inProgramScope, reason }: { inProgramScope: boolean; reason?: string | null }) {
  const { t } = useTranslation();
  const lang = useDataLang();
  if (inProgramScope) {
    return (
      <p className="scope scope--in">
        <span className="scope__icon" aria-hidden="true">
          ✓
        </span>
        {t('providers.inScope')}
      </p>
    );
  }
  return (
    <div className="scope scope--out">
      <p>
        <span className="scope__icon" aria-hidden="true">
          –
        </span>
        <strong>{t('providers.outOfScope')}</strong>
      </p>
      {reason && (
        <p className="scope__reason" lang={lang}>
          {reason}
        </p>
      )}
    </div>
  );
}
