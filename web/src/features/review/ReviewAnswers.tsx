import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewReport_ReportFragment, ThreadList_ThreadFragment } from '../../gql/graphql';
import { useFormat } from '../../shared/hooks/useFormat';
import { useAnswerText } from '../reporting/display';
import { fileSize, isAnswered, localized } from '../reporting/values';
import { QuestionThreads, type ThreadRights } from './Threads';

type Report = ReviewReport_ReportFragment;
type Question = Report['template']['sections'][number]['questions'][number];
type Change = Report['changes'][number];
type Answer = Report['answers'][number];

/** The year of a period ("2025", "2025-T2" → 2025): the year of the targets. */
function periodYear(period: string): number | null {
  const m = /^(\d{4})/.exec(period);
  return m ? Number(m[1]) : null;
}

/**
 * Every answer of the report for review, section by section: the question (code, text, type,
 * unit), the answer, an indicator's value against its target, the provider's note, a request for
 * confidentiality, the attached files, what changed since the previous submission, and the
 * question's comment threads.
 */
export function ReviewAnswers({
  report,
  changedOnly,
  rights,
  onChanged,
}: {
  report: Report;
  changedOnly: boolean;
  rights: ThreadRights;
  onChanged: () => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation('review');
  const answers = useMemo(() => new Map(report.answers.map((a) => [a.question.id, a])), [report.answers]);
  const changes = useMemo(() => new Map(report.changes.map((c) => [c.question.id, c])), [report.changes]);
  const threadsByQuestion = useMemo(() => {
    const map = new Map<string, ThreadList_ThreadFragment[]>();
    for (const th of report.threads) {
      if (!th.question) continue;
      map.set(th.question.id, [...(map.get(th.question.id) ?? []), th]);
    }
    return map;
  }, [report.threads]);
  const names = useMemo(() => new Map(report.attachments.map((a) => [a.id, a.fileName])), [report.attachments]);
  const year = periodYear(report.round.period);
  const sections = report.template.sections
    .map((s) => ({ ...s, questions: changedOnly ? s.questions.filter((q) => changes.get(q.id)?.changed) : s.questions }))
    .filter((s) => s.questions.length > 0);

  if (changedOnly && sections.length === 0) return <p className="notice notice--info">{t('review.noChangedAnswers')}</p>;
  return (
    <div className="review-answers" data-testid="review-answers">
      {sections.map((section) => {
        const title = localized(section.title, section.titleEn, i18n.language);
        return (
          <section key={section.id} className="review-answers__section" aria-labelledby={`review-section-${section.id}`}>
            <h3 id={`review-section-${section.id}`} lang={title.lang}>
              {title.text}
            </h3>
            {section.questions.map((q) => (
              <AnswerItem
                key={q.id}
                report={report}
                question={q}
                answer={answers.get(q.id)}
                change={changes.get(q.id)}
                attachmentNames={names}
                year={year}
                threads={threadsByQuestion.get(q.id) ?? []}
                rights={rights}
                onChanged={onChanged}
              />
            ))}
          </section>
        );
      })}
    </div>
  );
}

function AnswerItem({
  report,
  question: q,
  answer,
  change,
  attachmentNames,
  year,
  threads,
  rights,
  onChanged,
}: {
  report: Report;
  question: Question;
  answer: Report['answers'][number] | undefined;
  change: Change | undefined;
  attachmentNames: ReadonlyMap<string, string>;
  year: number | null;
  threads: ThreadList_ThreadFragment[];
  rights: ThreadRights;
  onChanged: () => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation('review');
  const { t: tr } = useTranslation('reporting');
  const format = useFormat();
  const text = useAnswerText(attachmentNames);
  const headingId = useId();
  const label = localized(q.text, q.textEn, i18n.language);
  const files = report.attachments.filter((a) => a.questionId === q.id);
  const unit = q.unitLabel ?? (q.indicator ? t(`answer.unitIndicator.${q.indicator.unit}`) : q.type === 'PERCENT' ? t('answer.unitPercent') : null);
  const changed = Boolean(change?.changed);
  const reopened = report.reopenedQuestionId === q.id;
  return (
    <article
      className={`review-answer${changed ? ' review-answer--changed' : ''}${answer?.confidentialityRequested ? ' review-answer--confidential' : ''}`}
      aria-labelledby={headingId}
      id={`fraga-${q.code}`}
      data-testid="review-answer"
      data-code={q.code}
    >
      <h4 id={headingId} className="review-answer__question">
        <span className="question__code">{q.code}</span> <span lang={label.lang}>{label.text}</span>
      </h4>
      <p className="review-answer__meta">
        <span>
          {t('answer.type')}: {tr(`questionType.${q.type}`)}
        </span>
        {unit && (
          <span>
            {t('answer.unit')}: {unit}
          </span>
        )}
        {q.required && <span>{t('answer.questionRequired')}</span>}
      </p>
      {(changed || reopened) && (
        <p className="review-answer__flags">
          {changed && (
            <span className="flag flag--changed" data-testid="changed-flag">
              <span aria-hidden="true">↻ </span>
              {t('answer.changed')}
            </span>
          )}
          {reopened && (
            <span className="flag flag--reopened">
              <span aria-hidden="true">! </span>
              {t('decisionKind.QUESTION_REOPENED')}
            </span>
          )}
        </p>
      )}
      <dl className="review-answer__facts">
        {changed && change ? (
          <>
            <div className="review-answer__previous">
              <dt>{t('answer.previous')}</dt>
              <dd data-testid="previous-value">{text(q, change.previous)}</dd>
            </div>
            <div>
              <dt>{t('answer.current')}</dt>
              <dd className="review-answer__value" data-testid="current-value">
                {text(q, change.current)}
              </dd>
            </div>
          </>
        ) : (
          <div>
            <dt>{t('answer.value')}</dt>
            <dd className="review-answer__value" data-testid="answer-value">
              {answer && isAnswered(answer.value) ? text(q, answer.value) : <span className="muted">{t('answer.noAnswer')}</span>}
            </dd>
          </div>
        )}
        {q.indicator && <IndicatorFacts question={q} reading={answer?.reading ?? null} year={year} />}
      </dl>
      {answer?.note && (
        <div className="review-answer__note">
          <p className="review-answer__label">{t('answer.note')}</p>
          <p className="pre-wrap">{answer.note}</p>
        </div>
      )}
      {answer?.confidentialityRequested && (
        <div className="review-answer__confidential" data-testid="confidential">
          <p className="review-answer__label">
            <span aria-hidden="true">⚑ </span>
            {t('answer.confidential')}
          </p>
          {answer.confidentialityReason && <p className="pre-wrap">{t('answer.confidentialReason', { reason: answer.confidentialityReason })}</p>}
        </div>
      )}
      {files.length > 0 && (
        <div className="review-answer__files">
          <p className="review-answer__label">{t('answer.attachments')}</p>
          <ul className="plain-list">
            {files.map((f) => (
              <li key={f.id}>
                <a href={`/attachments/${encodeURIComponent(f.id)}`} download={f.fileName} data-testid="attachment-link">
                  {t('answer.download', { name: f.fileName, size: fileSize(f.size, format.language) })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <QuestionThreads
        code={q.code}
        threads={threads}
        reportId={report.id}
        questionId={q.id}
        rights={rights}
        onChanged={onChanged}
        initiallyOpen={threads.some((th) => !th.resolved)}
      />
    </article>
  );
}

/** The value the server read against the period year's target: colour and words ("Grön – når målvärdet"). */
function IndicatorFacts({ question: q, reading, year }: { question: Question; reading: Answer['reading']; year: number | null }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const indicator = q.indicator!;
  const value = reading?.value ?? null;
  const colour = reading?.colour ?? null;
  return (
    <>
      <div>
        <dt>{t('answer.indicator')}</dt>
        <dd lang="sv">
          {indicator.name} <span className="code">({indicator.code})</span>
        </dd>
      </div>
      {value !== null && (
        <div>
          <dt>{t('answer.computed')}</dt>
          <dd>
            <strong>{format.indicator(value, indicator.unit)}</strong>{' '}
            {colour && (
              <span className={`target-level target-level--${colour.toLowerCase()}`} data-testid="target-level" data-level={colour}>
                <span aria-hidden="true" className="target-level__icon">
                  {colour === 'GREEN' ? '✓' : colour === 'AMBER' ? '–' : '!'}
                </span>
                {t(`answer.level.${colour}`)}
              </span>
            )}
          </dd>
        </div>
      )}
      {year !== null && (
        <div>
          <dt>{t('answer.target', { year })}</dt>
          <dd>
            {reading?.target != null ? (
              <>
                {format.indicator(reading.target, indicator.unit)}
                {reading.amberThreshold != null && (
                  <>
                    {' '}
                    <span className="muted">({t('answer.amber', { value: format.indicator(reading.amberThreshold, indicator.unit) })})</span>
                  </>
                )}
              </>
            ) : (
              <span className="muted">{t('answer.noTarget', { year })}</span>
            )}
          </dd>
        </div>
      )}
    </>
  );
}
