import { lazy, Suspense, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { Link, useParams } from 'react-router';
import { useNamespace } from '../../app/i18n';
import { paths } from '../../app/routes';
import { isNotFound } from '../../shared/errors';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../shared/hooks/useFormat';
import { PageHeader } from '../../shared/ui/PageHeader';
import { ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { TableScroll } from '../../shared/ui/TableScroll';
import type { PublicCorrectionData, PublicUnitDetailData, PublicValueData } from './documents';
import { Breadcrumb } from './Breadcrumb';
import { CACHEABLE } from './cacheable';
import { LevelLegend, OwnershipTag, TargetLevel, ValueText, useSwedishData } from './ui';
import { displayValue, levelOf, periodLabel } from './values';

const PublicUnitQuery = graphql(`
  query PublicUnit($id: ID!) {
    publicUnit(id: $id) {
      unit {
        id name kind ownership providerId providerName city
        municipality { code name }
      }
      periods
      results { ...PublicValueFields }
      series { indicator { id code name unit direction } values { id period value target colour suppressed suppressionReason } trend }
      assessments { goal { id code title } rating motivation period assessedAt }
      responses { period body providerName acceptedAt }
      corrections {
        indicator { id code name unit }
        questionCode question period oldValue newValue oldText newText oldSuppressed newSuppressed version date reason
      }
      jointUnits
      indicators { id code name definition unit direction source }
    }
  }
`);

/**
 * The chart is an extra beside the table that carries the same figures: it comes in its own
 * chunk, so the page's text and tables do not wait for it.
 */
const TrendChart = lazy(() => import('./TrendChart').then((m) => ({ default: m.TrendChart })));

/** /enhet/:unitId — a unit's published results, trend, the region's assessment, response and corrections. */
export default function UnitResultsPage() {
  useNamespace('public/shared', 'public/unit');
  const { t } = useTranslation('public');
  const { unitId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(PublicUnitQuery, { ...CACHEABLE, variables: { id: unitId } });
  const detail = data?.publicUnit ?? null;
  const notFound = isNotFound(error) || (data && !detail);
  useDocumentTitle(detail ? t('unit.title', { name: detail.unit.name }) : notFound ? t('unit.notFoundTitle') : null);

  if (notFound) {
    return (
      <div data-testid="unit-not-found">
        <Breadcrumb items={[{ label: t('unit.notFoundTitle') }]} />
        <PageHeader title={t('unit.notFoundTitle')} lead={t('unit.notFoundBody')} />
        <Link to={paths.start} className="button button--primary">
          {t('common.start')}
        </Link>
      </div>
    );
  }
  return (
    <>
      {loading && <Loading label={t('unit.loading')} />}
      {error && (
        <>
          <PageHeader title={t('unit.loading')} />
          <ErrorNotice onRetry={() => void refetch()} />
        </>
      )}
      {detail && <UnitResults detail={detail} />}
    </>
  );
}

function UnitResults({ detail }: { detail: PublicUnitDetailData }) {
  const { t } = useTranslation('public');
  const { t: tDefault } = useTranslation();
  const format = useFormat();
  const { unit } = detail;
  const latest = detail.periods[0] ?? null;
  return (
    <article data-testid="unit-results">
      <Breadcrumb items={[{ to: paths.municipality(unit.municipality.code), label: unit.municipality.name }, { label: unit.name }]} />
      <PageHeader title={unit.name}>
        <p className="page-header__meta pub-unit-meta">
          <OwnershipTag ownership={unit.ownership} />
          <span>
            {tDefault(`unitKind.${unit.kind}`)} · {unit.providerName}
            {unit.city ? ` · ${unit.city}` : ''} · {unit.municipality.name}
          </span>
        </p>
      </PageHeader>

      {detail.jointUnits.length > 1 && (
        <section className="notice notice--info pub-joint" aria-labelledby="joint-heading" data-testid="joint-report">
          <h2 id="joint-heading" className="notice__title">
            {t('unit.jointHeading')}
          </h2>
          <p>{t('unit.jointBody')}</p>
          <ul className="inline-list inline-list--dots">
            {detail.jointUnits.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </section>
      )}

      <section className="section" aria-labelledby="results-heading">
        <h2 id="results-heading">{t('unit.resultsHeading')}</h2>
        <p className="section__lead">{t('unit.resultsLead')}</p>
        <LevelLegend />
        {detail.periods.length === 0 ? (
          <p className="muted">{t('unit.noResults')}</p>
        ) : (
          <ByPeriod periods={detail.periods} summary={(p) => t('unit.resultsCaption', { period: p })}>
            {(period) => <ResultsTable period={period} values={detail.results.filter((v) => v.period === period)} />}
          </ByPeriod>
        )}
      </section>

      {detail.series.length > 0 && (
        <section className="section" aria-labelledby="trend-heading">
          <h2 id="trend-heading">{t('unit.trendHeading')}</h2>
          {detail.series.map((series) => (
            <SeriesBlock key={series.indicator.id} series={series} latest={latest} />
          ))}
        </section>
      )}

      <section className="section" aria-labelledby="assessments-heading">
        <h2 id="assessments-heading">{t('unit.assessmentsHeading')}</h2>
        <p className="section__lead">{t('unit.assessmentsLead')}</p>
        {detail.assessments.length === 0 ? (
          <p className="muted">{t('unit.noAssessments')}</p>
        ) : (
          <ByPeriod periods={[...new Set(detail.assessments.map((a) => a.period))]} summary={(p) => t('unit.assessmentsCaption', { period: p })}>
            {(period) => <Assessments period={period} assessments={detail.assessments.filter((a) => a.period === period)} />}
          </ByPeriod>
        )}
      </section>

      <section className="section" aria-labelledby="response-heading">
        <h2 id="response-heading">{t('unit.responseHeading')}</h2>
        <p className="section__lead">{t('unit.responseLead')}</p>
        {detail.responses.length === 0 ? (
          <p className="muted">{t('unit.noResponse')}</p>
        ) : (
          detail.responses.map((r) => (
            <blockquote key={`${r.period}-${r.acceptedAt}`} className="pub-response" data-testid="public-response">
              <p className="pub-response__body" lang="sv">
                {r.body}
              </p>
              <footer className="pub-response__meta">
                {r.providerName} · {periodLabel(r.period, format.language, t)} · {format.dateTime(r.acceptedAt)}
              </footer>
            </blockquote>
          ))
        )}
      </section>

      <section className="section" aria-labelledby="corrections-heading" id="rattelser">
        <h2 id="corrections-heading">{t('unit.correctionsHeading')}</h2>
        <p className="section__lead">{t('unit.correctionsLead')}</p>
        {detail.corrections.length === 0 ? <p className="muted">{t('unit.noCorrections')}</p> : <Corrections corrections={detail.corrections} />}
      </section>

      {detail.indicators.length > 0 && (
        <section className="section" aria-labelledby="definitions-heading">
          <h2 id="definitions-heading">{t('unit.definitionsHeading')}</h2>
          <p className="section__lead">{t('unit.definitionsLead')}</p>
          <Definitions indicators={detail.indicators} />
        </section>
      )}
    </article>
  );
}

/** The newest period open, the older ones behind their own "Resultat för …" to unfold. */
function ByPeriod({ periods, summary, children }: { periods: string[]; summary: (period: string) => string; children: (period: string) => ReactNode }) {
  const { t } = useTranslation('public');
  const format = useFormat();
  return periods.map((period, index) =>
    index === 0 ? (
      <div key={period}>{children(period)}</div>
    ) : (
      <details key={period} className="pub-details">
        <summary>{summary(periodLabel(period, format.language, t))}</summary>
        {children(period)}
      </details>
    ),
  );
}

/** The question or indicator a value answers, in Swedish (decided in Swedish) or English when translated. */
function useQuestionText() {
  const { i18n } = useTranslation();
  const lang = useSwedishData();
  return (v: { indicator: { name: string } | null; question: string; questionEn?: string | null }) => {
    if (v.indicator) return { text: v.indicator.name, lang };
    if (i18n.language === 'en' && v.questionEn) return { text: v.questionEn, lang: undefined };
    return { text: v.question, lang };
  };
}

function ResultsTable({ period, values }: { period: string; values: PublicValueData[] }) {
  const { t, i18n } = useTranslation('public');
  const format = useFormat();
  const questionText = useQuestionText();
  const caption = t('unit.resultsCaption', { period: periodLabel(period, format.language, t) });
  return (
    <TableScroll label={caption}>
      <table className="table pub-table pub-table--stack" data-testid="results-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('common.indicator')}</th>
            <th scope="col" className="num">
              {t('common.value')}
            </th>
            <th scope="col" className="num">
              {t('common.target')}
            </th>
            <th scope="col">{t('common.level')}</th>
          </tr>
        </thead>
        <tbody>
          {values.map((v) => {
            const q = questionText(v);
            return (
              <tr key={v.id}>
                <th scope="row" lang={q.lang}>
                  {q.text}
                </th>
                <td className={v.value !== null || v.suppressed ? 'num' : undefined} data-label={t('common.value')}>
                  <ValueText value={{ ...v, text: i18n.language === 'en' && v.textEn ? v.textEn : v.text }} unit={v.indicator?.unit} withReason />
                  {v.corrected && (
                    <>
                      {' '}
                      <a href="#rattelser" className="pub-corrected">
                        ({t('unit.correctionsHeading').toLowerCase()})
                      </a>
                    </>
                  )}
                </td>
                <td className="num" data-label={t('common.target')}>
                  {v.target !== null && v.indicator ? format.indicator(v.target, v.indicator.unit) : t('common.none')}
                </td>
                <td data-label={t('common.level')}>{v.indicator && !v.suppressed ? <TargetLevel colour={levelOf(v)} /> : t('common.none')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

function SeriesBlock({ series, latest }: { series: PublicUnitDetailData['series'][number]; latest: string | null }) {
  const { t } = useTranslation('public');
  const { t: tDefault } = useTranslation();
  const format = useFormat();
  const lang = useSwedishData();
  const { indicator } = series;
  const data = series.values.map((v) => {
    const shown = displayValue(v, indicator.unit, format.language, t, tDefault);
    return {
      key: v.period,
      label: v.period,
      value: v.suppressed ? null : v.value,
      target: v.target,
      colour: v.suppressed ? null : v.colour,
      // Short labels in the chart (the unit is in the heading and the table): 86,3 % or 289,2.
      valueText: shown.kind === 'suppressed' || v.value === null ? t('chart.noValue') : indicator.unit === 'PERCENT' ? format.percent(v.value) : format.number(v.value),
    };
  });
  const lastTarget = [...series.values].reverse().find((v) => v.target !== null)?.target ?? null;
  const headingId = `serie-${indicator.code}`;
  return (
    <div className="pub-series" data-testid="trend">
      <h3 id={headingId} lang={lang}>
        {indicator.name}
      </h3>
      {series.values.length < 2 ? (
        <p className="muted">{t('unit.trendTooFew')}</p>
      ) : (
<Suspense fallback={<div className="pub-chart pub-chart--pending" />}>
        <TrendChart
          data={data}
          label={t('unit.trendChartLabel', { indicator: indicator.name })}
          percent={indicator.unit === 'PERCENT'}
          targetLabel={lastTarget !== null ? `${t('chart.target')} ${format.indicator(lastTarget, indicator.unit)}` : ''}
          valueLabel={t('common.value')}
          formatTick={(n) => format.number(n)}
        />
        </Suspense>
      )}
      <TableScroll label={t('unit.trendTableLabel', { indicator: indicator.name })} fit>
        <table className="table pub-table">
          <caption>{t('unit.trendCaption', { indicator: indicator.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.period')}</th>
              <th scope="col" className="num">
                {t('common.value')}
              </th>
              <th scope="col" className="num">
                {t('common.target')}
              </th>
              <th scope="col">{t('common.level')}</th>
            </tr>
          </thead>
          <tbody>
            {series.values.map((v) => (
              <tr key={v.period}>
                <th scope="row">{periodLabel(v.period, format.language, t)}</th>
                <td className="num">
                  <ValueText value={v} unit={indicator.unit} />
                </td>
                <td className="num">{v.target !== null ? format.indicator(v.target, indicator.unit) : t('common.none')}</td>
                <td>{v.suppressed ? t('common.none') : <TargetLevel colour={levelOf(v)} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {latest && (
        <p>
          <Link to={`${paths.compare}?indikator=${encodeURIComponent(indicator.code)}&period=${encodeURIComponent(latest)}`}>
            {t('unit.compareLink')}
            <span className="visually-hidden">
              {': '}
              {indicator.name}
            </span>
          </Link>
        </p>
      )}
    </div>
  );
}

function Assessments({ period, assessments }: { period: string; assessments: PublicUnitDetailData['assessments'] }) {
  const { t } = useTranslation('public');
  const format = useFormat();
  const lang = useSwedishData();
  const caption = t('unit.assessmentsCaption', { period: periodLabel(period, format.language, t) });
  return (
    <TableScroll label={caption}>
      <table className="table pub-table" data-testid="assessments">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('unit.goal')}</th>
            <th scope="col">{t('unit.rating')}</th>
            <th scope="col">{t('unit.motivation')}</th>
          </tr>
        </thead>
        <tbody>
          {assessments.map((a) => (
            <tr key={a.goal.id}>
              <th scope="row">
                <span className="code">{a.goal.code}</span> <span lang={lang}>{a.goal.title}</span>
              </th>
              <td>
                <span className={`pub-rating pub-rating--${a.rating.toLowerCase()}`}>
                  <span aria-hidden="true" className="pub-rating__icon">
                    {RATING_ICONS[a.rating]}
                  </span>
                  {t(`rating.${a.rating}`)}
                </span>
              </td>
              <td lang="sv" className="pre-wrap">
                {a.motivation ?? t('common.none')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

const RATING_ICONS = { MET: '✓', PARTLY_MET: '◐', NOT_MET: '✗', NOT_ASSESSED: '○' } as const;

function Corrections({ corrections }: { corrections: PublicCorrectionData[] }) {
  const { t } = useTranslation('public');
  const format = useFormat();
  const questionText = useQuestionText();
  const side = (c: PublicCorrectionData, which: 'old' | 'new') => (
    <ValueText
      value={{
        value: which === 'old' ? c.oldValue : c.newValue,
        text: which === 'old' ? c.oldText : c.newText,
        suppressed: which === 'old' ? c.oldSuppressed : c.newSuppressed,
      }}
      unit={c.indicator?.unit}
    />
  );
  return (
    <TableScroll label={t('unit.correctionsCaption')}>
      <table className="table pub-table pub-table--stack" data-testid="corrections">
        <caption>{t('unit.correctionsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('common.indicator')}</th>
            <th scope="col">{t('common.period')}</th>
            <th scope="col" className="num">
              {t('unit.oldValue')}
            </th>
            <th scope="col" className="num">
              {t('unit.newValue')}
            </th>
            <th scope="col">{t('unit.date')}</th>
            <th scope="col">{t('unit.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {corrections.map((c) => {
            const q = questionText(c);
            return (
              <tr key={`${c.questionCode}-${c.period}-${c.version}`} data-testid="correction">
                <th scope="row" lang={q.lang}>
                  {q.text}
                </th>
                <td data-label={t('common.period')}>{periodLabel(c.period, format.language, t)}</td>
                <td className="num" data-label={t('unit.oldValue')}>
                  {side(c, 'old')}
                </td>
                <td className="num" data-label={t('unit.newValue')}>
                  {side(c, 'new')}
                </td>
                <td data-label={t('unit.date')}>{format.dateTime(c.date)}</td>
                <td lang="sv" data-label={t('unit.reason')}>
                  {c.reason}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Definitions({ indicators }: { indicators: PublicUnitDetailData['indicators'] }) {
  const { t } = useTranslation('public');
  const { t: tDefault } = useTranslation();
  const lang = useSwedishData();
  return (
    <dl className="pub-definitions" data-testid="definitions">
      {indicators.map((i) => (
        <div key={i.id} className="pub-definitions__item">
          <dt lang={lang}>
            {i.name} <span className="code">({i.code})</span>
          </dt>
          <dd>
            <p lang={lang}>{i.definition}</p>
            <p className="pub-definitions__meta">
              {tDefault(`unit.${i.unit}`)} · {i.direction === 'HIGHER_IS_BETTER' ? t('common.directionHigher') : t('common.directionLower')}
              {i.source ? (
                <>
                  {' · '}
                  <span lang={lang}>{i.source}</span>
                </>
              ) : null}
            </p>
          </dd>
        </div>
      ))}
    </dl>
  );
}
