import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { paths } from '../../app/routes';
import { useNamespace } from '../../app/i18n';
import { CACHEABLE } from './cacheable';
import './public.css';

/** Units with published results per municipality, for the start page's counts. */
const UnitCountsQuery = graphql(`
  query PublicUnitCounts {
    publicUnits { id municipality { code } }
  }
`);

const MunicipalitiesQuery = graphql(`
  query ChooserMunicipalities {
    municipalities {
      code
      name
    }
  }
`);

/**
 * The start page's way into the results: the county's eight municipalities as a grid of links,
 * each with its number of units, and the comparison, open data and insight requests beside them.
 * A list, not a map: it reads the same with a screen reader, a keyboard and at 320 px.
 */
export default function MunicipalityChooser() {
  useNamespace('public/shared', 'public/chooser');
  const { t } = useTranslation('public');
  const { data, error } = useQuery(MunicipalitiesQuery, CACHEABLE);
  const counts = useQuery(UnitCountsQuery, CACHEABLE);
  const byCode = new Map<string, number>();
  for (const unit of counts.data?.publicUnits ?? []) byCode.set(unit.municipality.code, (byCode.get(unit.municipality.code) ?? 0) + 1);
  const municipalities = [...(data?.municipalities ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'sv'));

  return (
    <section className="pub-chooser" aria-labelledby="chooser-heading" data-testid="municipality-chooser">
      <h2 id="chooser-heading">{t('chooser.heading')}</h2>
      <p className="section__lead">{t('chooser.lead')}</p>
      {error && <p>{t('common.none')}</p>}
      {municipalities.length > 0 && (
        <ul className="pub-chooser__grid" aria-label={t('chooser.label')}>
          {municipalities.map((m) => {
            const count = byCode.get(m.code);
            return (
              <li key={m.code}>
                <Link to={paths.municipality(m.code)} className="pub-chooser__link" data-testid={`municipality-${m.code}`}>
                  <span className="pub-chooser__name">{m.name}</span>
                  <span className="pub-chooser__count">
                    {counts.data ? t('chooser.units', { count: count ?? 0 }) : counts.loading ? t('chooser.unitsLoading') : ''}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      <ul className="pub-chooser__more">
        <li>
          <Link to={paths.compare}>{t('chooser.compareLink')}</Link>
        </li>
        <li>
          <Link to={paths.openData}>{t('chooser.openDataLink')}</Link>
        </li>
        <li>
          <Link to={paths.insight}>{t('chooser.insightLink')}</Link>
        </li>
      </ul>
    </section>
  );
}
