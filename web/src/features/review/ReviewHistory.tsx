import { useTranslation } from 'react-i18next';
import type { ReviewReport_ReportFragment } from '../../gql/graphql';
import { useFormat } from '../../shared/hooks/useFormat';
import { TableScroll } from '../../shared/ui/TableScroll';
import { loose } from '../access/useApiErrors';

type Report = ReviewReport_ReportFragment;

const KNOWN_ACTIONS = new Set(['ROUND_OPENED', 'WORK_STARTED', 'REPORT_SUBMITTED', 'CHANGES_REQUESTED', 'REPORT_APPROVED', 'QUESTION_REOPENED', 'REPORT_PUBLISHED']);

/** The report's history, oldest first: opening, start of work, submissions and decisions with their reasons. */
export function ReviewHistory({ history }: { history: Report['history'] }) {
  const { t } = useTranslation('review');
  const tl = loose(t);
  const format = useFormat();
  if (history.length === 0) return <p className="muted">{t('review.historyEmpty')}</p>;
  return (
    <ol className="timeline" data-testid="history">
      {history.map((event, index) => (
        <li key={`${event.at}-${index}`} className={`timeline__item timeline__item--${event.action.toLowerCase().replace(/_/g, '-')}`}>
          <p className="timeline__what">
            <strong>{KNOWN_ACTIONS.has(event.action) ? tl(`history.${event.action}`) : t('history.other', { action: event.action })}</strong>{' '}
            <span className="muted">{t('history.by', { name: event.actorName })}</span>
          </p>
          <p className="timeline__when">
            <time dateTime={event.at}>{format.dateTime(event.at)}</time>
            {event.reference && <> · {t('history.receipt', { reference: event.reference })}</>}
          </p>
          {event.reason && (
            <p className="timeline__reason pre-wrap">
              <span className="review-answer__label">{t('review.reason')}: </span>
              {event.reason}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Every decision with its reason (oldest first, as the history), and the assessments of the latest approval. */
export function ReviewDecisions({ report }: { report: Report }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  return (
    <>
      {report.decisions.length === 0 ? (
        <p className="muted">{t('review.decisionsEmpty')}</p>
      ) : (
        <ol className="decisions" data-testid="decisions">
          {report.decisions.map((d) => (
            <li key={d.id} className="decision">
              <p className="decision__what">
                <strong>{t(`decisionKind.${d.kind}`)}</strong>
                {d.question && <> – {t('review.question', { code: d.question.code })}</>}{' '}
                <span className="muted">{t('review.decidedBy', { name: d.decidedByName, date: format.dateTime(d.decidedAt) })}</span>
              </p>
              {d.reason && (
                <p className="pre-wrap decision__reason">
                  <span className="review-answer__label">{t('review.reason')}: </span>
                  {d.reason}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {report.assessments.length > 0 && (
        <>
          <h3>{t('review.assessmentsHeading')}</h3>
          <TableScroll label={t('review.assessmentsHeading')}>
            <table className="table table--full" data-testid="assessments">
              <thead>
                <tr>
                  <th scope="col">{t('review.goalColumn')}</th>
                  <th scope="col">{t('decision.rating')}</th>
                  <th scope="col">{t('review.motivation')}</th>
                </tr>
              </thead>
              <tbody>
                {report.assessments.map((a) => (
                  <tr key={a.goal.id}>
                    <th scope="row" lang="sv">
                      {a.goal.code} {a.goal.title}
                    </th>
                    <td className="nowrap-wide">{t(`rating.${a.rating}`)}</td>
                    <td className="pre-wrap">{a.motivation ?? <span className="muted">{t('common.none')}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </>
  );
}
