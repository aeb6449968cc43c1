import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { UnitList_UnitFragment } from '../../gql/graphql';

export const UnitListFragment = graphql(`
  fragment UnitList_unit on Unit {
    id
    name
    kind
    municipality {
      code
      name
    }
  }
`);

/** A provider's units in short: name, kind and municipality. */
export function UnitList({ units }: { units: readonly UnitList_UnitFragment[] }) {
  const { t } = useTranslation();
  if (units.length === 0) return <p className="muted">{t('providers.noUnits')}</p>;
  return (
    <ul className="unit-list">
      {units.map((unit) => (
        <li key={unit.id} className="unit-list__item">
          <span className="unit-list__name">{unit.name}</span>
          <span className="unit-list__meta">
            {t(`unitKind.${unit.kind}`)}
            <span aria-hidden="true"> · </span>
            <span className="visually-hidden">, {t('provider.unitMunicipality')}: </span>
            {unit.municipality.name}
          </span>
        </li>
      ))}
    </ul>
  );
}
