import { useEffect, useId, useState } from 'react';
import { ListMore } from '../access/ListMore';
import { useLoadMore } from '../../shared/hooks/useLoadMore';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import type { AuditEventFilter, AuditRow_EventFragment } from '../../gql/graphql';
import { mayUse } from '../../app/access';
import { paths } from '../../app/routes';
import { useViewer } from '../../app/viewer';
import { isIsoDate } from '../../shared/forms/values';
import { endOfDay, startOfDay } from '../../shared/format';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../shared/hooks/useFormat';
import { PageHeader } from '../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { TableScroll } from '../../shared/ui/TableScroll';
import { changesOf, describeValue } from './changes';

const PAGE_SIZE = 50;

/** Actions Insyn records, for the filter; the trail shows any other action by its code. */
export const AUDIT_ACTIONS = [
  'LOGIN',
  'LOGIN_FAILED',
  'LOGIN_RATE_LIMITED',
  'LOGOUT',
  'PASSWORD_CHANGED',
  'PASSWORD_RESET',
  'USER_CREATED',
  'USER_UPDATED',
  'USER_DEACTIVATED',
  'API_TOKEN_CREATED',
  'API_TOKEN_REVOKED',
  'PROVIDER_CREATED',
  'PROVIDER_UPDATED',
  'UNIT_CREATED',
  'UNIT_UPDATED',
  'AGREEMENT_CREATED',
  'AGREEMENT_UPDATED',
  'AGREEMENT_UNITS_CHANGED',
  'CHOICE_SYSTEM_CREATED',
  'CHOICE_SYSTEM_UPDATED',
  'PROGRAM_CREATED',
  'PROGRAM_UPDATED',
  'PROGRAM_ADOPTED',
  'PROGRAM_SUPERSEDED',
  'PROGRAM_VERSION_CREATED',
  'INDICATOR_CREATED',
  'INDICATOR_UPDATED',
  'TARGET_CREATED',
  'TARGET_UPDATED',
  'TEMPLATE_CREATED',
  'TEMPLATE_UPDATED',
  'TEMPLATE_PUBLISHED',
  'TEMPLATE_VERSION_CREATED',
  'ROUND_CREATED',
  'ROUND_OPENED',
  'ANSWERS_SAVED',
  'ATTACHMENT_UPLOADED',
  'ATTACHMENT_REMOVED',
  'REPORT_SUBMITTED',
  'DEMO_REGION_LOADED',
  'DEMO_USERS_LOADED',
  'DEMO_REPORTING_LOADED',
] as const;

export const AUDIT_ENTITY_TYPES = [
  'User',
  'ApiToken',
  'Provider',
  'Unit',
  'Agreement',
  'ChoiceSystem',
  'Program',
  'Indicator',
  'ReportTemplate',
  'FollowUpRound',
  'Report',
  'DemoRegion',
] as const;

const AuditTrailQuery = graphql(`
  query AuditTrailPage($filter: AuditEventFilter, $first: Int!, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...AuditRow_event
        }
      }
    }
  }
`);

export const AuditRowFragment = graphql(`
  fragment AuditRow_event on AuditEvent {
    id
    at
    action
    actorLabel
    actor {
      id
      name
    }
    entityType
    entityId
    before
    after
  }
`);

const AuditActorsQuery = graphql(`
  query AuditActors($first: Int!) {
    users(first: $first) {
      edges {
        node {
          id
          name
          email
        }
      }
    }
  }
`);

export interface AuditFilterState {
  action: string;
  entityType: string;
  actorId: string;
  from: string;
  to: string;
}

const EMPTY: AuditFilterState = { action: '', entityType: '', actorId: '', from: '', to: '' };

export function readAuditFilter(params: URLSearchParams): AuditFilterState {
  const action = params.get('handelse') ?? '';
  const entityType = params.get('typ') ?? '';
  const from = params.get('fom') ?? '';
  const to = params.get('tom') ?? '';
  return {
    action: /^[A-Z_]{2,60}$/.test(action) ? action : '',
    entityType: /^[A-Za-z]{2,40}$/.test(entityType) ? entityType : '',
    actorId: (params.get('aktor') ?? '').slice(0, 64),
    from: isIsoDate(from) ? from : '',
    to: isIsoDate(to) ? to : '',
  };
}

export function writeAuditFilter(state: AuditFilterState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.action) params.set('handelse', state.action);
  if (state.entityType) params.set('typ', state.entityType);
  if (state.actorId) params.set('aktor', state.actorId);
  if (state.from) params.set('fom', state.from);
  if (state.to) params.set('tom', state.to);
  return params;
}

