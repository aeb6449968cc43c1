import { useTranslation } from 'react-i18next';
import type { InsightRequestStatus } from '../../gql/graphql';

const TONE: Record<InsightRequestStatus, string> = {
  RECEIVED: 'submitted',
  REGISTERED: 'draft',
  FORWARDED: 'draft',
  ANSWERED: 'submitted',
  DECIDED: 'approved',
  CLOSED: 'not-started',
};
const ICON: Record<InsightRequestStatus, string> = { RECEIVED: '●', REGISTERED: '◐', FORWARDED: '→', ANSWERED: '●', DECIDED: '✓', CLOSED: '○' };

/** A request's status in words, with an icon and a colour that only repeat it. */
export function InsightStatusBadge({ status }: { status: InsightRequestStatus }) {
  const { t } = useTranslation('publication');
  return (
    <span className={`status-badge status-badge--${TONE[status]}`} data-testid="insight-status" data-status={status}>
      <span className="status-badge__icon" aria-hidden="true">
        {ICON[status]}
      </span>
      {t(`insight.statuses.${status}`)}
    </span>
  );
}

export function OverdueMark() {
  const { t } = useTranslation('publication');
  return (
    <span className="due__overdue" data-testid="overdue">
      <span aria-hidden="true">! </span>
      {t('insight.overdue')}
    </span>
  );
}
