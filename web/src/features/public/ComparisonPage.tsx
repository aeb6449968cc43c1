import { useEffect, useId, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { Link, useSearchParams } from 'react-router';
import { useNamespace } from '../../app/i18n';
import { paths } from '../../app/routes';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../shared/hooks/useFormat';
import { PageHeader } from '../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { TableScroll } from '../../shared/ui/TableScroll';
import { BarChart, type BarDatum } from './BarChart';
import type { ComparisonData } from './documents';
import { Breadcrumb } from './Breadcrumb';
import { CACHEABLE } from './cacheable';
import { LevelLegend, TargetLevel, ValueText, useSwedishData } from './ui';
import { displayValue, levelOf, periodLabel } from './values';

const ComparisonQuery = graphql(`
  query PublicComparison($indicatorCode: String!, $period: String!, $municipalityCode: String) {
    publicComparison(indicatorCode: $indicatorCode, period: $period, municipalityCode: $municipalityCode) {
      indicator { id code name definition unit direction source }
      period
      rows { unitId unitName jointly providerId providerName ownership municipalityCode value target colour suppressed }
      byOwnership { ownership count mean median }
    }
  }
`);

const ComparisonPickersQuery = graphql(`
  query ComparisonPickers {
    publicPeriods
    publicIndicators { id code name unit direction }
    municipalities { code name }
  }
`);

export const COMPARE_PARAMS = { indicator: 'indikator', period: 'period', municipality: 'kommun' } as const;

/** /jamfor?indikator=…&period=…&kommun=… — one indicator and period, every unit side by side, and per ownership. */
export default function ComparisonPage() {
  useNamespace('public/shared', 'public/compare');
  const { t } = useTranslation('public');
  useDocumentTitle(t('compare.title'));
  const [params, setParams] = useSearchParams();
  const pickers = useQuery(ComparisonPickersQuery, CACHEABLE);
  const periods = pickers.data?.publicPeriods ?? [];
  const indicators = pickers.data?.publicIndicators ?? [];
  const municipalities = [...(pickers.data?.municipalities ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  // Without a choice in the address: the first indicator in the newest period.
  const indicatorCode = params.get(COMPARE_PARAMS.indicator) || indicators[0]?.code || '';
  const period = params.get(COMPARE_PARAMS.period) || periods[0] || '';
  const municipalityCode = params.get(COMPARE_PARAMS.municipality) || '';
  const ready = Boolean(indicatorCode && period);
  const comparison = useQuery(ComparisonQuery, {
    ...CACHEABLE,
    variables: { indicatorCode, period, municipalityCode: municipalityCode || null },
    skip: !ready,
  });
  const data = comparison.data ?? comparison.previousData;

  return (
    <>
      <Breadcrumb items={[{ label: t('compare.title') }]} />
      <PageHeader title={t('compare.heading')} lead={t('compare.lead')} />
      {pickers.loading && <Loading label={t('compare.loading')} />}
      {pickers.error && <ErrorNotice onRetry={() => void pickers.refetch()} />}
      {pickers.data && periods.length === 0 && <EmptyNotice title={t('compare.noPublished')} />}
      {pickers.data && periods.length > 0 && (
        <Pickers
          key={`${indicatorCode}|${period}|${municipalityCode}`}
          value={{ indicatorCode, period, municipalityCode }}
          indicators={indicators}
          periods={periods}
          municipalities={municipalities}
          onChange={(next) => {
            const p = new URLSearchParams();
            p.set(COMPARE_PARAMS.indicator, next.indicatorCode);
            p.set(COMPARE_PARAMS.period, next.period);
            if (next.municipalityCode) p.set(COMPARE_PARAMS.municipality, next.municipalityCode);
            setParams(p, { preventScrollReset: true });
          }}
        />
      )}
      {ready && (
        <div aria-busy={comparison.loading}>
          {comparison.loading && !data && <Loading label={t('compare.loading')} />}
          {comparison.error && <ErrorNotice onRetry={() => void comparison.refetch()} />}
          {data && (
            <ComparisonResult
              comparison={data.publicComparison}
              municipalityName={municipalities.find((m) => m.code === municipalityCode)?.name ?? null}
              municipalityOf={(code) => municipalities.find((m) => m.code === code)?.name ?? code}
            />
          )}
        </div>
      )}
    </>
  );
}

interface PickerValue {
  indicatorCode: string;
  period: string;
  municipalityCode: string;
}

/** Indicator, period and municipality; "Visa" applies them (the address changes, so the view can be shared). */
function Pickers({
  value,
  indicators,
  periods,
  municipalities,
  onChange,
}: {
  value: PickerValue;
  indicators: { code: string; name: string }[];
  periods: string[];
  municipalities: { code: string; name: string }[];
  onChange: (next: PickerValue) => void;
}) {
  const { t } = useTranslation('public');
  const format = useFormat();
  const lang = useSwedishData();
  const id = useId();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <form
      className="panel pub-pickers"
      aria-labelledby={`${id}-heading`}
      data-testid="compare-pickers"
      onSubmit={(event) => {
        event.preventDefault();
        onChange(draft);
      }}
    >
      <h2 id={`${id}-heading`} className="pub-pickers__heading">
        {t('compare.pickersHeading')}
      </h2>
      <div className="pub-pickers__fields">
        <div className="field">
          <label htmlFor={`${id}-indicator`}>{t('compare.indicatorLabel')}</label>
          <select
            id={`${id}-indicator`}
            name="indikator"
            value={draft.indicatorCode}
            onChange={(e) => setDraft({ ...draft, indicatorCode: e.target.value })}
            data-testid="compare-indicator"
          >
            {!indicators.some((i) => i.code === draft.indicatorCode) && <option value={draft.indicatorCode}>{draft.indicatorCode}</option>}
            {indicators.map((i) => (
              <option key={i.code} value={i.code} lang={lang}>
                {i.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-period`}>{t('compare.periodLabel')}</label>
          <select id={`${id}-period`} name="period" value={draft.period} onChange={(e) => setDraft({ ...draft, period: e.target.value })} data-testid="compare-period">
            {!periods.includes(draft.period) && <option value={draft.period}>{draft.period}</option>}
            {periods.map((p) => (
              <option key={p} value={p}>
                {periodLabel(p, format.language, t)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-municipality`}>{t('compare.municipalityLabel')}</label>
          <select
            id={`${id}-municipality`}
            name="kommun"
            value={draft.municipalityCode}
            onChange={(e) => setDraft({ ...draft, municipalityCode: e.target.value })}
            data-testid="compare-municipality"
          >
            <option value="">{t('common.allMunicipalities')}</option>
            {municipalities.map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="pub-pickers__submit">
          <button type="submit" className="button button--primary" data-testid="compare-show">
            {t('compare.show')}
          </button>
        </div>
      </div>
    </form>
  );
}

function ComparisonResult({
  comparison,
  municipalityName,
  municipalityOf,
}: {
  comparison: ComparisonData;
  municipalityName: string | null;
  municipalityOf: (code: string) => string;
}) {
  const { t } = useTranslation('public');
  const { t: tDefault } = useTranslation();
  const format = useFormat();
  const lang = useSwedishData();
  const { indicator } = comparison;
  const periodText = periodLabel(comparison.period, format.language, t);
  const heading = municipalityName
    ? t('compare.resultIn', { indicator: indicator.name, period: periodText, municipality: municipalityName })
    : t('compare.result', { indicator: indicator.name, period: periodText });
  const target = comparison.rows.find((r) => r.target !== null)?.target ?? null;
  const targetText = target !== null ? format.indicator(target, indicator.unit) : null;
  const percent = indicator.unit === 'PERCENT';
  // Short labels in the charts (the unit is in the heading, the target line and the tables): 86,3 % or 289,2.
  const short = (value: number) => (percent ? format.percent(value) : format.number(value));
  const valueText = (v: { value: number | null; suppressed: boolean }) => {
    const shown = displayValue(v, indicator.unit, format.language, t, tDefault);
    return shown.kind === 'number' && v.value !== null ? short(v.value) : shown.text;
  };
  // Shown values first, best first in the indicator's direction; those not shown last, by name.
  const rows = [...comparison.rows].sort((a, b) => {
    if (a.value === null || a.suppressed) return b.value === null || b.suppressed ? a.unitName.localeCompare(b.unitName, 'sv') : 1;
    if (b.value === null || b.suppressed) return -1;
    return indicator.direction === 'HIGHER_IS_BETTER' ? b.value - a.value : a.value - b.value;
  });
  const unitBars: BarDatum[] = rows.map((r) => ({
    key: `${r.unitId}-${r.providerId}`,
    label: r.unitName,
    value: r.suppressed ? null : r.value,
    valueText: valueText(r),
    colour: r.suppressed ? null : r.colour,
  }));
  const aggregateBars: BarDatum[] = comparison.byOwnership.flatMap((a) => [
    {
      key: `${a.ownership}-mean`,
      label: `${tDefault(`ownership.${a.ownership}`)} – ${t('compare.mean').toLowerCase()}`,
      value: a.mean,
      valueText: a.mean !== null ? short(a.mean) : t('common.none'),
    },
    {
      key: `${a.ownership}-median`,
      label: `${tDefault(`ownership.${a.ownership}`)} – ${t('compare.median').toLowerCase()}`,
      value: a.median,
      valueText: a.median !== null ? short(a.median) : t('common.none'),
      variant: 'alt' as const,
    },
  ]);

  return (
    <section className="section" aria-labelledby="comparison-heading" data-testid="comparison">
      <h2 id="comparison-heading">
        {heading}
      </h2>
      <p className="section__lead" lang={lang}>
        {indicator.definition}
      </p>
      <p>
        {indicator.direction === 'HIGHER_IS_BETTER' ? t('common.directionHigher') : t('common.directionLower')}
        {targetText && (
          <>
            {' '}
            {t('common.target')}: <strong>{targetText}</strong>.
          </>
        )}
      </p>
      {comparison.rows.length === 0 ? (
        <EmptyNotice title={t('compare.empty')} />
      ) : (
        <>
          <h3>{t('compare.unitsHeading')}</h3>
          <LevelLegend />
          <BarChart
            data={unitBars}
            label={t('compare.unitsChartLabel', { indicator: indicator.name, period: periodText })}
            target={target}
            targetLabel={targetText ? t('compare.targetLine', { value: targetText }) : undefined}
            percent={percent}
            testId="comparison-chart"
            formatTick={(n) => format.number(n)}
          />
          <TableScroll label={t('compare.unitsCaption', { indicator: indicator.name, period: periodText })}>
            <table className="table pub-table pub-table--stack" data-testid="comparison-table">
              <caption>{t('compare.unitsCaption', { indicator: indicator.name, period: periodText })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('common.unit')}</th>
                  <th scope="col">{t('common.provider')}</th>
                  <th scope="col">{t('common.ownership')}</th>
                  <th scope="col">{t('common.municipality')}</th>
                  <th scope="col" className="num">
                    {t('common.value')}
                  </th>
                  <th scope="col">{t('common.level')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.unitId}-${r.providerId}`} data-testid="comparison-row">
                    <th scope="row">
                      <Link to={paths.unitResults(r.unitId)}>{r.unitName}</Link>
                    </th>
                    <td data-label={t('common.provider')}>{r.providerName}</td>
                    <td data-label={t('common.ownership')}>{tDefault(`ownership.${r.ownership}`)}</td>
                    <td data-label={t('common.municipality')}>{municipalityOf(r.municipalityCode)}</td>
                    <td className="num" data-label={t('common.value')}>
                      <ValueText value={r} unit={indicator.unit} />
                    </td>
                    <td data-label={t('common.level')}>{r.suppressed ? t('common.none') : <TargetLevel colour={levelOf(r)} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {comparison.rows.some((r) => r.suppressed) && <p className="pub-note">{t('suppressed.SMALL_COUNT')}</p>}

          <h3>{t('compare.aggregatesHeading')}</h3>
          <p>{t('compare.aggregatesLead')}</p>
          <BarChart
            data={aggregateBars}
            label={t('compare.aggregatesChartLabel')}
            target={target}
            targetLabel={targetText ? t('compare.targetLine', { value: targetText }) : undefined}
            percent={percent}
            testId="aggregate-chart"
            formatTick={(n) => format.number(n)}
          />
          <TableScroll label={t('compare.aggregatesCaption', { indicator: indicator.name, period: periodText })} fit>
            <table className="table pub-table" data-testid="aggregate-table">
              <caption>{t('compare.aggregatesCaption', { indicator: indicator.name, period: periodText })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('common.ownership')}</th>
                  <th scope="col" className="num">
                    {t('compare.count')}
                  </th>
                  <th scope="col" className="num">
                    {t('compare.mean')}
                  </th>
                  <th scope="col" className="num">
                    {t('compare.median')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {comparison.byOwnership.map((a) => (
                  <tr key={a.ownership} data-testid="aggregate-row">
                    <th scope="row">{tDefault(`ownership.${a.ownership}`)}</th>
                    <td className="num">{format.number(a.count, 0)}</td>
                    <td className="num">{a.mean !== null ? format.indicator(a.mean, indicator.unit) : t('common.none')}</td>
                    <td className="num">{a.median !== null ? format.indicator(a.median, indicator.unit) : t('common.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
