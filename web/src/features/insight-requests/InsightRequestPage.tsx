import { useId, useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { InsightRequestDetail_RequestFragment } from '../../gql/graphql';
import { mayUse } from '../../app/access';
import { paths } from '../../app/routes';
import { useViewer } from '../../app/viewer';
import { isNotFound } from '../../shared/errors';
import { isoDay } from '../../shared/format';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../shared/hooks/useFormat';
import { PageHeader } from '../../shared/ui/PageHeader';
import { ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { CommentBody } from '../review/CommentBody';
import { Breadcrumb } from '../reporting/ui';
import { ConflictReload } from '../publication/ConflictReload';
import { AnswerForm, CloseAction, DecideForm, ForwardForm, RegisterAction, RemindAction } from './InsightActions';
import { InsightRequestQuery } from './insightQuery';
import { InsightStatusBadge, OverdueMark } from './InsightStatusBadge';
import '../reporting/reporting.css';
import '../review/review.css';
import '../publication/publication.css';

type Request = InsightRequestDetail_RequestFragment;

/** One insight request: what was asked, the answer, the decision, the events, and the next step the viewer may take. */
export default function InsightRequestPage() {
  const { id } = useParams();
  return <InsightView key={id} id={id!} />;
}

function InsightView({ id }: { id: string }) {
  const { t } = useTranslation('publication');
  const { data, error, refetch } = useQuery(InsightRequestQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const request = data?.insightRequest ?? null;
  const notFound = isNotFound(error) || (data && !request);
  useDocumentTitle(request ? `${t('request.title')} ${request.reference}` : t('request.title'));
  const crumbs = [{ label: t('insight.title'), to: paths.insightRequests }, { label: request ? request.reference : t('request.title') }];
  return (
    <div className="insight-request-page" data-testid="insight-request-page">
      <Breadcrumb crumbs={crumbs} />
      {!data && !error && <Loading label={t('request.loading')} />}
      {notFound && (
        <div data-testid="insight-not-found">
          <PageHeader title={t('request.notFound')} lead={t('request.notFoundBody')} />
          <p>
            <Link to={paths.insightRequests} className="button button--primary">
              {t('request.back')}
            </Link>
          </p>
        </div>
      )}
      {error && !notFound && !request && <ErrorNotice onRetry={() => void refetch()} />}
      {request && <InsightContent request={request} reload={refetch} />}
    </div>
  );
}

function InsightContent({ request, reload }: { request: Request; reload: () => Promise<unknown> }) {
  const { t } = useTranslation('publication');
  const format = useFormat();
  const ids = useId();
  const { viewer } = useViewer();
  const isProvider = mayUse(viewer?.roles, 'reports');
  const [conflict, setConflict] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // What the requester wrote is in the language they chose on the form.
  const textLang = request.language === 'en' ? 'en' : 'sv';
  const afterAction = () => requestAnimationFrame(() => heading.current?.focus());
  const shared = { request, onConflict: () => setConflict(true), onDone: afterAction };

  return (
    <>
      <PageHeader title={request.subject} lang={textLang}>
        <p className="page-header__meta report-meta">
          <InsightStatusBadge status={request.status} />
          <span className="code" data-testid="insight-reference">
            {request.reference}
          </span>
          {request.overdue && <OverdueMark />}
        </p>
      </PageHeader>

      <section className="panel report-facts" aria-labelledby={`${ids}-facts`}>
        <h2 id={`${ids}-facts`} className="visually-hidden">
          {t('request.facts')}
        </h2>
        <dl className="facts facts--grid">
          <div>
            <dt>{t('request.received')}</dt>
            <dd>{format.dateTime(request.receivedAt)}</dd>
          </div>
          <div>
            <dt>{t('request.provider')}</dt>
            <dd>{request.provider ? <span lang="sv">{request.provider.name}</span> : <span className="muted">{t('insight.noProvider')}</span>}</dd>
          </div>
          {request.unit && (
            <div>
              <dt>{t('request.unit')}</dt>
              <dd lang="sv">{request.unit.name}</dd>
            </div>
          )}
          <div>
            <dt>{t('request.due')}</dt>
            <dd data-testid="insight-due">{request.dueAt ? format.date(isoDay(request.dueAt)) : <span className="muted">{t('request.noDue')}</span>}</dd>
          </div>
          {!isProvider && (
            <div>
              <dt>{t('request.requester')}</dt>
              <dd>{request.requesterEmail ?? <span className="muted">{t('request.noRequester')}</span>}</dd>
            </div>
          )}
          {request.language && (
            <div>
              <dt>{t('request.language')}</dt>
              <dd>{request.language === 'en' ? t('request.languages.en') : t('request.languages.sv')}</dd>
            </div>
          )}
        </dl>
      </section>

      <section className="section" aria-labelledby={`${ids}-description`}>
        <h2 id={`${ids}-description`}>{t('request.description')}</h2>
        <blockquote className="response__body" data-testid="insight-description" lang={textLang}>
          <CommentBody body={request.description} className="pre-wrap" />
        </blockquote>
        <p className="small muted">{t('request.inputNote')}</p>
      </section>

      <section className="section panel decision-panel" aria-labelledby={`${ids}-actions`} data-testid="insight-actions">
        <h2 id={`${ids}-actions`} ref={heading} tabIndex={-1}>
          {t('request.actionsHeading')}
        </h2>
        {conflict && (
          <ConflictReload
            onReload={() => {
              void reload().then(() => {
                setConflict(false);
                afterAction();
              });
            }}
          />
        )}
        <NextStep {...shared} />
      </section>

      <section className="section" aria-labelledby={`${ids}-answer`} data-testid="insight-answer">
        <h2 id={`${ids}-answer`}>{t('request.answerHeading')}</h2>
        {request.answer ? (
          <>
            {request.answeredAt && <p className="small muted">{t('request.answeredAt', { date: format.dateTime(request.answeredAt) })}</p>}
            <blockquote className="response__body">
              <CommentBody body={request.answer} className="pre-wrap" />
            </blockquote>
            {request.secretParts.length > 0 && (
              <>
                <h3>{t('request.secretHeading')}</h3>
                <ul className="plain-list secret-list" data-testid="secret-parts">
                  {request.secretParts.map((p) => (
                    <li key={p.id} className="secret-part">
                      <CommentBody body={p.text} className="pre-wrap secret-part__text" />
                      <p className="small">
                        <strong>{t('actions.secretReason')}:</strong> {p.reason}
                      </p>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        ) : (
          <p className="muted">{t('request.noAnswer')}</p>
        )}
      </section>

      <section className="section" aria-labelledby={`${ids}-decision`} data-testid="insight-decision">
        <h2 id={`${ids}-decision`}>{t('request.decisionHeading')}</h2>
        {request.decision ? (
          <dl className="facts">
            <div>
              <dt>{t('actions.decision')}</dt>
              <dd>
                <strong>{t(`request.decisions.${request.decision}`)}</strong>
                {request.decidedAt && <span className="block small muted">{format.dateTime(request.decidedAt)}</span>}
              </dd>
            </div>
            {request.legalGround && (
              <div>
                <dt>{t('request.legalGround')}</dt>
                <dd>{request.legalGround}</dd>
              </div>
            )}
            {request.decisionText && (
              <div>
                <dt>{t('request.decisionText')}</dt>
                <dd>
                  <CommentBody body={request.decisionText} className="pre-wrap" />
                </dd>
              </div>
            )}
            {request.appealNote && (
              <div>
                <dt>{t('request.appealNote')}</dt>
                <dd>
                  <CommentBody body={request.appealNote} className="pre-wrap" />
                </dd>
              </div>
            )}
          </dl>
        ) : request.closeNote ? (
          <CommentBody body={request.closeNote} className="pre-wrap" />
        ) : (
          <p className="muted">{t('request.noDecision')}</p>
        )}
      </section>

      <section className="section" aria-labelledby={`${ids}-timeline`}>
        <h2 id={`${ids}-timeline`}>{t('request.timelineHeading')}</h2>
        <Timeline events={request.events} />
      </section>
    </>
  );
}

const KNOWN_EVENTS = ['RECEIVED', 'REGISTERED', 'FORWARDED', 'REMINDED', 'ANSWERED', 'DECIDED', 'CLOSED'];

function Timeline({ events }: { events: Request['events'] }) {
  const { t } = useTranslation('publication');
  const format = useFormat();
  if (events.length === 0) return <p className="muted">{t('request.timelineEmpty')}</p>;
  return (
    <ol className="timeline" data-testid="insight-timeline">
      {[...events]
        .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
        .map((e, i) => (
          <li key={`${e.kind}-${e.at}-${i}`} className="timeline__item" data-kind={e.kind}>
            <span className="timeline__what">{KNOWN_EVENTS.includes(e.kind) ? t(`request.events.${e.kind}`) : t('request.events.other', { kind: e.kind })}</span>{' '}
            <span className="timeline__when muted small">
              <time dateTime={e.at}>{format.dateTime(e.at)}</time>
              {e.actorName && <>, {e.actorName}</>}
            </span>
            {e.note && <CommentBody body={e.note} className="pre-wrap small timeline__note" />}
          </li>
        ))}
    </ol>
  );
}

interface StepProps {
  request: Request;
  onConflict: () => void;
  onDone: () => void;
}

/** What the viewer may do now: the server says whether they handle requests or answer this one. */
function NextStep({ request, onConflict, onDone }: StepProps) {
  const { t } = useTranslation('publication');
  const shared = { request, onConflict, onDone };
  const status = request.status;
  if (status === 'CLOSED') return <p>{t('request.closed')}</p>;
  if (request.viewerCanHandle) {
    switch (status) {
      case 'RECEIVED':
        return <RegisterAction {...shared} />;
      case 'REGISTERED':
        return (
          <>
            <ForwardForm {...shared} />
            <AnswerForm {...shared} region />
          </>
        );
      case 'FORWARDED':
        return (
          <>
            <p>{t('request.waitingProvider')}</p>
            <RemindAction {...shared} />
            <AnswerForm {...shared} region />
          </>
        );
      case 'ANSWERED':
        return <DecideForm {...shared} />;
      case 'DECIDED':
        return <CloseAction {...shared} />;
    }
  }
  if (request.viewerCanAnswer) return <AnswerForm {...shared} region={false} />;
  if (status === 'FORWARDED') return <p>{t('request.waitingProvider')}</p>;
  return <p>{t('request.nothing')}</p>;
}
