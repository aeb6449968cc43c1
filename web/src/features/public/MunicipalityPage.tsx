import { useId } from 'react';
import { useQuery } from '@apollo/client/react';
import { Ownerships, type Ownership } from '@insyn/shared';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { Link, useParams, useSearchParams } from 'react-router';
import { useNamespace } from '../../app/i18n';
import { paths } from '../../app/routes';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../shared/hooks/useFormat';
import { PageHeader } from '../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import type { IndicatorUnit, TargetColour } from '../../gql/graphql';
import type { PublicUnitData } from './documents';
import { Breadcrumb } from './Breadcrumb';
import { CACHEABLE } from './cacheable';
import { LevelLegend, OwnershipTag, TargetLevel, useSwedishData, ValueText } from './ui';
import { levelOf, periodLabel, type ShownValue } from './values';

const MunicipalityUnitsQuery = graphql(`
  query MunicipalityUnits($municipalityCode: String!, $ownership: [Ownership!]) {
    municipalities { code name }
    publicUnits(municipalityCode: $municipalityCode, ownership: $ownership) {
      id name kind ownership providerId providerName city
      municipality { code name }
      keyIndicators { ...PublicValueFields }
    }
  }
`);

const OWNERSHIP_PARAM = 'driftform';

/** /kommun/:code — the municipality's units, who runs them, and their key values against target. */
export default function MunicipalityPage() {
  useNamespace('public/shared', 'public/municipality');
  const { t } = useTranslation('public');
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const ownership = params.getAll(OWNERSHIP_PARAM).filter((o): o is Ownership => (Ownerships as readonly string[]).includes(o));
  const { data, previousData, loading, error, refetch } = useQuery(MunicipalityUnitsQuery, {
    ...CACHEABLE,
    variables: { municipalityCode: code, ownership: ownership.length ? ownership : null },
  });
  const shown = data ?? previousData;
  const municipality = shown?.municipalities.find((m) => m.code === code) ?? null;
  const notFound = Boolean(shown && !municipality);
  useDocumentTitle(municipality ? t('municipality.title', { name: municipality.name }) : notFound ? t('municipality.notFoundTitle') : null);
  const id = useId();

  const toggle = (o: Ownership, checked: boolean) => {
    const set = new Set(ownership);
    if (checked) set.add(o);
    else set.delete(o);
    const next = new URLSearchParams(params);
    next.delete(OWNERSHIP_PARAM);
    for (const value of Ownerships.filter((x) => set.has(x))) next.append(OWNERSHIP_PARAM, value);
    setParams(next, { replace: true, preventScrollReset: true });
  };

  if (notFound) {
    return (
      <div data-testid="municipality-not-found">
        <Breadcrumb items={[{ label: t('municipality.notFoundTitle') }]} />
        <PageHeader title={t('municipality.notFoundTitle')} lead={t('municipality.notFoundBody')} />
        <Link to={paths.start} className="button button--primary">
          {t('common.start')}
        </Link>
      </div>
    );
  }

  const units = shown?.publicUnits ?? [];
  return (
    <>
      <Breadcrumb items={[{ label: municipality?.name ?? code }]} />
      <PageHeader title={municipality ? t('municipality.heading', { name: municipality.name }) : t('common.loading')} lead={t('municipality.lead')} />
      {!shown && loading && <Loading label={t('municipality.loading')} />}
      {error && !shown && <ErrorNotice onRetry={() => void refetch()} />}
      {shown && (
        <div className="pub-municipality">
          <fieldset className="panel pub-filter">
            <legend className="pub-filter__legend">{t('municipality.filterHeading')}</legend>
            <div className="pub-filter__options">
              {Ownerships.map((o) => (
                <div className="checkbox" key={o}>
                  <input
                    type="checkbox"
                    id={`${id}-${o}`}
                    name={OWNERSHIP_PARAM}
                    value={o}
                    checked={ownership.includes(o)}
                    onChange={(event) => toggle(o, event.target.checked)}
                    data-testid={`ownership-${o}`}
                  />
                  <label htmlFor={`${id}-${o}`}>{t(`ownership.${o}`, { ns: 'translation' })}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <p role="status" className="pub-count" data-testid="unit-count">
            {loading ? t('municipality.loading') : t('municipality.count', { count: units.length })}
          </p>
          <LevelLegend />
          {units.length === 0 ? (
            <EmptyNotice title={t('municipality.empty')} />
          ) : (
            <ul className="pub-units" aria-busy={loading}>
              {units.map((unit) => (
                <UnitCard key={unit.id} unit={unit} />
              ))}
            </ul>
          )}
          <OtherMunicipalities current={code} all={shown.municipalities} />
        </div>
      )}
    </>
  );
}

function UnitCard({ unit }: { unit: PublicUnitData }) {
  const { t } = useTranslation('public');
  const { t: tDefault } = useTranslation();
  const format = useFormat();
  const lang = useSwedishData();
  const period = unit.keyIndicators[0]?.period ?? null;
  return (
    <li className="card pub-unit" data-testid="public-unit">
      <div className="pub-unit__head">
        <h2 className="pub-unit__name">
          <Link to={paths.unitResults(unit.id)}>{unit.name}</Link>
        </h2>
        <OwnershipTag ownership={unit.ownership} />
      </div>
      <p className="pub-unit__meta">
        {tDefault(`unitKind.${unit.kind}`)} · {unit.providerName}
        {unit.city ? ` · ${unit.city}` : ''}
      </p>
      <h3 className="pub-unit__subheading">
        {t('municipality.keyIndicators')}
        {period && <span className="pub-unit__period"> ({periodLabel(period, format.language, t)})</span>}
      </h3>
      {unit.keyIndicators.length === 0 ? (
        <p className="muted">{t('municipality.noResults')}</p>
      ) : (
        <dl className="pub-key-values">
          {unit.keyIndicators.map((v) => (
            <div key={v.id} className="pub-key-values__row">
              <dt lang={lang}>{v.indicator?.name ?? v.question}</dt>
              <dd>
                <ValueWithLevel value={v} unit={v.indicator?.unit} />
                {v.target !== null && v.indicator && !v.suppressed && (
                  <span className="pub-key-values__target">
                    {t('common.target')}: {format.indicator(v.target, v.indicator.unit)}
                  </span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}

function OtherMunicipalities({ current, all }: { current: string; all: { code: string; name: string }[] }) {
  const { t } = useTranslation('public');
  const others = all.filter((m) => m.code !== current).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return (
    <nav className="pub-others" aria-labelledby="other-municipalities">
      <h2 id="other-municipalities" className="pub-others__heading">
        {t('municipality.otherMunicipalities')}
      </h2>
      <ul className="inline-list">
        {others.map((m) => (
          <li key={m.code}>
            <Link to={paths.municipality(m.code)}>{m.name}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The value with its level against the target. */
function ValueWithLevel({ value, unit }: { value: ShownValue & { colour?: TargetColour | null }; unit?: IndicatorUnit | null }) {
  return (
    <>
      <ValueText value={value} unit={unit} />
      {!value.suppressed && value.colour && (
        <>
          {' '}
          <TargetLevel colour={levelOf(value)} />
        </>
      )}
    </>
  );
}
