import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { TargetTable_IndicatorFragment } from '../../gql/graphql';
import { useFormat } from '../../shared/hooks/useFormat';

export const TargetTableFragment = graphql(`
  fragment TargetTable_indicator on Indicator {
    id
    name
    unit
    direction
    targets {
      id
      year
      value
      amberThreshold
    }
  }
`);

/** Yearly targets and amber thresholds, formatted in the indicator's unit for the UI language. */
export function TargetTable({ indicator, currentYear = new Date().getFullYear() }: { indicator: TargetTable_IndicatorFragment; currentYear?: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (indicator.targets.length === 0) return <p className="muted">{t('indicators.noTargets')}</p>;
  const targets = [...indicator.targets].sort((a, b) => a.year - b.year);
  return (
    <div className="targets">
      <table className="table">
        <caption>{t('indicators.targetsCaption', { name: indicator.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('indicators.year')}</th>
            <th scope="col" className="num">
              {t('indicators.target')}
            </th>
            <th scope="col" className="num">
              {t('indicators.amberThreshold')}
            </th>
          </tr>
        </thead>
        <tbody>
          {targets.map((target) => {
            const current = target.year === currentYear;
            return (
              <tr key={target.id} className={current ? 'is-current' : undefined}>
                <th scope="row">
                  {target.year}
                  {current && <span className="current-year"> {t('indicators.currentYear')}</span>}
                </th>
                <td className="num">{format.indicator(target.value, indicator.unit)}</td>
                <td className="num">{format.indicator(target.amberThreshold, indicator.unit)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="targets__legend">
        {t(indicator.direction === 'HIGHER_IS_BETTER' ? 'indicators.legendHigher' : 'indicators.legendLower')}
      </p>
    </div>
  );
}
