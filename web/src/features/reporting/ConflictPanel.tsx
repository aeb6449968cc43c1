import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportPage_ReportFragment } from '../../gql/graphql';
import { ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import type { AttachmentInfo } from './AttachmentInput';
import { allChosen, differingParts, type AnswerState, type Choice } from './conflict';
import { useAnswerText } from './display';
import type { Question } from './QuestionInput';

export type ConflictState =
  | { kind: 'loading' }
  | { kind: 'failed' }
  | {
      kind: 'ready';
      /** The report as saved now. */
      report: ReportPage_ReportFragment;
      saved: ReadonlyMap<string, AnswerState>;
      /** Questions whose answers differ, in template order. */
      ids: string[];
    };

/**
 * Someone else saved the report while the user worked. For each question whose answer differs,
 * both answers side by side and a choice; nothing is merged or overwritten until the user has
 * chosen for every one.
 */
export function ConflictPanel({
  state,
  questions,
  attachments,
  mineNow,
  changedByMe,
  label,
  onRetry,
  onResolve,
}: {
  state: ConflictState;
  questions: ReadonlyMap<string, Question>;
  attachments: readonly AttachmentInfo[];
  /** The user's answer as the form holds it now. */
  mineNow: (questionId: string) => AnswerState;
  /** Whether the user changed the question (else only the other writer did). */
  changedByMe: (questionId: string) => boolean;
  label: (q: Question) => string;
  onRetry: () => void;
  onResolve: (state: Extract<ConflictState, { kind: 'ready' }>, choices: Record<string, Choice>) => void;
}) {
  const { t } = useTranslation('reporting');
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [tried, setTried] = useState(false);
  const names = useMemo(() => {
    const map = new Map(attachments.map((a) => [a.id, a.fileName]));
    if (state.kind === 'ready') for (const a of state.report.attachments) map.set(a.id, a.fileName);
    return map;
  }, [attachments, state]);
  const text = useAnswerText(names);

  useEffect(() => {
    if (state.kind === 'ready') ref.current?.focus();
  }, [state.kind]);

  if (state.kind === 'loading') return <Loading label={t('conflict.loading')} />;
  if (state.kind === 'failed') return <ErrorNotice onRetry={onRetry} title={t('conflict.loadFailed')} />;

  const describe = (q: Question, answer: AnswerState | undefined, parts: ReturnType<typeof differingParts>) => {
    const value = answer?.value;
    const typed = value && typeof value === 'object' && 'typed' in value ? String((value as { typed: string }).typed) : null;
    return (
      <>
        <span className="conflict-row__value">{typed ?? text(q, value ?? null)}</span>
        {parts.note && <span className="conflict-row__extra">{t('conflict.noteLabel', { note: answer?.note ?? t('common.none') })}</span>}
        {parts.confidentiality && answer?.confidentialityRequested && (
          <span className="conflict-row__extra">{t('conflict.confidentialLabel', { reason: answer.confidentialityReason ?? '' })}</span>
        )}
      </>
    );
  };

  const complete = allChosen(state.ids, choices);
  return (
    <div className="notice notice--warning conflict conflict-panel" ref={ref} tabIndex={-1} aria-labelledby={headingId} data-testid="conflict">
      <h2 className="notice__title conflict__title" id={headingId}>
        <span className="notice__icon notice__icon--warning" aria-hidden="true">
          !
        </span>
        {t('conflict.title')}
      </h2>
      {state.ids.length === 0 ? (
        <>
          <p>{t('conflict.none')}</p>
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={() => onResolve(state, {})} data-testid="conflict-continue">
              {t('conflict.continue')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{t('conflict.body')}</p>
          <ol className="conflict-rows">
            {state.ids.map((id) => {
              const q = questions.get(id)!;
              const mine = mineNow(id);
              const saved = state.saved.get(id);
              const parts = differingParts(mine, saved ?? { value: null, note: null, confidentialityRequested: false, confidentialityReason: null });
              const choice = choices[id];
              const rowHeading = `${headingId}-${id}`;
              return (
                <li key={id} className="conflict-row" data-testid="conflict-row" data-code={q.code}>
                  <h3 className="conflict-row__question" id={rowHeading}>
                    {label(q)}
                  </h3>
                  <div className="conflict-row__compare">
                    <div className={`conflict-row__side${choice === 'mine' ? ' conflict-row__side--chosen' : ''}`}>
                      <p className="conflict-row__label">{changedByMe(id) ? t('conflict.mine') : t('conflict.mineUntouched')}</p>
                      <p className="conflict-row__answer" data-testid="conflict-mine">
                        {describe(q, mine, parts)}
                      </p>
                      <button
                        type="button"
                        className="button button--small button--secondary"
                        aria-pressed={choice === 'mine'}
                        aria-describedby={rowHeading}
                        onClick={() => setChoices((c) => ({ ...c, [id]: 'mine' }))}
                        data-testid="conflict-keep-mine"
                      >
                        {choice === 'mine' && <span aria-hidden="true">✓ </span>}
                        {t('conflict.keepMine')}
                      </button>
                    </div>
                    <div className={`conflict-row__side${choice === 'saved' ? ' conflict-row__side--chosen' : ''}`}>
                      <p className="conflict-row__label">{t('conflict.saved')}</p>
                      <p className="conflict-row__answer" data-testid="conflict-saved">
                        {describe(q, saved, parts)}
                      </p>
                      <button
                        type="button"
                        className="button button--small button--secondary"
                        aria-pressed={choice === 'saved'}
                        aria-describedby={rowHeading}
                        onClick={() => setChoices((c) => ({ ...c, [id]: 'saved' }))}
                        data-testid="conflict-use-saved"
                      >
                        {choice === 'saved' && <span aria-hidden="true">✓ </span>}
                        {t('conflict.useSaved')}
                      </button>
                    </div>
                  </div>
                  {choice && <p className="conflict-row__chosen">{choice === 'mine' ? t('conflict.chosenMine') : t('conflict.chosenSaved')}</p>}
                </li>
              );
            })}
          </ol>
          {tried && !complete && (
            <p className="field-error" role="alert">
              <span aria-hidden="true" className="field-error__icon">
                !
              </span>
              <span>{t('conflict.chooseAll')}</span>
            </p>
          )}
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              aria-disabled={!complete}
              onClick={() => {
                setTried(true);
                if (complete) onResolve(state, choices);
              }}
              data-testid="conflict-apply"
            >
              {t('conflict.apply')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
