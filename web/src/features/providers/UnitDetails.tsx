import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { UnitDetails_UnitFragment } from '../../gql/graphql';

export const UnitDetailsFragment = graphql(`
  fragment UnitDetails_unit on Unit {
    id
    name
    kind
    hsaId
    streetAddress
    postalCode
    city
    municipality {
      code
      name
    }
  }
`);

/** One unit: kind, municipality, address and HSA-id, compact enough for providers with many units. */
export function UnitDetails({ unit }: { unit: UnitDetails_UnitFragment }) {
  const { t } = useTranslation();
  const postal = [unit.postalCode, unit.city].filter(Boolean).join(' ');
  const hasAddress = Boolean(unit.streetAddress || postal);
  return (
    <li className="unit-card" data-testid="unit">
      <h3 className="unit-card__name">{unit.name}</h3>
      <dl className="unit-card__facts">
        <dt className="visually-hidden">{t('provider.unitKind')}</dt>
        <dd>{t(`unitKind.${unit.kind}`)}</dd>
        <dt className="visually-hidden">{t('provider.unitMunicipality')}</dt>
        <dd>{unit.municipality.name}</dd>
        {hasAddress && (
          <>
            <dt className="visually-hidden">{t('provider.unitAddress')}</dt>
            <dd className="unit-card__address">
              {unit.streetAddress && <span className="block">{unit.streetAddress}</span>}
              {postal && <span className="block">{postal}</span>}
            </dd>
          </>
        )}
        {unit.hsaId && (
          <>
            <dt>{t('provider.hsaId')}</dt>
            <dd className="code">{unit.hsaId}</dd>
          </>
        )}
      </dl>
    </li>
  );
}
