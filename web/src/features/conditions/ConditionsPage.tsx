import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { mayUse } from '../../app/access';
import { paths } from '../../app/routes';
import { useViewer } from '../../app/viewer';
import { graphql } from '../../gql';
import { useNamespace } from '../../app/i18n';
import { useDataLang } from '../../shared/hooks/useDataLang';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../shared/hooks/useFormat';
import { Badge, type BadgeTone } from '../../shared/ui/Badge';
import { PageHeader } from '../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { TableScroll } from '../../shared/ui/TableScroll';
import { countChanges, pickPair, sideOf, type ChangeKind, type Segment } from './compare';
import './conditions.css';

const ConditionsPageQuery = graphql(`
  query ConditionsPage {
    governingDocuments {
      id
      kind
      title
      decisionReference
      versions {
        id
        version
        decisionReference
        decidedBy
        decidedAt
        note
      }
      currentVersion {
        id
        version
        decisionReference
        decidedBy
        decidedAt
        conditions {
          id
          code
          heading
          text
        }
      }
    }
  }
`);

const ConditionsDiffQuery = graphql(`
  query ConditionsDiff($documentId: ID!, $from: Int!, $to: Int!) {
    governingDocumentDiff(documentId: $documentId, fromVersion: $from, toVersion: $to) {
      conditions {
        code
        change
        oldHeading
        newHeading
        oldText
        newText
        segments {
          kind
          text
        }
      }
    }
  }
`);

const TONES: Record<ChangeKind, BadgeTone> = { ADDED: 'success', REMOVED: 'warning', CHANGED: 'info', UNCHANGED: 'neutral' };
const PARAMS = { from: 'fran', to: 'till' } as const;

