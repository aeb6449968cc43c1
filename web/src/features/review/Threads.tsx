import { useId, useRef, useState, type ReactNode } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { ThreadList_ThreadFragment } from '../../gql/graphql';
import { FieldErrorText } from '../../shared/forms/Form';
import type { FieldMessage } from '../../shared/forms/errors';
import { useFormat } from '../../shared/hooks/useFormat';
import { localized } from '../reporting/values';
import { CommentBody } from './CommentBody';
import { useReviewErrors } from './errors';
import { AddCommentMutation, ReopenThreadMutation, ResolveThreadMutation } from './reviewQuery';

/** What the viewer may do with threads here. */
export interface ThreadRights {
  /** Start a thread (reviewers). */
  start: boolean;
  /** Reply in an unresolved thread (reviewers and the report's provider). */
  reply: boolean;
  /** Mark resolved or reopen (reviewers). */
  resolve: boolean;
}

/** Unresolved first (oldest first), then resolved. */
export function orderThreads<T extends { resolved: boolean; createdAt: string }>(threads: readonly T[]): T[] {
  return [...threads].sort((a, b) => Number(a.resolved) - Number(b.resolved) || a.createdAt.localeCompare(b.createdAt));
}

/**
 * The threads of one question (or of the whole report): each with its comments, a reply field,
 * and resolve/reopen; below them a field to start a new thread.
 */
