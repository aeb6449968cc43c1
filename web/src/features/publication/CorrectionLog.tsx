import { useTranslation } from 'react-i18next';
import type { PublicationQuestion_QuestionFragment } from '../../gql/graphql';
import { useFormat } from '../../shared/hooks/useFormat';
import { TableScroll } from '../../shared/ui/TableScroll';
import { CommentBody } from '../review/CommentBody';
import { QuestionLabel, usePublishedText } from './ui';

export interface CorrectionRow {
  version: number;
  oldValue?: unknown;
  oldValueNumber?: number | null;
  oldSuppressed: boolean;
  newValue?: unknown;
  newValueNumber?: number | null;
  newSuppressed: boolean;
  reason: string;
  correctedAt: string;
  correctedByName?: string | null;
  question: PublicationQuestion_QuestionFragment;
}

/** Every correction of a published value, newest first: old and new value, date, reason. */
export function CorrectionLog({ corrections }: { corrections: readonly CorrectionRow[] }) {
  const { t } = useTranslation('publication');
  const format = useFormat();
  const text = usePublishedText();
  if (corrections.length === 0) return <p className="muted">{t('corrections.none')}</p>;
  const rows = [...corrections].sort((a, b) => (a.correctedAt < b.correctedAt ? 1 : a.correctedAt > b.correctedAt ? -1 : b.version - a.version));
  return (
    <TableScroll label={t('corrections.tableLabel')}>
      <table className="table table--full correction-log" data-testid="correction-log">
        <caption className="visually-hidden">{t('corrections.tableLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('common.question')}</th>
            <th scope="col">{t('corrections.oldValue')}</th>
            <th scope="col">{t('corrections.newValue')}</th>
            <th scope="col">{t('common.date')}</th>
            <th scope="col">{t('common.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c, i) => (
            <tr key={`${c.question.id}-${c.version}-${i}`} data-testid="correction" data-code={c.question.code}>
              <th scope="row">
                <QuestionLabel question={c.question} />
              </th>
              <td data-testid="correction-old">{text(c.question, { value: c.oldValue, valueNumber: c.oldValueNumber, suppressed: c.oldSuppressed })}</td>
              <td data-testid="correction-new">{text(c.question, { value: c.newValue, valueNumber: c.newValueNumber, suppressed: c.newSuppressed })}</td>
              <td className="nowrap-wide">
                {format.dateTime(c.correctedAt)}
                {c.correctedByName && <span className="block small muted">{c.correctedByName}</span>}
              </td>
              <td>
                <CommentBody body={c.reason} className="pre-wrap" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