/** /likvardiga-villkor — the equal-conditions rules: the conditions in force, every decision, and any two versions compared. */
export default function ConditionsPage() {
  useNamespace('conditions');
  const { t } = useTranslation('conditions');
  useDocumentTitle(t('page.title'));
  const format = useFormat();
  const { viewer } = useViewer();
  const lang = useDataLang();
  const { data, loading, error, refetch } = useQuery(ConditionsPageQuery);
  const doc = data?.governingDocuments.find((d) => d.kind === 'EQUAL_CONDITIONS') ?? null;
  const current = doc?.currentVersion ?? null;

  return (
    <>
      <PageHeader title={t('page.heading')} lead={t('page.lead')}>
        {mayUse(viewer?.roles, 'admin') && (
          <p>
            <Link to={paths.adoptConditions} className="button button--primary" data-testid="adopt-conditions">
              {t('page.admin')}
            </Link>
          </p>
        )}
      </PageHeader>
      <div aria-busy={loading}>
        {loading && <Loading label={t('page.loading')} />}
        {error && <ErrorNotice onRetry={() => void refetch()} />}
        {data && !current && <EmptyNotice title={t('page.none')} />}
        {doc && current && (
          <>
            <section aria-labelledby="conditions-current" className="conditions-section">
              <h2 id="conditions-current">{t('page.current')}</h2>
              <p data-testid="conditions-current-version">
                <span lang={lang}>{doc.title}</span>.{' '}
                {t('page.currentVersion', {
                  version: current.version,
                  date: format.date(current.decidedAt),
                  by: current.decidedBy,
                  reference: current.decisionReference,
                })}
              </p>
              <ol className="conditions-list" data-testid="conditions-current">
                {current.conditions.map((c) => (
                  <li key={c.id} className="card conditions-list__item">
                    <h3 lang={lang}>
                      <span className="conditions-code">{c.code}</span> {c.heading}
                    </h3>
                    <p lang={lang}>{c.text}</p>
                  </li>
                ))}
              </ol>
            </section>

            <section aria-labelledby="conditions-history" className="conditions-section">
              <h2 id="conditions-history">{t('page.history')}</h2>
              <TableScroll label={t('page.historyCaption')}>
                <table className="table table--full conditions-history" data-testid="conditions-history">
                  <caption>{t('page.historyCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('page.version')}</th>
                      <th scope="col">{t('page.decisionReference')}</th>
                      <th scope="col">{t('page.decidedBy')}</th>
                      <th scope="col">{t('page.decidedAt')}</th>
                      <th scope="col">{t('page.note')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...doc.versions].reverse().map((v) => (
                      <tr key={v.id}>
                        <th scope="row">
                          {v.version} {v.version === current.version && <Badge tone="success">{t('page.currentBadge')}</Badge>}
                        </th>
                        <td>{v.decisionReference}</td>
                        <td lang={lang}>{v.decidedBy}</td>
                        <td>{format.date(v.decidedAt)}</td>
                        <td lang={lang}>{v.note ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </section>

            <Compare documentId={doc.id} versions={doc.versions} />
          </>
        )}
      </div>
    </>
  );
}

interface VersionOption {
  version: number;
  decisionReference: string;
  decidedAt: string;
}

function Compare({ documentId, versions }: { documentId: string; versions: VersionOption[] }) {
  const { t } = useTranslation('conditions');
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const [onlyChanges, setOnlyChanges] = useState(false);
  const pair = pickPair(
    versions.map((v) => v.version),
    params.get(PARAMS.from),
    params.get(PARAMS.to),
  );
  const same = pair !== null && pair.from === pair.to;
  const diff = useQuery(ConditionsDiffQuery, {
    variables: { documentId, from: pair?.from ?? 0, to: pair?.to ?? 0 },
    skip: !pair || same,
  });
  const result = (diff.data ?? diff.previousData)?.governingDocumentDiff ?? null;
  const choose = (key: 'from' | 'to', value: string) => {
    const next = new URLSearchParams(params);
    next.set(PARAMS.from, String(key === 'from' ? value : pair?.from));
    next.set(PARAMS.to, String(key === 'to' ? value : pair?.to));
    setParams(next, { replace: true, preventScrollReset: true });
  };
  const label = (v: VersionOption) => t('compare.option', { version: v.version, reference: v.decisionReference, date: format.date(v.decidedAt) });
  const counts = result ? countChanges(result.conditions) : null;
  const shown = result ? result.conditions.filter((c) => !onlyChanges || c.change !== 'UNCHANGED') : [];

  if (!pair) return null;
  return (
    <section aria-labelledby="conditions-compare" className="conditions-section" data-testid="conditions-compare">
      <h2 id="conditions-compare">{t('compare.heading')}</h2>
      <p>{t('compare.lead')}</p>
      <div className="conditions-pickers">
        <div className="field">
          <label htmlFor="conditions-from">{t('compare.from')}</label>
          <select id="conditions-from" value={pair.from} onChange={(e) => choose('from', e.target.value)} data-testid="conditions-from">
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                {label(v)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="conditions-to">{t('compare.to')}</label>
          <select id="conditions-to" value={pair.to} onChange={(e) => choose('to', e.target.value)} data-testid="conditions-to">
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                {label(v)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--checkbox">
          <input id="conditions-only-changes" type="checkbox" checked={onlyChanges} onChange={(e) => setOnlyChanges(e.target.checked)} />
          <label htmlFor="conditions-only-changes">{t('compare.onlyChanges')}</label>
        </div>
      </div>
      <div aria-live="polite" data-testid="conditions-summary">
        {same && <p>{t('compare.same')}</p>}
        {!same && diff.loading && !result && <Loading label={t('compare.loading')} />}
        {!same && counts && <p>{t('compare.summary', { changed: counts.CHANGED, added: counts.ADDED, removed: counts.REMOVED, unchanged: counts.UNCHANGED })}</p>}
      </div>
      {diff.error && <ErrorNotice onRetry={() => void diff.refetch()} />}
      {!same && result && (
        <ol className="conditions-diff" aria-label={t('compare.caption', { from: pair.from, to: pair.to })} data-testid="conditions-diff">
          {shown.map((c) => (
            <li key={c.code} className="card conditions-diff__item" data-change={c.change}>
              <h3>
                <span className="conditions-code">{c.code}</span> <span lang="sv">{c.newHeading ?? c.oldHeading}</span>{' '}
                <Badge tone={TONES[c.change]}>{t(`compare.changes.${c.change}`)}</Badge>
              </h3>
              <div className="conditions-diff__cols">
                <Side title={t('compare.inVersion', { version: pair.from })} present={c.oldText !== null} segments={sideOf(c.segments, 'old')} />
                <Side title={t('compare.inVersion', { version: pair.to })} present={c.newText !== null} segments={sideOf(c.segments, 'new')} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Side({ title, present, segments }: { title: string; present: boolean; segments: Segment[] }) {
  const { t } = useTranslation('conditions');
  return (
    <div className="conditions-diff__side">
      <h4>{title}</h4>
      {present ? (
        <p lang="sv">
          {segments.map((s, i) =>
            s.kind === 'SAME' ? (
              <span key={i}>{s.text}</span>
            ) : s.kind === 'ADDED' ? (
              <ins key={i}>
                <span className="visually-hidden">[{t('compare.added')} </span>
                {s.text}
                <span className="visually-hidden">]</span>
              </ins>
            ) : (
              <del key={i}>
                <span className="visually-hidden">[{t('compare.removed')} </span>
                {s.text}
                <span className="visually-hidden">]</span>
              </del>
            ),
          )}
        </p>
      ) : (
        <p className="conditions-diff__absent">{t('compare.absent')}</p>
      )}
    </div>
  );
}
