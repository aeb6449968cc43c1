import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../shared/ui/TableScroll';

export interface ConflictRow {
  label: string;
  mine: string;
  saved: string;
}

/**
 * Someone saved the same object while the user was editing. Nothing was overwritten: the notice
 * shows both versions where they differ and lets the user choose which one stands.
 */
export function ConflictNotice({
  what,
  rows,
  onUseSaved,
  onKeepMine,
  busy,
}: {
  what: string;
  rows: ConflictRow[];
  onUseSaved: () => void;
  onKeepMine: () => void;
  busy?: boolean;
}) {
  const { t } = useTranslation('access');
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const differing = rows.filter((r) => r.mine !== r.saved);
  return (
    <div className="notice notice--warning conflict" ref={ref} tabIndex={-1} aria-labelledby={headingId} data-testid="conflict">
      <h2 className="notice__title conflict__title" id={headingId}>
        <span className="notice__icon notice__icon--warning" aria-hidden="true">
          !
        </span>
        {t('conflict.title', { what })}
      </h2>
      <p>{t('conflict.body')}</p>
      {differing.length > 0 ? (
        <TableScroll label={t('conflict.tableLabel')}>
          <table className="table table--compare">
            <caption className="visually-hidden">{t('conflict.tableLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('conflict.field')}</th>
                <th scope="col">{t('conflict.mine')}</th>
                <th scope="col">{t('conflict.saved')}</th>
              </tr>
            </thead>
            <tbody>
              {differing.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td>{row.mine || t('common.empty')}</td>
                  <td>{row.saved || t('common.empty')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t('conflict.same')}</p>
      )}
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={onKeepMine} aria-disabled={busy} data-testid="conflict-keep-mine">
          {t('conflict.keepMine')}
        </button>
        <button type="button" className="button button--secondary" onClick={onUseSaved} data-testid="conflict-use-saved">
          {t('conflict.useSaved')}
        </button>
      </div>
    </div>
  );
}