export function toAuditFilter(state: AuditFilterState): AuditEventFilter {
  const filter: AuditEventFilter = {};
  if (state.action) filter.actions = [state.action];
  if (state.entityType) filter.entityType = state.entityType;
  if (state.actorId) filter.actorId = state.actorId;
  if (state.from) filter.from = startOfDay(state.from);
  if (state.to) filter.to = endOfDay(state.to);
  return filter;
}

/** The audit trail: who did what and when, newest first, with what changed. */
export default function AuditTrailPage() {
  const { t } = useTranslation('access');
  useDocumentTitle(t('audit.title'));
  const id = useId();
  const [params, setParams] = useSearchParams();
  const applied = readAuditFilter(params);
  const [draft, setDraft] = useState<AuditFilterState>(applied);
  const appliedKey = writeAuditFilter(applied).toString();
  useEffect(() => setDraft(readAuditFilter(new URLSearchParams(appliedKey))), [appliedKey]);
  const [dateError, setDateError] = useState(false);
  const actors = useQuery(AuditActorsQuery, { variables: { first: 500 } });
  const { data, previousData, error, refetch, fetchMore, networkStatus } = useQuery(AuditTrailQuery, {
    variables: { filter: toAuditFilter(applied), first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const searching = networkStatus === NetworkStatus.loading || networkStatus === NetworkStatus.setVariables;
  const connection = (data ?? (searching ? previousData : undefined))?.auditEvents;
  const edges = connection?.edges ?? [];
  const people = [...(actors.data?.users.edges.map((e) => e.node) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'sv'));

  const apply = (state: AuditFilterState) => {
    if (state.from && state.to && state.to < state.from) {
      setDateError(true);
      document.getElementById(`${id}-to`)?.focus();
      return;
    }
    setDateError(false);
    more.reset();
    setParams(writeAuditFilter(state), { replace: true });
  };

  const more = useLoadMore(connection?.pageInfo, fetchMore, networkStatus, searching);

  const setField = (key: keyof AuditFilterState, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const filtered = appliedKey !== '';

  return (
    <div data-testid="audit-page">
      <PageHeader title={t('audit.heading')} lead={t('audit.lead')} />
      <section className="panel filters-bar" aria-labelledby={`${id}-filters`}>
        <h2 id={`${id}-filters`} className="filters-bar__heading">
          {t('common.filter')}
        </h2>
        <form
          className="filters-bar__form filters-bar__form--audit"
          onSubmit={(event) => {
            event.preventDefault();
            apply(draft);
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-action`}>{t('audit.action')}</label>
            <select id={`${id}-action`} value={draft.action} onChange={(e) => setField('action', e.target.value)} data-testid="audit-action">
              <option value="">{t('audit.allActions')}</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {t(`audit.actions.${a}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-type`}>{t('audit.entityType')}</label>
            <select id={`${id}-type`} value={draft.entityType} onChange={(e) => setField('entityType', e.target.value)} data-testid="audit-type">
              <option value="">{t('audit.allTypes')}</option>
              {AUDIT_ENTITY_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`audit.entityTypes.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-actor`}>{t('audit.actor')}</label>
            <select id={`${id}-actor`} value={draft.actorId} onChange={(e) => setField('actorId', e.target.value)} data-testid="audit-actor">
              <option value="">{t('audit.allActors')}</option>
              {draft.actorId && !people.some((p) => p.id === draft.actorId) && <option value={draft.actorId}>{t('common.loading')}</option>}
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.email})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('audit.from')}</label>
            <input id={`${id}-from`} type="date" value={draft.from} onChange={(e) => setField('from', e.target.value)} data-testid="audit-from" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('audit.to')}</label>
            {dateError && (
              <p className="field-error" id={`${id}-to-error`}>
                <span aria-hidden="true" className="field-error__icon">
                  !
                </span>
                <span>{t('serverMessage.endBeforeStart')}</span>
              </p>
            )}
            <input
              id={`${id}-to`}
              type="date"
              value={draft.to}
              onChange={(e) => setField('to', e.target.value)}
              aria-invalid={dateError || undefined}
              aria-describedby={dateError ? `${id}-to-error` : undefined}
              data-testid="audit-to"
            />
          </div>
          <div className="filters-bar__actions">
            <button type="submit" className="button button--primary" data-testid="audit-apply">
              {t('audit.apply')}
            </button>
            {filtered && (
              <button type="button" className="button button--secondary" onClick={() => apply(EMPTY)}>
                {t('audit.clear')}
              </button>
            )}
          </div>
        </form>
      </section>

      <section className="section section--tight" aria-labelledby={`${id}-results`}>
        <h2 id={`${id}-results`} className="visually-hidden">
          {t('audit.resultsHeading')}
        </h2>
        <p className="results__count" role="status" data-testid="audit-count">
          {connection && !searching ? t('audit.count', { shown: edges.length, total: connection.totalCount }) : t('audit.loading')}
        </p>
        {error && !connection && <ErrorNotice onRetry={() => void refetch()} />}
        {!connection && !error && <Loading label={t('audit.loading')} />}
        {connection && connection.totalCount === 0 && <EmptyNotice title={t('audit.empty')} />}
        {edges.length > 0 && (
          <TableScroll label={t('audit.tableLabel')}>
            <table className="table table--full audit-table" aria-busy={searching || more.loading} data-testid="audit-table">
              <caption className="visually-hidden">{t('audit.tableLabel')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.entity')}</th>
                  <th scope="col">{t('audit.changes')}</th>
                </tr>
              </thead>
              <tbody>
                {edges.map((edge) => (
                  <AuditRow key={edge.node.id} event={edge.node} />
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <ListMore more={more} />
      </section>
    </div>
  );
}

const ADMIN_PAGES: Record<string, (id: string) => string> = {
  User: paths.user,
  Provider: paths.adminProvider,
  ChoiceSystem: paths.choiceSystem,
  Program: paths.adminProgram,
  Indicator: paths.adminIndicator,
};

/** A UUID shortened for the eye ("c21a1dbe…"); screen readers and copying get all of it. */
function shortId(id: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(id)) return id;
  return (
    <>
      <span aria-hidden="true">{id.slice(0, 8)}…</span>
      <span className="visually-hidden">{id}</span>
    </>
  );
}

function AuditRow({ event }: { event: AuditRow_EventFragment }) {
  const { t, i18n } = useTranslation('access');
  const format = useFormat();
  const { viewer } = useViewer();
  const isAdmin = mayUse(viewer?.roles, 'admin');
  const actionKey = `audit.actions.${event.action}`;
  const action = i18n.exists(actionKey, { ns: 'access' }) ? t(actionKey as 'audit.actions.LOGIN') : event.action;
  const typeKey = `audit.entityTypes.${event.entityType}`;
  const type = i18n.exists(typeKey, { ns: 'access' }) ? t(typeKey as 'audit.entityTypes.User') : event.entityType;
  const changes = changesOf(event.before, event.after);
  const words = { empty: t('audit.empty_value'), yes: t('common.yes'), no: t('common.no'), items: (n: number) => t('audit.items', { count: n }) };
  const fieldLabel = (field: string) => {
    const key = `audit.fields.${field}`;
    return i18n.exists(key, { ns: 'access' }) ? t(key as 'audit.fields.name') : field;
  };
  const translateValue = (field: string) => (value: string) => {
    if (field === 'roles' || field === 'role') return i18n.exists(`roles.${value}`, { ns: 'access' }) ? t(`roles.${value as 'ADMIN'}`) : value;
    return value;
  };
  const page = isAdmin && event.entityId ? ADMIN_PAGES[event.entityType] : undefined;
  return (
    <tr data-testid="audit-row">
      <td className="nowrap-wide">
        <time dateTime={event.at}>{format.dateTime(event.at)}</time>
      </td>
      <td>
        {event.actor ? (
          <>
            {event.actor.name}
            <span className="block muted small">{event.actorLabel}</span>
          </>
        ) : (
          <span className="actor-label">{event.actorLabel}</span>
        )}
      </td>
      <td>
        {action}
        {action !== event.action && <span className="block muted small code">{event.action}</span>}
      </td>
      <td>
        {type}
        {event.entityId && (
          <span className="block small code entity-id">
            {page ? <Link to={page(event.entityId)}>{shortId(event.entityId)}</Link> : shortId(event.entityId)}
          </span>
        )}
      </td>
      <td>
        {changes.length === 0 ? (
          <span className="muted">–</span>
        ) : (
          <dl className="changes">
            {changes.map((change) => (
              <div key={change.field} className="changes__item">
                <dt>{fieldLabel(change.field)}</dt>
                <dd>
                  {change.hadBefore && change.hasAfter ? (
                    <>
                      <span className="visually-hidden">{t('audit.from_value')} </span>
                      <span className="changes__before">{describeValue(change.before, words, translateValue(change.field))}</span>
                      <span aria-hidden="true" className="changes__arrow">
                        {' '}
                        →{' '}
                      </span>
                      <span className="visually-hidden"> {t('audit.to_value')} </span>
                      <span className="changes__after">{describeValue(change.after, words, translateValue(change.field))}</span>
                    </>
                  ) : change.hasAfter ? (
                    <span className="changes__after">{describeValue(change.after, words, translateValue(change.field))}</span>
                  ) : (
                    <>
                      <span className="changes__before">{describeValue(change.before, words, translateValue(change.field))}</span>
                      <span className="muted"> ({t('audit.removed')})</span>
                    </>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </td>
    </tr>
  );
}
