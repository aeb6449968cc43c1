import { useTranslation } from 'react-i18next';
import type { AnswerState } from './conflict';
import type { DisplayableQuestion } from './display';
import { useAnswerText } from './display';
import { isAnswered, localized } from './values';

interface Section {
  id: string;
  title: string;
  titleEn?: string | null;
  questions: (DisplayableQuestion & { id: string; code: string; text: string; textEn?: string | null })[];
}

/** Answers from the API keyed by question. */
export function answerStates(
  answers: readonly { question: { id: string }; value?: unknown; note?: string | null; confidentialityRequested: boolean; confidentialityReason?: string | null }[],
): Map<string, AnswerState> {
  return new Map(
    answers.map((a) => [
      a.question.id,
      { value: a.value ?? null, note: a.note ?? null, confidentialityRequested: a.confidentialityRequested, confidentialityReason: a.confidentialityReason ?? null },
    ]),
  );
}

/**
 * The answers of a report, section by section, as text: for readers, for the provider once the
 * report is submitted, and on the receipt.
 */
export function ReportAnswers({
  sections,
  answers,
  attachmentNames,
  headingLevel = 2,
  downloadable,
}: {
  sections: readonly Section[];
  answers: ReadonlyMap<string, AnswerState>;
  attachmentNames: ReadonlyMap<string, string>;
  headingLevel?: 2 | 3;
  downloadable?: boolean;
}) {
  const { t, i18n } = useTranslation('reporting');
  const language = i18n.language;
  const text = useAnswerText(attachmentNames);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="answers" data-testid="answers">
      {sections.map((section) => {
        const title = localized(section.title, section.titleEn, language);
        return (
          <section key={section.id} className="answers__section" aria-labelledby={`answers-${section.id}`}>
            <Heading id={`answers-${section.id}`} className="answers__heading" lang={title.lang}>
              {title.text}
            </Heading>
            <dl className="answers__list">
              {section.questions.map((q) => {
                const answer = answers.get(q.id);
                const label = localized(q.text, q.textEn, language);
                const answered = answer && isAnswered(answer.value);
                return (
                  <div key={q.id} className="answers__item" data-testid="answer-row" data-code={q.code}>
                    <dt>
                      <span className="question__code">{q.code}</span> <span lang={label.lang}>{label.text}</span>
                    </dt>
                    <dd>
                      {answered ? (
                        q.type === 'ATTACHMENT' && downloadable && attachmentNames.has(String(answer.value)) ? (
                          <a href={`/attachments/${encodeURIComponent(String(answer.value))}`} download={attachmentNames.get(String(answer.value))}>
                            {text(q, answer.value)}
                          </a>
                        ) : (
                          <span className="answers__value">{text(q, answer.value)}</span>
                        )
                      ) : (
                        <span className="muted">{t('common.noAnswer')}</span>
                      )}
                      {answer?.note && (
                        <p className="answers__note">
                          <span className="answers__note-label">{t('report.note')}:</span> {answer.note}
                        </p>
                      )}
                      {answer?.confidentialityRequested && (
                        <p className="answers__confidential">
                          <span className="answers__flag">
                            <span aria-hidden="true">⚑ </span>
                            {t('report.confidential')}
                          </span>
                          {answer.confidentialityReason && <> {t('report.confidentialReason', { reason: answer.confidentialityReason })}</>}
                        </p>
                      )}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </section>
        );
      })}
    </div>
  );
}
