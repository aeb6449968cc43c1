import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { graphql } from '../../gql';
import type { ReportPage_ReportFragment } from '../../gql/graphql';
import { paths } from '../../app/routes';
import { apiProblem, fieldKey, type FieldMessage, type FormErrors } from '../../shared/forms/errors';
import { Form } from '../../shared/forms/Form';
import { Dialog } from '../../shared/ui/Dialog';
import { forgetLists } from '../access/cache';
import { useFlash } from '../access/flash';
import { useServerMessage } from '../access/useApiErrors';
import { AttachmentInput, uploadAttachment, type AttachmentInfo } from './AttachmentInput';
import { AutosaveQueue, type SaveOutcome, type SaveState } from './autosave';
import { ConflictPanel, type ConflictState } from './ConflictPanel';
import { conflictingQuestions, NO_ANSWER, type AnswerState, type Choice } from './conflict';
import { useProblemText } from './display';
import { answerPath, answerProblem } from './messages';
import { QuestionInput, fieldName, noteFieldName, questionLabel, reasonFieldName, type Draft, type Question } from './QuestionInput';
import { answerStates } from './ReportAnswers';
import { periodYear, ReportPageQuery } from './reportQuery';
import { ProgressMeter } from './ui';
import { checkRaw, isAnswered, localized, parseRaw, rawFromValue, rawText } from './values';

const SaveAnswersMutation = graphql(`
  mutation SaveAnswers($reportId: ID!, $expectedVersion: Int!, $answers: [AnswerInput!]!) {
    saveAnswers(reportId: $reportId, expectedVersion: $expectedVersion, answers: $answers) {
      id
      version
      status
      updatedAt
      progress {
        answered
        required
        requiredAnswered
        total
      }
    }
  }
`);

const SubmitReportMutation = graphql(`
  mutation SubmitReport($reportId: ID!, $expectedVersion: Int!) {
    submitReport(reportId: $reportId, expectedVersion: $expectedVersion) {
      id
      reference
      receivedAt
    }
  }
`);

const DeleteAttachmentMutation = graphql(`
  mutation DeleteAttachment($id: ID!) {
    deleteAttachment(id: $id)
  }
`);

const ReportVersionQuery = graphql(`
  query ReportVersion($id: ID!) {
    report(id: $id) {
      id
      version
      status
      viewerCanEdit
    }
  }
`);

type Report = ReportPage_ReportFragment;

/** One answer as saveAnswers takes it. */
interface AnswerInput {
  questionId: string;
  value: unknown;
  note: string | null;
  confidentialityRequested: boolean;
  confidentialityReason: string | null;
}

function draftOf(q: Question, answer: AnswerState | undefined, language: string): Draft {
  return {
    raw: rawFromValue(q.type, answer?.value ?? null, language),
    note: answer?.note ?? '',
    confidential: answer?.confidentialityRequested ?? false,
    reason: answer?.confidentialityReason ?? '',
  };
}

/** The answer to send for a draft; null when the inputs cannot be sent as they are. */
function inputOf(q: Question, draft: Draft, language: string): AnswerInput | null {
  const parsed = parseRaw(q, draft.raw, language);
  if (!parsed.ok) return null;
  if (draft.confidential && !draft.reason.trim()) return null;
  return {
    questionId: q.id,
    value: parsed.value,
    note: draft.note.trim() || null,
    confidentialityRequested: draft.confidential,
    confidentialityReason: draft.confidential ? draft.reason.trim() : null,
  };
}

function stateOf(input: AnswerInput): AnswerState {
  return {
    value: input.value ?? null,
    note: input.note ?? null,
    confidentialityRequested: input.confidentialityRequested ?? false,
    confidentialityReason: input.confidentialityReason ?? null,
  };
}

/** What the form holds for a question, as an answer (inputs that do not parse stay as typed, so they differ). */
function mineOf(q: Question, draft: Draft, language: string): AnswerState {
  const parsed = parseRaw(q, draft.raw, language);
  return {
    value: parsed.ok ? parsed.value : { typed: rawText(draft.raw) },
    note: draft.note.trim() || null,
    confidentialityRequested: draft.confidential,
    confidentialityReason: draft.reason.trim() || null,
  };
}

type SubmitStage = { kind: 'idle' } | { kind: 'checking' } | { kind: 'confirm'; failed?: string } | { kind: 'sending' };

