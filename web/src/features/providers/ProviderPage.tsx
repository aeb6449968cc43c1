import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { graphql } from '../../gql';
import type { ProviderDetails_ProviderFragment } from '../../gql/graphql';
import { paths } from '../../app/routes';
import { isNotFound } from '../../shared/errors';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import { ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { AgreementDetails } from './AgreementDetails';
import { OwnershipBadge } from './OwnershipBadge';
import { UnitDetails } from './UnitDetails';

const ProviderPageQuery = graphql(`
  query ProviderPage($id: ID!) {
    provider(id: $id) {
      id
      ...ProviderDetails_provider
    }
  }
`);

export const ProviderDetailsFragment = graphql(`
  fragment ProviderDetails_provider on Provider {
    id
    name
    orgNumber
    ownership
    contactEmail
    contactPhone
    website
    units {
      id
      ...UnitDetails_unit
    }
    agreements {
      id
      ...AgreementDetails_agreement
    }
  }
`);

export default function ProviderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(ProviderPageQuery, { variables: { id } });
  const notFound = isNotFound(error) || (data && !data.provider);
  const provider = data?.provider ?? null;
  useDocumentTitle(provider ? provider.name : notFound ? t('provider.notFoundTitle') : t('providers.title'));

  return (
    <>
      <nav aria-label={t('provider.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to={paths.providers}>{t('provider.back')}</Link>
          </li>
          {provider && (
            <li>
              <span aria-current="page">{provider.name}</span>
            </li>
          )}
        </ol>
      </nav>
      <div aria-busy={loading}>
        {loading && <Loading label={t('provider.loading')} />}
        {notFound && (
          <div data-testid="provider-not-found">
            <PageHeader title={t('provider.notFoundTitle')} lead={t('provider.notFoundBody')} />
            <p>
              <Link to={paths.providers} className="button button--primary">
                {t('provider.back')}
              </Link>
            </p>
          </div>
        )}
        {error && !notFound && (
          <>
            <PageHeader title={t('providers.title')} />
            <ErrorNotice onRetry={() => void refetch()} />
          </>
        )}
        {provider && <ProviderDetails provider={provider} />}
      </div>
    </>
  );
}

function ProviderDetails({ provider }: { provider: ProviderDetails_ProviderFragment }) {
  const { t } = useTranslation();
  return (
    <article data-testid="provider-details">
      <PageHeader title={provider.name}>
        <p className="page-header__meta">
          <OwnershipBadge ownership={provider.ownership} />
        </p>
      </PageHeader>

      <section className="panel" aria-labelledby="provider-facts">
        <h2 id="provider-facts" className="panel__heading">
          {t('provider.facts')}
        </h2>
        <dl className="facts facts--inline">
          <div>
            <dt>{t('providers.orgNumber')}</dt>
            <dd className="code">{provider.orgNumber}</dd>
          </div>
          <div>
            <dt>{t('providers.ownership')}</dt>
            <dd>{t(`ownership.${provider.ownership}`)}</dd>
          </div>
          {provider.contactEmail && (
            <div>
              <dt>{t('provider.email')}</dt>
              <dd>
                <a href={`mailto:${provider.contactEmail}`}>{provider.contactEmail}</a>
              </dd>
            </div>
          )}
          {provider.contactPhone && (
            <div>
              <dt>{t('provider.phone')}</dt>
              <dd>
                <a href={`tel:${provider.contactPhone.replace(/[^\d+]/g, '')}`}>{provider.contactPhone}</a>
              </dd>
            </div>
          )}
          {provider.website && /^https?:\/\//.test(provider.website) && (
            <div>
              <dt>{t('provider.website')}</dt>
              <dd>
                <a href={provider.website} rel="noopener noreferrer">
                  {provider.website}
                </a>
              </dd>
            </div>
          )}
        </dl>
      </section>

      <section className="section" aria-labelledby="provider-units">
        <h2 id="provider-units">
          {t('provider.unitsHeading')}{' '}
          <span className="heading-count">({provider.units.length})</span>
        </h2>
        {provider.units.length === 0 ? (
          <p className="muted">{t('providers.noUnits')}</p>
        ) : (
          <ul className="unit-grid">
            {provider.units.map((unit) => (
              <UnitDetails key={unit.id} unit={unit} />
            ))}
          </ul>
        )}
      </section>

      <section className="section" aria-labelledby="provider-agreements">
        <h2 id="provider-agreements">{t('provider.agreementsHeading')}</h2>
        {provider.agreements.length === 0 ? (
          <p className="muted">{t('providers.noAgreements')}</p>
        ) : (
          <ul className="detail-grid detail-grid--wide">
            {provider.agreements.map((agreement) => (
              <AgreementDetails key={agreement.id} agreement={agreement} />
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