export function ThreadList({
  threads,
  reportId,
  questionId,
  rights,
  onChanged,
  headingLevel = 4,
  showQuestion = false,
  testId,
}: {
  threads: readonly ThreadList_ThreadFragment[];
  reportId: string;
  /** The question new threads are about; null for the whole report. */
  questionId: string | null;
  rights: ThreadRights;
  onChanged: () => Promise<unknown>;
  headingLevel?: 3 | 4;
  showQuestion?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation('review');
  const [status, setStatus] = useState('');
  const ordered = orderThreads(threads);
  return (
    <div className="threads" data-testid={testId}>
      {ordered.length === 0 && <p className="muted">{t('threads.none')}</p>}
      {ordered.map((thread) => (
        <Thread
          key={thread.id}
          thread={thread}
          reportId={reportId}
          rights={rights}
          onChanged={onChanged}
          onStatus={setStatus}
          headingLevel={headingLevel}
          showQuestion={showQuestion}
        />
      ))}
      {rights.start && (
        <CommentForm
          reportId={reportId}
          questionId={questionId}
          label={t('threads.startLabel')}
          hint={t('threads.startHint')}
          button={t('threads.startButton')}
          heading={t('threads.start')}
          headingLevel={headingLevel}
          onSent={async () => {
            await onChanged();
            setStatus(t('threads.sent'));
          }}
          testId="start-thread"
        />
      )}
      <p className="threads__status" role="status" data-testid="threads-status">
        {status}
      </p>
    </div>
  );
}

function Thread({
  thread,
  reportId,
  rights,
  onChanged,
  onStatus,
  headingLevel,
  showQuestion,
}: {
  thread: ThreadList_ThreadFragment;
  reportId: string;
  rights: ThreadRights;
  onChanged: () => Promise<unknown>;
  onStatus: (message: string) => void;
  headingLevel: 3 | 4;
  showQuestion: boolean;
}) {
  const { t, i18n } = useTranslation('review');
  const format = useFormat();
  const headingId = useId();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const [resolve] = useMutation(ResolveThreadMutation);
  const [reopen] = useMutation(ReopenThreadMutation);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const toErrors = useReviewErrors();
  const question = thread.question ? localized(thread.question.text, thread.question.textEn, i18n.language) : null;

  const toggle = async () => {
    if (busy) return;
    setBusy(true);
    setFailed(null);
    try {
      if (thread.resolved) await reopen({ variables: { threadId: thread.id } });
      else await resolve({ variables: { threadId: thread.id } });
      await onChanged();
      onStatus(thread.resolved ? t('threads.reopenedDone') : t('threads.resolvedDone'));
    } catch (error) {
      setFailed(toErrors(error, () => null).errors.general[0]?.text ?? t('common.actionFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className={`thread${thread.resolved ? ' thread--resolved' : ''}`} aria-labelledby={headingId} data-testid="thread" data-resolved={thread.resolved}>
      <Heading id={headingId} className="thread__heading">
        {showQuestion && (
          <span className="thread__question">
            {thread.question ? (
              <>
                <span className="question__code">{thread.question.code}</span> <span lang={question?.lang}>{question?.text}</span>
              </>
            ) : (
              t('provider.reportWide')
            )}
          </span>
        )}
        <span className="thread__started">{t('threads.thread', { date: format.dateTime(thread.createdAt) })}</span>
        <span className={`thread-state thread-state--${thread.resolved ? 'resolved' : 'open'}`}>
          <span aria-hidden="true">{thread.resolved ? '✓ ' : '● '}</span>
          {thread.resolved ? t('threads.resolved') : t('threads.open')}
        </span>
      </Heading>
      {thread.answerChanged && (
        <p className="thread__changed">
          <span aria-hidden="true">↻ </span>
          {t('threads.answerChanged')}
        </p>
      )}
      <ol className="comments">
        {thread.comments.map((c) => (
          <li key={c.id} className={`comment comment--${c.authorRole === 'PROVIDER' ? 'provider' : 'region'}`} data-testid="comment">
            <p className="comment__meta">
              <span className="comment__author">{t('threads.by', { name: c.authorName, role: t(`roles.${c.authorRole}`) })}</span>{' '}
              <time dateTime={c.createdAt} className="muted">
                {format.dateTime(c.createdAt)}
              </time>
            </p>
            <CommentBody body={c.body} />
          </li>
        ))}
      </ol>
      {rights.reply && !thread.resolved && (
        <CommentForm
          reportId={reportId}
          threadId={thread.id}
          label={t('threads.replyLabel')}
          button={t('threads.send')}
          onSent={async () => {
            await onChanged();
            onStatus(t('threads.sent'));
          }}
          testId="reply"
          compact
        />
      )}
      {rights.resolve && (
        <p className="thread__actions">
          <button type="button" className="button button--secondary button--small" onClick={() => void toggle()} aria-disabled={busy} data-testid={thread.resolved ? 'reopen-thread' : 'resolve-thread'}>
            {thread.resolved ? t('threads.reopen') : t('threads.resolve')}
          </button>
        </p>
      )}
      {failed && (
        <p className="field-error" role="alert">
          {failed}
        </p>
      )}
    </article>
  );
}

/** A text field and a button: starts a thread (no threadId) or replies in one. */
function CommentForm({
  reportId,
  questionId = null,
  threadId,
  label,
  hint,
  button,
  heading,
  headingLevel = 4,
  onSent,
  testId,
  compact,
}: {
  reportId: string;
  questionId?: string | null;
  threadId?: string;
  label: string;
  hint?: string;
  button: string;
  heading?: ReactNode;
  headingLevel?: 3 | 4;
  onSent: () => Promise<void>;
  testId: string;
  compact?: boolean;
}) {
  const { t } = useTranslation('review');
  const id = useId();
  const [body, setBody] = useState('');
  const [error, setError] = useState<FieldMessage | null>(null);
  const [general, setGeneral] = useState<FieldMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const [add] = useMutation(AddCommentMutation);
  const toErrors = useReviewErrors();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';

  const submit = async () => {
    if (busy) return;
    setGeneral(null);
    if (!body.trim()) {
      setError({ text: t('threads.bodyMissing') });
      ref.current?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await add({ variables: { input: threadId ? { reportId, threadId, body } : { reportId, questionId, body } } });
      setBody('');
      await onSent();
    } catch (e) {
      const { errors } = toErrors(e, (path) => (path === 'body' ? 'body' : null));
      if (errors.fields['body']) {
        setError(errors.fields['body']);
        ref.current?.focus();
      }
      setGeneral(errors.general[0] ?? null);
    } finally {
      setBusy(false);
    }
  };

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <form
      className={`comment-form${compact ? ' comment-form--compact' : ''}`}
      noValidate
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {heading && (
        <Heading id={`${id}-heading`} className="comment-form__heading">
          {heading}
        </Heading>
      )}
      <div className={`field${error ? ' field--error' : ''}`}>
        <label htmlFor={`${id}-body`}>{label}</label>
        {hint && (
          <p className="field-hint" id={hintId}>
            {hint}
          </p>
        )}
        {error && <FieldErrorText id={errorId} message={error} />}
        <textarea
          id={`${id}-body`}
          ref={ref}
          rows={compact ? 2 : 3}
          value={body}
          maxLength={10000}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      </div>
      {general && (
        <p className="field-error" role="alert">
          <span lang={general.lang}>{general.text}</span>
        </p>
      )}
      <button type="submit" className="button button--primary button--small" aria-disabled={busy}>
        {busy ? t('threads.sending') : button}
      </button>
    </form>
  );
}

/**
 * A question's threads behind a button that says how many there are ("Kommentarer (2, 1
 * olösta)"), so the answers stay readable; open from the start when `initiallyOpen`.
 */
export function QuestionThreads({
  code,
  threads,
  reportId,
  questionId,
  rights,
  onChanged,
  initiallyOpen = false,
}: {
  code: string;
  threads: readonly ThreadList_ThreadFragment[];
  reportId: string;
  questionId: string;
  rights: ThreadRights;
  onChanged: () => Promise<unknown>;
  initiallyOpen?: boolean;
}) {
  const { t } = useTranslation('review');
  const [open, setOpen] = useState(initiallyOpen);
  const panelId = useId();
  const unresolved = threads.filter((th) => !th.resolved).length;
  if (threads.length === 0 && !rights.start) return null;
  const label = threads.length === 0 ? t('threads.toggleNone') : t('threads.toggleCount', { total: threads.length, open: unresolved });
  return (
    <div className="question-threads">
      <button
        type="button"
        className="button button--secondary button--small question-threads__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        data-testid="threads-toggle"
      >
        <span aria-hidden="true" className="question-threads__icon">
          {open ? '▾' : '▸'}
        </span>{' '}
        {label}
      </button>
      <div id={panelId} className="question-threads__panel" role="region" aria-label={t('threads.panelLabel', { code })} hidden={!open} data-testid="threads-panel">
        {open && <ThreadList threads={threads} reportId={reportId} questionId={questionId} rights={rights} onChanged={onChanged} />}
      </div>
    </div>
  );
}
