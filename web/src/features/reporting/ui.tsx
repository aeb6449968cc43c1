import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportStatus, RoundStatus, TemplateStatus } from '../../gql/graphql';
import { useFormat } from '../../shared/hooks/useFormat';
import { isoDay } from '../../shared/format';
import { dueInfo } from './dates';

const STATUS_ICON: Record<ReportStatus, string> = {
  NOT_STARTED: '○',
  DRAFT: '◐',
  SUBMITTED: '●',
  CHANGES_REQUESTED: '!',
  APPROVED: '✓',
  PUBLISHED: '✓',
};

/** A report's status in words, with an icon and a colour that only repeat it. */
export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useTranslation('reporting');
  return (
    <span className={`status-badge status-badge--${status.toLowerCase().replace('_', '-')}`} data-testid="report-status">
      <span className="status-badge__icon" aria-hidden="true">
        {STATUS_ICON[status]}
      </span>
      {t(`status.${status}`)}
    </span>
  );
}

export function RoundStatusBadge({ status }: { status: RoundStatus }) {
  const { t } = useTranslation('reporting');
  const tone = status === 'OPEN' ? 'submitted' : status === 'PLANNED' ? 'draft' : 'not-started';
  return <span className={`status-badge status-badge--${tone}`}>{t(`roundStatus.${status}`)}</span>;
}

export function TemplateStatusBadge({ status }: { status: TemplateStatus }) {
  const { t } = useTranslation('reporting');
  const tone = status === 'PUBLISHED' ? 'approved' : status === 'DRAFT' ? 'draft' : 'not-started';
  return <span className={`status-badge status-badge--${tone}`}>{t(`templateStatus.${status}`)}</span>;
}

/** The due date, and the time left or how late the report is ("12 dagar kvar", "Försenad 5 dagar"). */
export function DueText({ dueAt, status, overdue, submittedAt }: { dueAt: string; status: ReportStatus; overdue: boolean; submittedAt?: string | null }) {
  const { t } = useTranslation('reporting');
  const format = useFormat();
  const info = dueInfo(dueAt, status, overdue);
  return (
    <span className="due">
      <span className="due__date">{format.date(isoDay(dueAt))}</span>
      {info.kind === 'left' && <span className="due__left">{t('due.daysLeft', { count: info.days })}</span>}
      {info.kind === 'today' && <span className="due__left due__left--soon">{t('due.today')}</span>}
      {info.kind === 'overdue' && (
        <span className="due__overdue" data-testid="overdue">
          <span aria-hidden="true" className="due__overdue-icon">
            !
          </span>
          {t('due.overdue', { count: info.days })}
        </span>
      )}
      {info.kind === 'none' && submittedAt && <span className="due__left">{t('due.submitted', { date: format.date(isoDay(submittedAt)) })}</span>}
    </span>
  );
}

/** "12 av 20 obligatoriska besvarade" with a bar that only repeats the words. */
export function ProgressMeter({ answered, required, compact }: { answered: number; required: number; compact?: boolean }) {
  const { t } = useTranslation('reporting');
  const share = required > 0 ? Math.min(1, answered / required) : 1;
  return (
    <span className={compact ? 'progress progress--compact' : 'progress'}>
      <span className="progress__text">{t('progress.count', { answered, required })}</span>
      <span className="progress__bar" aria-hidden="true">
        <span className="progress__fill" style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
    </span>
  );
}

/** The trail of pages above this one. */
export function Breadcrumb({ crumbs }: { crumbs: { label: ReactNode; to?: string; lang?: string }[] }) {
  const { t } = useTranslation('reporting');
  return (
    <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
      <ol>
        {crumbs.map((crumb, index) =>
          index < crumbs.length - 1 && crumb.to ? (
            <li key={index}>
              <Link to={crumb.to} lang={crumb.lang}>
                {crumb.label}
              </Link>
            </li>
          ) : (
            <li key={index}>
              <span aria-current={index === crumbs.length - 1 ? 'page' : undefined} lang={crumb.lang}>
                {crumb.label}
              </span>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
