import { useId, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type {
  PublicationPanelQuery as PanelData,
  PublicationPreviewQuery as PreviewData,
  PublishedValue_ValueFragment,
  PublicResponse_ResponseFragment,
} from '../../gql/graphql';
import { hasAnyRole, useViewer } from '../../app/viewer';
import { isoDay } from '../../shared/format';
import { useFormat } from '../../shared/hooks/useFormat';
import { ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { TableScroll } from '../../shared/ui/TableScroll';
import { useFlash } from '../access/flash';
import { CommentBody } from '../review/CommentBody';
import { confidentialityRows, splitResponses } from './model';
import { ConfidentialityDialog, CorrectValueDialog, PublishDialog, RejectResponseDialog } from './PublicationDialogs';
import { usePublicationErrors } from './errors';
import { useTextsReady } from './useTexts';
import { DecidePublicResponseMutation, PublicationPanelQuery, PublicationPreviewQuery } from './publicationQuery';
import { ConflictReload } from './ConflictReload';
import { LevelText, QuestionLabel, TargetText, ValueCell } from './ui';
import { CorrectionLog } from './CorrectionLog';
import '../review/review.css';
import './publication.css';

type Report = NonNullable<PanelData['report']>;
export type Dialog =
  | { kind: 'confidentiality'; questionId: string; granted: boolean }
  | { kind: 'publish' }
  | { kind: 'correct'; value: PublishedValue_ValueFragment }
  | { kind: 'reject'; response: PublicResponse_ResponseFragment };

/**
 * The publication of an approved or published report, in the review view: the region's decision
 * on each confidentiality request, a preview of exactly what the public will see, publishing; once
 * published, the values with their corrections and the provider's public responses. Its texts (the
 * "publication" namespace) load first, with a loading message in the panel's place.
 */
export default function PublicationPanel({ reportId, onPublished }: { reportId: string; onPublished: () => Promise<unknown> }) {
  const ready = useTextsReady('publication');
  const { t } = useTranslation('review');
  if (!ready) return <Loading label={t('review.loading')} />;
  return <Panel reportId={reportId} onPublished={onPublished} />;
}

function Panel({ reportId, onPublished }: { reportId: string; onPublished: () => Promise<unknown> }) {
  const { t } = useTranslation('publication');
  const ids = useId();
  const format = useFormat();
  const { viewer } = useViewer();
  const { flash } = useFlash();
  const canAct = hasAnyRole(viewer, ['REVIEWER', 'ADMIN']);
  const { data, error, refetch } = useQuery(PublicationPanelQuery, { variables: { id: reportId }, fetchPolicy: 'cache-and-network' });
  const report = data?.report ?? null;
  const approved = report?.status === 'APPROVED';
  const preview = useQuery(PublicationPreviewQuery, { variables: { reportId }, skip: !approved, fetchPolicy: 'cache-and-network' });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // After a conflict the report itself may have moved on (published by someone else): the page reloads it too.
  const reload = async () => {
    await Promise.all([refetch(), approved ? preview.refetch() : null, onPublished()]).catch(() => undefined);
  };
  const onDone = async (message: string, { published = false } = {}) => {
    setDialog(null);
    await reload();
    if (published) await onPublished().catch(() => undefined);
    flash(message);
    requestAnimationFrame(() => heading.current?.focus());
  };

  return (
    <section className="section panel publication-panel" aria-labelledby={`${ids}-heading`} data-testid="publication-panel">
      <h2 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
        {t('panel.heading')}
      </h2>
      {!data && !error && <Loading label={t('panel.loading')} />}
      {error && !report && <ErrorNotice onRetry={() => void refetch()} />}
      {report && (
        <>
          <p>{approved ? t('panel.leadApproved') : t('panel.leadPublished', { date: report.publishedAt ? format.date(isoDay(report.publishedAt)) : '' })}</p>
          {!canAct && <p className="muted">{t('panel.readOnly')}</p>}
          <ConfidentialitySection report={report} canAct={canAct && approved} onOpen={setDialog} />
          {approved ? (
            <PreviewSection preview={preview} canAct={canAct} onPublish={() => setDialog({ kind: 'publish' })} />
          ) : (
            <>
              <PublishedSection values={report.publishedValues} canAct={canAct} onCorrect={(value) => setDialog({ kind: 'correct', value })} />
              <section className="subsection" aria-labelledby={`${ids}-corrections`}>
                <h3 id={`${ids}-corrections`}>{t('corrections.heading')}</h3>
                <CorrectionLog corrections={report.corrections} />
              </section>
              <ResponsesSection responses={report.publicResponses} canAct={canAct} onReject={(response) => setDialog({ kind: 'reject', response })} onDone={onDone} onReload={reload} />
            </>
          )}
          <DialogFor dialog={dialog} report={report} valuesCount={preview.data?.publicationPreview.values.length ?? 0} onClose={() => setDialog(null)} onDone={onDone} onReload={reload} />
        </>
      )}
    </section>
  );
}

function DialogFor({
  dialog,
  report,
  valuesCount,
  onClose,
  onDone,
  onReload,
}: {
  dialog: Dialog | null;
  report: Report;
  valuesCount: number;
  onClose: () => void;
  onDone: (message: string, options?: { published?: boolean }) => Promise<void>;
  onReload: () => Promise<void>;
}) {
  const questions = useMemo(() => new Map(report.template.sections.flatMap((s) => s.questions.map((q) => [q.id, q]))), [report.template.sections]);
  const confidentiality = dialog?.kind === 'confidentiality' ? dialog : null;
  const question = confidentiality ? questions.get(confidentiality.questionId) : undefined;
  return (
    <>
      <ConfidentialityDialog
        open={Boolean(confidentiality && question)}
        reportId={report.id}
        question={question ?? null}
        granted={confidentiality?.granted ?? true}
        onClose={onClose}
        onDone={onDone}
        onReload={onReload}
      />
      <PublishDialog open={dialog?.kind === 'publish'} reportId={report.id} valuesCount={valuesCount} onClose={onClose} onDone={onDone} onReload={onReload} />
      <CorrectValueDialog open={dialog?.kind === 'correct'} reportId={report.id} value={dialog?.kind === 'correct' ? dialog.value : null} onClose={onClose} onDone={onDone} onReload={onReload} />
      <RejectResponseDialog open={dialog?.kind === 'reject'} response={dialog?.kind === 'reject' ? dialog.response : null} onClose={onClose} onDone={onDone} onReload={onReload} />
    </>
  );
}

function ConfidentialitySection({ report, canAct, onOpen }: { report: Report; canAct: boolean; onOpen: (dialog: Dialog) => void }) {
  const { t } = useTranslation('publication');
  const format = useFormat();
  const ids = useId();
  const questions = useMemo(() => new Map(report.template.sections.flatMap((s) => s.questions.map((q) => [q.id, q]))), [report.template.sections]);
  const rows = useMemo(
    () => confidentialityRows([...questions.keys()], report.answers, report.confidentialityDecisions),
    [questions, report.answers, report.confidentialityDecisions],
  );
  return (
    <section className="subsection" aria-labelledby={`${ids}-heading`} data-testid="confidentiality">
      <h3 id={`${ids}-heading`}>{t('confidentiality.heading')}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('confidentiality.none')}</p>
      ) : (
        <>
          <p>{t('confidentiality.lead')}</p>
          <ul className="plain-list confidentiality-list">
            {rows.map((row) => {
              const q = questions.get(row.questionId);
              if (!q) return null;
              const d = row.decision;
              return (
                <li key={row.questionId} className="confidentiality-item" id={`confidentiality-${q.id}`} data-testid="confidentiality-request" data-code={q.code}>
                  <p className="confidentiality-item__question">
                    <QuestionLabel question={q} />
                  </p>
                  <dl className="facts facts--inline confidentiality-item__facts">
                    <div>
                      <dt>{t('confidentiality.providerReason')}</dt>
                      <dd>{row.providerReason ? <CommentBody body={row.providerReason} className="pre-wrap" /> : <span className="muted">{t('confidentiality.noProviderReason')}</span>}</dd>
                    </div>
                    <div>
                      <dt>{t('confidentiality.decision')}</dt>
                      <dd data-testid="confidentiality-decision" data-granted={d ? String(d.granted) : undefined}>
                        {d ? (
                          <>
                            <strong className={d.granted ? 'conf-decision conf-decision--granted' : 'conf-decision conf-decision--refused'}>
                              <span aria-hidden="true">{d.granted ? '🔒 ' : '✓ '}</span>
                              {d.granted ? t('confidentiality.granted') : t('confidentiality.refused')}
                            </strong>
                            <CommentBody body={d.reason} className="pre-wrap" />
                            <span className="small muted">{t('common.by', { name: d.decidedByName, date: format.dateTime(d.decidedAt) })}</span>
                          </>
                        ) : (
                          <span className="undecided">
                            <span aria-hidden="true">! </span>
                            {t('confidentiality.undecided')}
                          </span>
                        )}
                      </dd>
                    </div>
                  </dl>
                  {canAct && (
                    <p className="button-row">
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => onOpen({ kind: 'confidentiality', questionId: q.id, granted: true })}
                        aria-label={t('confidentiality.grantFor', { code: q.code })}
                        data-testid="grant-confidentiality"
                      >
                        {t('confidentiality.grant')}
                      </button>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => onOpen({ kind: 'confidentiality', questionId: q.id, granted: false })}
                        aria-label={t('confidentiality.refuseFor', { code: q.code })}
                        data-testid="refuse-confidentiality"
                      >
                        {t('confidentiality.refuse')}
                      </button>
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

function PreviewSection({
  preview,
  canAct,
  onPublish,
}: {
  preview: { data?: PreviewData | undefined; error?: unknown; refetch: () => Promise<unknown> };
  canAct: boolean;
  onPublish: () => void;
}) {
  const { t } = useTranslation('publication');
  const ids = useId();
  const data = preview.data?.publicationPreview;
  const pending = data?.pendingConfidentiality ?? [];
  return (
    <>
      <section className="subsection" aria-labelledby={`${ids}-heading`} data-testid="publication-preview">
        <h3 id={`${ids}-heading`}>{t('preview.heading')}</h3>
        <p>{t('preview.lead')}</p>
        {!data && !preview.error ? <Loading label={t('preview.loading')} /> : null}
        {preview.error && !data ? <ErrorNotice onRetry={() => void preview.refetch()} /> : null}
        {data && (
          <>
            {data.values.length === 0 ? (
              <p className="muted">{t('preview.noValues')}</p>
            ) : (
              <TableScroll label={t('preview.tableLabel')}>
                <table className="table table--full publication-table">
                  <caption className="visually-hidden">{t('preview.tableLabel')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('common.question')}</th>
                      <th scope="col">{t('preview.value')}</th>
                      <th scope="col">{t('preview.target')}</th>
                      <th scope="col">{t('preview.level')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.values.map((v) => (
                      <tr key={v.question.id} data-testid="preview-value" data-code={v.question.code}>
                        <th scope="row">
                          <QuestionLabel question={v.question} />
                        </th>
                        <td>
                          <ValueCell question={v.question} shown={v} />
                        </td>
                        <td className="nowrap-wide">
                          <TargetText question={v.question} target={v.target} />
                        </td>
                        <td>{v.suppressed ? <span className="muted">{t('common.none')}</span> : <LevelText colour={v.colour} />}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
            <h4 className="subheading">{t('preview.withheldHeading')}</h4>
            {data.withheld.length === 0 ? (
              <p className="muted">{t('preview.withheldNone')}</p>
            ) : (
              <ul className="plain-list withheld-list" data-testid="withheld">
                {data.withheld.map((w) => (
                  <li key={w.question.id} data-testid="withheld-answer" data-code={w.question.code} data-reason={w.reason}>
                    <QuestionLabel question={w.question} />
                    <span className="withheld-list__why">
                      <span className="visually-hidden">{t('preview.why')}: </span>
                      <span aria-hidden="true">— </span>
                      {t(`preview.withheld.${w.reason}`)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
      {data && (
        <div className="publish-box" data-testid="publish-box">
          {pending.length > 0 && (
            <div className="notice notice--warning" data-testid="pending-confidentiality">
              <p className="notice__title">{t('confidentiality.pending', { count: pending.length })}</p>
              <ul className="plain-list">
                {pending.map((q) => (
                  <li key={q.id}>
                    <a href={`#confidentiality-${q.id}`}>{t('common.questionCode', { code: q.code })}</a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {canAct && (
            <p className="button-row">
              <button
                type="button"
                className="button button--primary"
                onClick={() => data.canPublish && onPublish()}
                aria-disabled={!data.canPublish}
                aria-describedby={data.canPublish ? undefined : `${ids}-blocked`}
                data-testid="publish"
              >
                {t('publish.button')}
              </button>
              {!data.canPublish && (
                <span className="field-hint" id={`${ids}-blocked`}>
                  {t('publish.blocked')}
                </span>
              )}
            </p>
          )}
        </div>
      )}
    </>
  );
}

function PublishedSection({ values, canAct, onCorrect }: { values: readonly PublishedValue_ValueFragment[]; canAct: boolean; onCorrect: (value: PublishedValue_ValueFragment) => void }) {
  const { t } = useTranslation('publication');
  const ids = useId();
  return (
    <section className="subsection" aria-labelledby={`${ids}-heading`} data-testid="published-values">
      <h3 id={`${ids}-heading`}>{t('published.heading')}</h3>
      {values.length === 0 ? (
        <p className="muted">{t('published.none')}</p>
      ) : (
        <PublishedTable values={values} caption={t('published.tableLabel')} action={canAct ? onCorrect : undefined} />
      )}
    </section>
  );
}

/** The current published values; with `action`, a "Rätta" button per value. */
export function PublishedTable({
  values,
  caption,
  action,
}: {
  values: readonly PublishedValue_ValueFragment[];
  caption: string;
  action?: (value: PublishedValue_ValueFragment) => void;
}) {
  const { t } = useTranslation('publication');
  const format = useFormat();
  return (
    <TableScroll label={caption}>
      <table className="table table--full publication-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('common.question')}</th>
            <th scope="col">{t('published.value')}</th>
            <th scope="col">{t('preview.target')}</th>
            <th scope="col">{t('preview.level')}</th>
            <th scope="col">{t('published.version')}</th>
            {action && <th scope="col">{t('published.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {values.map((v) => (
            <tr key={v.id} data-testid="published-value" data-code={v.question.code}>
              <th scope="row">
                <QuestionLabel question={v.question} />
              </th>
              <td>
                <ValueCell question={v.question} shown={v} />
              </td>
              <td className="nowrap-wide">
                <TargetText question={v.question} target={v.target} />
              </td>
              <td>{v.suppressed ? <span className="muted">{t('common.none')}</span> : <LevelText colour={v.colour} />}</td>
              <td className="nowrap-wide">
                {t('published.versionN', { n: v.version })}
                <span className="block small muted">{format.date(isoDay(v.publishedAt))}</span>
              </td>
              {action && (
                <td>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => action(v)}
                    aria-label={t('published.correctFor', { code: v.question.code })}
                    data-testid="correct-value"
                  >
                    {t('published.correct')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function ResponsesSection({
  responses,
  canAct,
  onReject,
  onDone,
  onReload,
}: {
  responses: readonly PublicResponse_ResponseFragment[];
  canAct: boolean;
  onReject: (response: PublicResponse_ResponseFragment) => void;
  onDone: (message: string) => Promise<void>;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation('publication');
  const ids = useId();
  const { pending, decided } = splitResponses(responses);
  return (
    <section className="subsection" aria-labelledby={`${ids}-heading`} data-testid="public-responses">
      <h3 id={`${ids}-heading`}>{t('responses.heading')}</h3>
      <p>{t('responses.lead')}</p>
      {responses.length === 0 && <p className="muted">{t('responses.none')}</p>}
      {pending.length > 0 && (
        <>
          <h4 className="subheading">{t('responses.pendingHeading')}</h4>
          <ul className="plain-list response-list">
            {pending.map((r) => (
              <li key={r.id} className="response response--pending" data-testid="pending-response">
                <ResponseBody response={r} />
                {canAct && <AcceptOrReject response={r} onReject={() => onReject(r)} onDone={onDone} onReload={onReload} />}
              </li>
            ))}
          </ul>
        </>
      )}
      {decided.length > 0 && (
        <>
          <h4 className="subheading">{t('responses.historyHeading')}</h4>
          <ul className="plain-list response-list">
            {decided.map((r) => (
              <li key={r.id} className="response" data-testid="decided-response" data-status={r.status}>
                <ResponseBody response={r} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** One public response: its text (plain text, as written), who wrote it, its status and the reason of a refusal. */
export function ResponseBody({ response }: { response: PublicResponse_ResponseFragment }) {
  const { t } = useTranslation('publication');
  const format = useFormat();
  return (
    <>
      <p className="response__status">
        <ResponseStatus status={response.status} />{' '}
        <span className="small muted">
          {response.submittedByName
            ? t('responses.submittedBy', { name: response.submittedByName, date: format.dateTime(response.submittedAt) })
            : t('responses.submitted', { date: format.dateTime(response.submittedAt) })}
        </span>
      </p>
      <blockquote className="response__body">
        <CommentBody body={response.body} className="pre-wrap" />
      </blockquote>
      {response.status === 'REJECTED' && response.decisionReason && (
        <p className="response__reason" data-testid="response-reason">
          {t('responses.decisionReason', { reason: response.decisionReason })}
          {response.decidedByName && response.decidedAt && <span className="block small muted">{t('common.by', { name: response.decidedByName, date: format.dateTime(response.decidedAt) })}</span>}
        </p>
      )}
    </>
  );
}

const RESPONSE_TONE = { PENDING: 'submitted', ACCEPTED: 'approved', REJECTED: 'changes-requested', WITHDRAWN: 'not-started' } as const;
const RESPONSE_ICON = { PENDING: '●', ACCEPTED: '✓', REJECTED: '!', WITHDRAWN: '○' } as const;

export function ResponseStatus({ status }: { status: PublicResponse_ResponseFragment['status'] }) {
  const { t } = useTranslation('publication');
  return (
    <span className={`status-badge status-badge--${RESPONSE_TONE[status]}`} data-testid="response-status" data-status={status}>
      <span className="status-badge__icon" aria-hidden="true">
        {RESPONSE_ICON[status]}
      </span>
      {t(`responses.status.${status}`)}
    </span>
  );
}

function AcceptOrReject({
  response,
  onReject,
  onDone,
  onReload,
}: {
  response: PublicResponse_ResponseFragment;
  onReject: () => void;
  onDone: (message: string) => Promise<void>;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation('publication');
  const [decide] = useMutation(DecidePublicResponseMutation);
  const toErrors = usePublicationErrors();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const accept = async () => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      await decide({ variables: { id: response.id, accept: true, reason: null } });
      await onDone(t('responses.acceptDone'));
    } catch (error) {
      const result = toErrors(error);
      if (result.conflict) setConflict(true);
      else setMessage(result.errors.general[0]?.text ?? Object.values(result.errors.fields)[0]?.text ?? t('common.actionFailed'));
      setBusy(false);
    }
  };
  return (
    <>
      <p className="button-row">
        <button type="button" className="button button--primary button--small" onClick={() => void accept()} aria-disabled={busy} data-testid="accept-response">
          {busy ? t('common.sending') : t('responses.accept')}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onReject} data-testid="reject-response">
          {t('responses.reject')}
        </button>
      </p>
      {message && (
        <p className="field-error" role="alert">
          <span aria-hidden="true" className="field-error__icon">
            !
          </span>
          <span>{message}</span>
        </p>
      )}
      {conflict && <ConflictReload onReload={() => void onReload().then(() => setConflict(false))} />}
    </>
  );
}
