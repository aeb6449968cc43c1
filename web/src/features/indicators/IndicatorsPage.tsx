import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { ServiceArea } from '../../gql/graphql';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useHashTarget } from '../../shared/hooks/useHashTarget';
import { PageHeader } from '../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { IndicatorCard } from './IndicatorCard';
import { provideTexts, useNamespace } from '../../app/i18n';
import indicatorsTexts from '../../app/locales/pages/indicators.sv';

/** This page's own texts, in Swedish, come with its code (English is fetched when chosen). */
provideTexts('pages/indicators', 'sv', indicatorsTexts);

const IndicatorsPageQuery = graphql(`
  query IndicatorsPage {
    indicators {
      id
      serviceArea
      ...IndicatorCard_indicator
    }
  }
`);

const AREA_ORDER: ServiceArea[] = ['PRIMARY_CARE', 'DENTAL_CARE', 'ALL'];

export default function IndicatorsPage() {
  useNamespace('pages/indicators');
  const { t } = useTranslation();
  useDocumentTitle(t('indicators.title'));
  const { data, loading, error, refetch } = useQuery(IndicatorsPageQuery);
  useHashTarget(Boolean(data));
  const indicators = data?.indicators ?? [];

  return (
    <>
      <PageHeader title={t('indicators.heading')} lead={t('indicators.lead')} />
      <div aria-busy={loading}>
        {loading && <Loading label={t('indicators.loading')} />}
        {error && <ErrorNotice onRetry={() => void refetch()} />}
        {data && indicators.length === 0 && <EmptyNotice title={t('indicators.none')} />}
        {AREA_ORDER.map((area) => {
          const inArea = indicators.filter((i) => i.serviceArea === area);
          if (inArea.length === 0) return null;
          const headingId = `omrade-${area}`;
          return (
            <section key={area} aria-labelledby={headingId} className="section">
              <h2 id={headingId}>
                {t(`serviceArea.${area}`)}{' '}
                <span className="heading-count">({t('indicators.areaCount', { count: inArea.length })})</span>
              </h2>
              <ul className="indicator-list">
                {inArea.map((indicator) => (
                  <IndicatorCard key={indicator.id} indicator={indicator} />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </>
  );
}
