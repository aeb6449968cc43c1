import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { ProviderCard_ProviderFragment } from '../../gql/graphql';
import { paths } from '../../app/routes';
import { AgreementList } from './AgreementList';
import { OwnershipBadge } from './OwnershipBadge';
import { UnitList } from './UnitList';

export const ProviderCardFragment = graphql(`
  fragment ProviderCard_provider on Provider {
    id
    name
    orgNumber
    ownership
    units {
      id
      ...UnitList_unit
    }
    agreements {
      id
      ...AgreementList_agreement
    }
  }
`);

/** One provider in the list: the same facts for in-house and private providers. */
export function ProviderCard({ provider }: { provider: ProviderCard_ProviderFragment }) {
  const { t } = useTranslation();
  return (
    <li className="card provider" data-testid="provider-card">
      <div className="provider__head">
        <h3 className="provider__name" tabIndex={-1} data-provider-heading>
          <Link to={paths.provider(provider.id)}>{provider.name}</Link>
        </h3>
        <OwnershipBadge ownership={provider.ownership} />
      </div>
      <p className="provider__org">
        {t('providers.orgNumber')} <span className="code">{provider.orgNumber}</span>
      </p>
      <div className="provider__cols">
        <div>
          <h4 className="provider__subheading">
            {t('providers.units')} <span className="heading-count">({provider.units.length})</span>
          </h4>
          <UnitList units={provider.units} />
        </div>
        <div>
          <h4 className="provider__subheading">
            {t('providers.agreements')}
          </h4>
          <AgreementList agreements={provider.agreements} />
        </div>
      </div>
    </li>
  );
}
