import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/routes';

/** "Du är här": Start › … › the current page. */
export function Breadcrumb({ items }: { items: { to?: string; label: ReactNode }[] }) {
  const { t } = useTranslation('public');
  return (
    <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
      <ol>
        <li>
          <Link to={paths.start}>{t('common.start')}</Link>
        </li>
        {items.map((item, i) => (
          <li key={i}>{item.to ? <Link to={item.to}>{item.label}</Link> : <span aria-current="page">{item.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}