/**
 * The report form of a provider. Every change goes to the autosave queue; the status of saving is
 * always visible (and announced politely), a conflict is shown question by question, and the
 * report is sent with a confirmation and checked at the top and at each question.
 */
export function ReportEditor({ report, onGone }: { report: Report; onGone: () => void }) {
  const { t, i18n } = useTranslation('reporting');
  const { t: tMain } = useTranslation();
  const language = i18n.language;
  const client = useApolloClient();
  const navigate = useNavigate();
  const { flash } = useFlash();
  const problemText = useProblemText();
  const serverMessage = useServerMessage();

  const questions = useMemo(() => report.template.sections.flatMap((s) => s.questions), [report.template]);
  const questionIds = useMemo(() => questions.map((q) => q.id), [questions]);
  const byId = useMemo(() => new Map(questions.map((q) => [q.id, q])), [questions]);
  const year = periodYear(report.round.period);

  const base = useRef<Map<string, AnswerState>>(answerStates(report.answers));
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(questions.map((q) => [q.id, draftOf(q, base.current.get(q.id), language)])),
  );
  const draftsRef = useRef(drafts);
  const [attachments, setAttachments] = useState<AttachmentInfo[]>(() => [...report.attachments]);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle', at: null });
  const [blocked, setBlocked] = useState<ReadonlySet<string>>(new Set());
  const blockedRef = useRef(blocked);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, FieldMessage>>({});
  const [general, setGeneral] = useState<FieldMessage[]>([]);
  const [focusToken, setFocusToken] = useState(0);
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [gone, setGone] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [submit, setSubmit] = useState<SubmitStage>({ kind: 'idle' });
  const submitVersion = useRef<number | null>(null);

  const updateDrafts = (next: Record<string, Draft>) => {
    draftsRef.current = next;
    setDrafts(next);
  };
  const updateBlocked = (change: (set: Set<string>) => void) => {
    const next = new Set(blockedRef.current);
    change(next);
    blockedRef.current = next;
    setBlocked(next);
  };

  // ----- The queue, with callbacks that always see the latest state -----
  const callbacks = useRef({
    save: async (_answers: AnswerInput[], _version: number): Promise<SaveOutcome> => ({ ok: false, problem: { code: 'NETWORK' } }),
    onSaved: (_answers: AnswerInput[], _version: number) => undefined as void,
    onConflict: (_version: number | null) => undefined as void,
    onRefused: (_problem: Extract<ReturnType<typeof apiProblem>, { code: 'BAD_USER_INPUT' }>, _answers: AnswerInput[]): string[] => [],
  });
  const queueRef = useRef<AutosaveQueue<AnswerInput> | null>(null);
  if (!queueRef.current) {
    queueRef.current = new AutosaveQueue<AnswerInput>({
      version: report.version,
      save: (answers, version) => callbacks.current.save(answers, version),
      onState: setSaveState,
      onSaved: (answers, version) => callbacks.current.onSaved(answers, version),
      onConflict: (version) => callbacks.current.onConflict(version),
      onRefused: (problem, answers) => callbacks.current.onRefused(problem, answers),
    });
  }
  const queue = queueRef.current;

  callbacks.current.save = async (answers, expectedVersion) => {
    try {
      const { data } = await client.mutate({ mutation: SaveAnswersMutation, variables: { reportId: report.id, expectedVersion, answers } });
      return { ok: true, version: data!.saveAnswers.version };
    } catch (error) {
      return { ok: false, problem: apiProblem(error) };
    }
  };
  callbacks.current.onSaved = (answers) => {
    for (const a of answers) base.current.set(a.questionId, stateOf(a));
  };
  callbacks.current.onConflict = () => void startConflict();
  callbacks.current.onRefused = (problem, answers) => {
    const inBatch = new Set(answers.map((a) => a.questionId));
    const fields: Record<string, FieldMessage> = {};
    const refused = new Set<string>();
    const other: FieldMessage[] = [];
    for (const f of problem.fields) {
      const path = answerPath(fieldKey(f.path ?? ''));
      const q = path ? byId.get(path.questionId) : undefined;
      if (path && q) {
        const name = path.part === 'value' ? fieldName(q.id) : path.part === 'note' ? noteFieldName(q.id) : reasonFieldName(q.id);
        fields[name] ??= messageFor(f.message, q);
        if (inBatch.has(q.id)) refused.add(q.id);
      } else if (f.path === 'reportId') {
        setGone(true);
      } else {
        other.push(serverMessage(f.message));
      }
    }
    setServerErrors((e) => ({ ...e, ...fields }));
    if (other.length) setGeneral(other);
    updateBlocked((set) => refused.forEach((id) => set.add(id)));
    return [...refused];
  };

  const messageFor = (message: string, q: Question): FieldMessage => {
    const problem = answerProblem(message, q.type);
    return problem ? { text: problemText(problem) } : serverMessage(message.replace(/^[^:]{1,30}: /, ''));
  };

  // Unsaved changes survive leaving the page inside the app (saved on the way out) and are
  // guarded when the tab is closed or reloaded.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (queue.hasUnsaved() || blockedRef.current.size > 0) {
        event.preventDefault();
        event.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      void queue.flush();
    };
  }, [queue]);

  // ----- Editing -----
  const enqueue = (q: Question, draft: Draft) => {
    const input = inputOf(q, draft, language);
    if (!input) {
      queue.remove(q.id);
      updateBlocked((set) => set.add(q.id));
      return;
    }
    updateBlocked((set) => set.delete(q.id));
    queue.change(input);
  };

  const change = (q: Question, draft: Draft) => {
    updateDrafts({ ...draftsRef.current, [q.id]: draft });
    setServerErrors((e) => {
      const names = [fieldName(q.id), reasonFieldName(q.id), noteFieldName(q.id)];
      if (!names.some((n) => e[n])) return e;
      const next = { ...e };
      for (const n of names) delete next[n];
      return next;
    });
    enqueue(q, draft);
  };

  const leave = (q: Question) => {
    setTouched((set) => (set.has(q.id) ? set : new Set(set).add(q.id)));
    void queue.flush();
  };

  // ----- Files -----
  const uploadMessages = {
    tooLarge: (mb: string) => t('attachment.tooLarge', { mb }),
    badType: t('attachment.badType'),
    empty: t('attachment.empty'),
    session: tMain('form.sessionEnded'),
    failed: t('attachment.failed'),
  };
  const upload = async (q: Question, file: File): Promise<string | null> => {
    const result = await uploadAttachment(report.id, q.id, file, uploadMessages);
    if (!result.ok) return result.message;
    setAttachments((list) => [...list, result.attachment]);
    change(q, { ...draftsRef.current[q.id]!, raw: result.attachment.id });
    void queue.flush();
    return null;
  };
  const removeFile = async (q: Question, attachment: AttachmentInfo): Promise<string | null> => {
    // Save first, so the version is current; the removal clears the answer and moves the version on.
    if (!(await queue.flush())) return t('attachment.removeFailed');
    const before = queue.version;
    try {
      await client.mutate({ mutation: DeleteAttachmentMutation, variables: { id: attachment.id } });
    } catch {
      return t('attachment.removeFailed');
    }
    setAttachments((list) => list.filter((a) => a.id !== attachment.id));
    const draft = { ...draftsRef.current[q.id]!, raw: '' };
    updateDrafts({ ...draftsRef.current, [q.id]: draft });
    const saved = base.current.get(q.id) ?? NO_ANSWER;
    if (saved.value === attachment.id) base.current.set(q.id, { ...saved, value: null });
    try {
      const { data } = await client.query({ query: ReportVersionQuery, variables: { id: report.id }, fetchPolicy: 'network-only' });
      const now = data?.report;
      if (!now?.viewerCanEdit) setGone(true);
      else if (now.version === before + 1) queue.setVersion(now.version);
      else {
        // Someone else saved in between: compare before going on.
        queue.holdForConflict(now.version);
        void startConflict();
      }
    } catch {
      queue.holdForConflict(null);
      void startConflict();
    }
    return null;
  };

  // ----- Conflicts -----
  const startConflict = useCallback(async () => {
    setConflict({ kind: 'loading' });
    try {
      const { data } = await client.query({ query: ReportPageQuery, variables: { id: report.id }, fetchPolicy: 'network-only' });
      const fresh = data?.report;
      if (!fresh || !fresh.viewerCanEdit) {
        setConflict(null);
        setGone(true);
        return;
      }
      const saved = answerStates(fresh.answers);
      const mine = new Map(questions.map((q) => [q.id, mineOf(q, draftsRef.current[q.id]!, language)]));
      setConflict({ kind: 'ready', report: fresh, saved, ids: conflictingQuestions(questionIds, mine, saved) });
    } catch {
      setConflict({ kind: 'failed' });
    }
  }, [client, report.id, questions, questionIds, language]);

  const resolve = (state: Extract<ConflictState, { kind: 'ready' }>, choices: Record<string, Choice>) => {
    const next = { ...draftsRef.current };
    for (const id of state.ids) {
      const q = byId.get(id)!;
      if (choices[id] === 'saved') {
        next[id] = draftOf(q, state.saved.get(id), language);
        queue.remove(id);
        updateBlocked((set) => set.delete(id));
      }
    }
    base.current = new Map(state.saved);
    updateDrafts(next);
    setAttachments((local) => [...state.report.attachments, ...local.filter((a) => !state.report.attachments.some((b) => b.id === a.id))]);
    for (const id of state.ids) if (choices[id] === 'mine') enqueue(byId.get(id)!, next[id]!);
    setConflict(null);
    setAnnounce(t('conflict.resolved'));
    void queue.resolveConflict(state.report.version);
  };

  // ----- Submitting -----
  const errors: FormErrors = useMemo(() => {
    const fields: Record<string, FieldMessage> = {};
    for (const q of questions) {
      const d = drafts[q.id]!;
      const name = fieldName(q.id);
      const check = showAll || touched.has(q.id);
      if (serverErrors[name]) fields[name] = serverErrors[name];
      else if (check) {
        const problem = checkRaw(q, d.raw, language, { requireAnswer: showAll });
        if (problem) fields[name] = { text: problemText(problem) };
      }
      const reason = reasonFieldName(q.id);
      if (serverErrors[reason]) fields[reason] = serverErrors[reason];
      else if (check && d.confidential && !d.reason.trim()) fields[reason] = { text: t('problem.reasonMissing') };
      const note = noteFieldName(q.id);
      if (serverErrors[note]) fields[note] = serverErrors[note];
    }
    // "Not ready to submit" stands above the field messages only while there are any.
    const shown = Object.keys(fields).length > 0 ? general : general.filter((g) => g.text !== t('submit.problems'));
    return { fields, general: shown };
  }, [questions, drafts, showAll, touched, serverErrors, general, language, problemText, t]);

  const startSubmit = async () => {
    if (submit.kind !== 'idle') return;
    setGeneral([]);
    setShowAll(true);
    setSubmit({ kind: 'checking' });
    const saved = await queue.flush();
    const incomplete = questions.some((q) => {
      const d = draftsRef.current[q.id]!;
      return checkRaw(q, d.raw, language, { requireAnswer: true }) !== null || (d.confidential && !d.reason.trim());
    });
    if (!saved || incomplete || blockedRef.current.size > 0) {
      setSubmit({ kind: 'idle' });
      if (!saved && !incomplete) setGeneral([{ text: t('submit.notSaved') }]);
      else setGeneral([{ text: t('submit.problems') }]);
      setFocusToken((n) => n + 1);
      return;
    }
    submitVersion.current = queue.version;
    setSubmit({ kind: 'confirm' });
  };

  const confirmSubmit = async () => {
    if (submit.kind !== 'confirm' || submitVersion.current === null) return;
    setSubmit({ kind: 'sending' });
    try {
      // A retry after a lost answer carries the same version: the server then returns the same receipt.
      const { data } = await client.mutate({
        mutation: SubmitReportMutation,
        variables: { reportId: report.id, expectedVersion: submitVersion.current },
        update: (cache) => {
          cache.evict({ id: cache.identify({ __typename: 'Report', id: report.id }) });
          forgetLists('reports')(cache);
        },
      });
      const submission = data!.submitReport;
      queue.dispose();
      flash(t('submit.done'), paths.receipt(report.id, submission.id));
      navigate(paths.receipt(report.id, submission.id));
    } catch (error) {
      const problem = apiProblem(error);
      if (problem.code === 'BAD_USER_INPUT') {
        setSubmit({ kind: 'idle' });
        submitVersion.current = null;
        callbacks.current.onRefused(problem, []);
        setGeneral((g) => (g.length ? g : [{ text: t('submit.problems') }]));
        setFocusToken((n) => n + 1);
      } else if (problem.code === 'CONFLICT') {
        setSubmit({ kind: 'idle' });
        submitVersion.current = null;
        queue.holdForConflict(problem.currentVersion);
        void startConflict();
      } else if (problem.code === 'UNAUTHENTICATED') {
        setSubmit({ kind: 'confirm', failed: tMain('form.sessionEnded') });
      } else {
        setSubmit({ kind: 'confirm', failed: t('submit.failedNetwork') });
      }
    }
  };

  // ----- Progress -----
  const answeredRequired = (q: Question) => {
    if (!q.required) return false;
    const parsed = parseRaw(q, drafts[q.id]!.raw, language);
    return parsed.ok && isAnswered(parsed.value);
  };
  const required = questions.filter((q) => q.required).length;
  const done = questions.filter(answeredRequired).length;

  // After a reviewer reopened one question of an approved report, only that one can change.
  const locked = (q: Question) => Boolean(report.reopenedQuestionId && report.reopenedQuestionId !== q.id);

  const attachmentOf = (q: Question): AttachmentInfo | null => {
    const id = drafts[q.id]!.raw;
    if (typeof id !== 'string' || !id) return null;
    return attachments.find((a) => a.id === id) ?? { id, fileName: t('attachment.unknown'), size: 0, mediaType: '', questionId: q.id };
  };

  return (
    <div className="report-editor">
      {report.status === 'CHANGES_REQUESTED' && <ReturnedNotice report={report} reopenedCode={report.reopenedQuestionId ? (byId.get(report.reopenedQuestionId)?.code ?? null) : null} />}
      {gone && (
        <div className="notice notice--warning" role="alert">
          <p>{t('report.noLongerEditable')}</p>
          <button type="button" className="button button--secondary" onClick={onGone}>
            {tMain('common.reload')}
          </button>
        </div>
      )}
      <p className="report-editor__lead">{t('report.editLead')}</p>
      <div className="report-layout">
        <nav className="report-index" aria-labelledby="report-index-heading">
          <h2 id="report-index-heading" className="report-index__heading">
            {t('report.sectionsNav')}
          </h2>
          <ol className="report-index__list">
            {report.template.sections.map((section) => {
              const title = localized(section.title, section.titleEn, language);
              const sectionRequired = section.questions.filter((q) => q.required).length;
              const sectionDone = section.questions.filter(answeredRequired).length;
              return (
                <li key={section.id}>
                  <a href={`#section-${section.id}`} lang={title.lang}>
                    {title.text}
                  </a>
                  <span className={`report-index__count${sectionDone === sectionRequired ? ' report-index__count--done' : ''}`}>
                    {sectionDone === sectionRequired && <span aria-hidden="true">✓ </span>}
                    {t('report.sectionProgress', { answered: sectionDone, required: sectionRequired })}
                  </span>
                </li>
              );
            })}
          </ol>
          <ProgressMeter answered={done} required={required} />
        </nav>

        <Form state={{ errors, focusToken }} onSubmit={() => void queue.flush()} idPrefix="report" className="form report-form" testId="report-form">
          {conflict && (
            <ConflictPanel
              state={conflict}
              questions={byId}
              attachments={attachments}
              mineNow={(id) => mineOf(byId.get(id)!, drafts[id]!, language)}
              changedByMe={(id) => queue.unsavedIds().has(id) || blocked.has(id)}
              onRetry={() => void startConflict()}
              onResolve={resolve}
              label={(q) => questionLabel(q, language)}
            />
          )}
          {report.template.sections.map((section) => {
            const title = localized(section.title, section.titleEn, language);
            return (
              <section key={section.id} className="report-section" aria-labelledby={`section-${section.id}`}>
                <h2 id={`section-${section.id}`} className="report-section__heading" tabIndex={-1} lang={title.lang}>
                  {title.text}
                </h2>
                {section.questions.map((q) => (
                  <QuestionInput
                    key={q.id}
                    question={q}
                    draft={drafts[q.id]!}
                    onChange={(d) => change(q, d)}
                    onLeave={() => leave(q)}
                    year={year}
                    disabled={locked(q)}
                    attachment={(props) => (
                      <AttachmentInput
                        {...props}
                        disabled={locked(q)}
                        attachment={attachmentOf(q)}
                        onUpload={(file) => upload(q, file)}
                        onRemove={(a) => removeFile(q, a)}
                      />
                    )}
                  />
                ))}
              </section>
            );
          })}

          <div className="report-bar" data-testid="report-bar">
            <div className="report-bar__save">
              <SaveStatus state={saveState} blocked={blocked.size} />
              {saveState.kind === 'failed' && (
                <button type="button" className="button button--small button--secondary" onClick={() => void queue.retry()} data-testid="save-retry">
                  {t('save.retry')}
                </button>
              )}
            </div>
            <div className="report-bar__progress">
              <ProgressMeter answered={done} required={required} compact />
            </div>
            <button
              type="button"
              className="button button--primary report-bar__submit"
              onClick={() => void startSubmit()}
              aria-disabled={submit.kind !== 'idle'}
              data-testid="submit-report"
            >
              {submit.kind === 'checking' ? t('submit.checking') : t('submit.button')}
            </button>
          </div>
        </Form>
      </div>
      <p className="visually-hidden" role="status">
        {announce}
      </p>
      <Dialog
        open={submit.kind === 'confirm' || submit.kind === 'sending'}
        onClose={() => submit.kind === 'confirm' && setSubmit({ kind: 'idle' })}
        title={t('submit.confirmTitle')}
        testId="submit-dialog"
        stage={submit.kind === 'confirm' && submit.failed ? 'failed' : 'ask'}
      >
        <p>{t('submit.confirmBody', { reference: report.reference, provider: report.provider.name })}</p>
        {submit.kind === 'confirm' && submit.failed && (
          <p className="field-error" role="alert" data-testid="submit-failed">
            <span aria-hidden="true" className="field-error__icon">
              !
            </span>
            <span>{submit.failed}</span>
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--primary" onClick={() => void confirmSubmit()} aria-disabled={submit.kind === 'sending'} data-testid="submit-confirm">
            {submit.kind === 'sending' ? t('submit.sending') : submit.kind === 'confirm' && submit.failed ? t('common.retry') : t('submit.confirm')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setSubmit({ kind: 'idle' })} data-autofocus aria-disabled={submit.kind === 'sending'}>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}

/** The report came back: what to do now (the reviewer's reason and threads are shown above the form). */
function ReturnedNotice({ report, reopenedCode }: { report: Report; reopenedCode: string | null }) {
  const { t } = useTranslation('reporting');
  return (
    <p className="notice notice--warning" data-testid="returned-notice">
      {report.reopenedQuestionId ? t('report.reopened', { code: reopenedCode ?? '' }) : t('report.changesRequested')}
    </p>
  );
}

/** "Sparar…", "Sparat 14:02", "Kunde inte spara — försök igen": visible, and announced politely. */
function SaveStatus({ state, blocked }: { state: SaveState; blocked: number }) {
  const { t, i18n } = useTranslation('reporting');
  const time = (at: Date) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' }).format(at);
  let text: string;
  let tone = 'ok';
  switch (state.kind) {
    case 'idle':
      text = state.at ? t('save.saved', { time: time(state.at) }) : t('save.idleFresh');
      break;
    case 'pending':
      text = t('save.pending');
      tone = 'busy';
      break;
    case 'saving':
      text = t('save.saving');
      tone = 'busy';
      break;
    case 'conflict':
      text = t('save.conflict');
      tone = 'error';
      break;
    case 'failed':
      tone = 'error';
      text = state.reason === 'network' ? t('save.failedNetwork') : state.reason === 'session' ? t('save.failedSession') : t('save.failedRefused');
      break;
  }
  return (
    <p className={`save-status save-status--${tone}`} role="status" aria-live="polite" data-testid="save-status" data-state={state.kind}>
      <span className="save-status__icon" aria-hidden="true">
        {tone === 'ok' ? '✓' : tone === 'error' ? '!' : '…'}
      </span>
      <span>
        {text}
        {state.kind === 'failed' && state.reason === 'network' && <span className="save-status__more"> {t('save.failedNetworkRetry')}</span>}
        {blocked > 0 && <span className="save-status__more"> {t('save.blocked', { count: blocked })}</span>}
      </span>
    </p>
  );
}
