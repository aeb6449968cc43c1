import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { IndicatorCard_IndicatorFragment } from '../../gql/graphql';
import { paths } from '../../app/routes';
import { useDataLang } from '../../shared/hooks/useDataLang';
import { TargetTable } from './TargetTable';

export const IndicatorCardFragment = graphql(`
  fragment IndicatorCard_indicator on Indicator {
    id
    code
    name
    definition
    unit
    direction
    source
    goal {
      id
      code
      title
    }
    ...TargetTable_indicator
  }
`);

/** One indicator: what it measures, in which unit, which way is better, and its targets. */
export function IndicatorCard({ indicator }: { indicator: IndicatorCard_IndicatorFragment }) {
  const { t } = useTranslation();
  const lang = useDataLang();
  return (
    <li className="card indicator" id={`indikator-${indicator.code}`} data-testid="indicator">
      <div className="indicator__main">
      <h3 className="indicator__name" lang={lang}>
        {indicator.name}
      </h3>
      <p className="indicator__definition" lang={lang}>
        {indicator.definition}
      </p>
      <dl className="facts facts--grid">
        <div>
          <dt>{t('indicators.code')}</dt>
          <dd>
            <span className="code">{indicator.code}</span>
          </dd>
        </div>
        <div>
          <dt>{t('indicators.unit')}</dt>
          <dd>{t(`unit.${indicator.unit}`)}</dd>
        </div>
        <div>
          <dt>{t('indicators.direction')}</dt>
          <dd className="direction">
            <span aria-hidden="true" className="direction__arrow">
              {indicator.direction === 'HIGHER_IS_BETTER' ? '↑' : '↓'}
            </span>
            {t(`direction.${indicator.direction}`)}
          </dd>
        </div>
        <div>
          <dt>{t('indicators.goal')}</dt>
          <dd>
            {indicator.goal ? (
              <Link to={`${paths.program}#mal-${indicator.goal.code}`}>
                {indicator.goal.code} <span lang={lang}>{indicator.goal.title}</span>
              </Link>
            ) : (
              t('indicators.noGoal')
            )}
          </dd>
        </div>
        {indicator.source && (
          <div className="facts__wide">
            <dt>{t('indicators.source')}</dt>
            <dd lang={lang}>{indicator.source}</dd>
          </div>
        )}
      </dl>
      </div>
      <div className="indicator__targets">
        <TargetTable indicator={indicator} />
      </div>
    </li>
  );
}
