import { useEffect, useRef, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { Link, useLocation } from 'react-router';
import { useNamespace } from '../../app/i18n';
import { paths } from '../../app/routes';
import { Form, TextField, useFormErrors } from '../../shared/forms/Form';
import { apiProblem } from '../../shared/forms/errors';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../shared/hooks/useFormat';
import { PageHeader } from '../../shared/ui/PageHeader';
import type { PublicInsightRequestData } from './documents';
import { tidyTrackingCode } from './insightForm';
import { Breadcrumb } from './Breadcrumb';

const InsightStatusQuery = graphql(`
  query InsightRequestStatus($trackingCode: String!) {
    insightRequestStatus(trackingCode: $trackingCode) {
      reference subject status providerName unitName receivedAt dueAt decision legalGround appealNote decisionText decidedAt closedAt
      events { kind at note }
    }
  }
`);

/** /insyn/status — the requester enters the tracking code and sees status, timeline and decision. */
export default function InsightStatusPage() {
  useNamespace('public/shared', 'public/status');
  const { t } = useTranslation('public');
  const { t: tDefault } = useTranslation();
  useDocumentTitle(t('status.title'));
  const client = useApolloClient();
  const location = useLocation();
  const fromReceipt = (location.state as { trackingCode?: unknown } | null)?.trackingCode;
  const [code, setCode] = useState(typeof fromReceipt === 'string' ? fromReceipt : '');
  const state = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [request, setRequest] = useState<PublicInsightRequestData | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const [shownToken, setShownToken] = useState(0);

  const lookUp = async (value: string) => {
    const trackingCode = tidyTrackingCode(value);
    if (!trackingCode) {
      state.show({ fields: { code: { text: t('status.codeMissing') } }, general: [] });
      return;
    }
    setBusy(true);
    try {
      const result = await client.query({ query: InsightStatusQuery, variables: { trackingCode }, fetchPolicy: 'network-only' });
      const found = result.data?.insightRequestStatus ?? null;
      if (!found) {
        setRequest(null);
        state.show({ fields: { code: { text: t('status.notFound') } }, general: [] });
      } else {
        state.clear();
        setRequest(found);
        setShownToken((n) => n + 1);
      }
    } catch (error) {
      const problem = apiProblem(error);
      setRequest(null);
      state.show({ fields: {}, general: [{ text: problem.code === 'RATE_LIMITED' ? t('status.rateLimited') : t('status.failed') }] });
    } finally {
      setBusy(false);
    }
  };

  // Coming from the receipt: show the status at once.
  useEffect(() => {
    if (typeof fromReceipt === 'string' && fromReceipt) void lookUp(fromReceipt);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (shownToken > 0) resultRef.current?.focus();
  }, [shownToken]);

  return (
    <>
      <Breadcrumb items={[{ to: paths.insight, label: tDefault('nav.insight') }, { label: t('status.title') }]} />
      <PageHeader title={t('status.heading')} lead={t('status.lead')} />
      <Form state={state} onSubmit={() => void lookUp(code)} idPrefix="status" testId="status-form" className="form pub-status-form">
        <TextField
          name="code"
          label={t('status.code')}
          hint={t('status.codeHint')}
          value={code}
          onChange={setCode}
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          width="long"
        />
        <div className="button-row">
          <button type="submit" className="button button--primary" aria-disabled={busy} data-testid="status-submit">
            {busy ? t('status.searching') : t('status.show')}
          </button>
        </div>
      </Form>
      {request && <StatusView request={request} headingRef={resultRef} />}
      <p>
        <Link to={paths.insight}>{t('status.newRequest')}</Link>
      </p>
    </>
  );
}

const STEPS = ['RECEIVED', 'REGISTERED', 'FORWARDED', 'ANSWERED', 'DECIDED', 'CLOSED'] as const;

function StatusView({ request, headingRef }: { request: PublicInsightRequestData; headingRef: React.RefObject<HTMLHeadingElement | null> }) {
  const { t } = useTranslation('public');
  const format = useFormat();
  const current = STEPS.indexOf(request.status);
  return (
    <section className="section pub-status" aria-labelledby="status-result" data-testid="insight-status">
      <h2 id="status-result" ref={headingRef} tabIndex={-1}>
        {t('status.resultHeading', { reference: request.reference })}
      </h2>
      <dl className="facts facts--grid panel">
        <div className="facts__wide">
          <dt>{t('status.subject')}</dt>
          <dd className="pre-wrap">{request.subject}</dd>
        </div>
        <div>
          <dt>{t('status.currentStatus')}</dt>
          <dd data-testid="insight-status-value" data-status={request.status}>
            <strong>{t(`insightStatus.${request.status}`)}</strong>
          </dd>
        </div>
        <div>
          <dt>{t('status.receivedAt')}</dt>
          <dd>{format.dateTime(request.receivedAt)}</dd>
        </div>
        {(request.providerName || request.unitName) && (
          <div>
            <dt>{t('common.provider')}</dt>
            <dd>{[request.providerName, request.unitName].filter(Boolean).join(', ')}</dd>
          </div>
        )}
        {request.dueAt && !request.closedAt && (
          <div>
            <dt>{t('status.dueAt')}</dt>
            <dd>{format.dateTime(request.dueAt)}</dd>
          </div>
        )}
        {request.closedAt && (
          <div>
            <dt>{t('status.closedAt')}</dt>
            <dd>{format.dateTime(request.closedAt)}</dd>
          </div>
        )}
      </dl>

      <h3>{t('status.timelineHeading')}</h3>
      <ol className="pub-progress" aria-label={t('status.currentStatus')}>
        {STEPS.map((step, i) => (
          <li key={step} className={i < current ? 'is-done' : i === current ? 'is-current' : undefined} aria-current={i === current ? 'step' : undefined}>
            <span aria-hidden="true" className="pub-progress__mark">
              {i <= current ? '✓' : ''}
            </span>
            {t(`insightStatus.${step}`)}
          </li>
        ))}
      </ol>
      <ol className="pub-timeline" data-testid="insight-timeline">
        {request.events.map((e, i) => (
          <li key={`${e.kind}-${e.at}-${i}`}>
            <time dateTime={e.at} className="pub-timeline__time">
              {format.dateTime(e.at)}
            </time>
            <span className="pub-timeline__what">{t(`insightEvent.${e.kind}`, { defaultValue: t('insightEvent.other') })}</span>
            {e.note && (
              <span className="pub-timeline__note pre-wrap" lang="sv">
                {e.note}
              </span>
            )}
          </li>
        ))}
      </ol>

      <h3>{t('status.decisionHeading')}</h3>
      {request.decision ? (
        <div className="panel" data-testid="insight-decision">
          <dl className="facts">
            <div>
              <dt>{t('status.decision')}</dt>
              <dd>
                <strong>{t(`decision.${request.decision}`)}</strong>
                {request.decidedAt && <> · {format.dateTime(request.decidedAt)}</>}
              </dd>
            </div>
            {request.legalGround && (
              <div>
                <dt>{t('status.legalGround')}</dt>
                <dd lang="sv">{request.legalGround}</dd>
              </div>
            )}
            {request.decisionText && (
              <div>
                <dt>{t('status.decisionText')}</dt>
                <dd lang="sv" className="pre-wrap">
                  {request.decisionText}
                </dd>
              </div>
            )}
          </dl>
          {request.appealNote && (
            <>
              <h4>{t('status.appealHeading')}</h4>
              <p lang="sv" className="pre-wrap">
                {request.appealNote}
              </p>
            </>
          )}
        </div>
      ) : (
        <p className="muted">{t('status.noDecision')}</p>
      )}
    </section>
  );
}
