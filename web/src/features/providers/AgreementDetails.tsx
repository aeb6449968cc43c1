import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { AgreementDetails_AgreementFragment } from '../../gql/graphql';
import { useFormat } from '../../shared/hooks/useFormat';
import { ScopeNote } from './ScopeNote';

export const AgreementDetailsFragment = graphql(`
  fragment AgreementDetails_agreement on Agreement {
    id
    reference
    form
    validFrom
    validTo
    inProgramScope
    outOfScopeReason
    choiceSystem {
      id
      name
    }
    units {
      id
      name
    }
  }
`);

/** One agreement: form, choice system, validity, covered units and program scope. */
export function AgreementDetails({ agreement }: { agreement: AgreementDetails_AgreementFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const validity = agreement.validTo
    ? t('provider.validFromTo', { from: format.date(agreement.validFrom), to: format.date(agreement.validTo) })
    : t('provider.validFromOnly', { from: format.date(agreement.validFrom) });
  return (
    <li className="card agreement" data-testid="agreement">
      <h3 className="card__title">
        <span className="code">{agreement.reference}</span>
      </h3>
      <dl className="facts facts--grid">
        <div>
          <dt>{t('provider.agreementForm')}</dt>
          <dd>{t(`agreementForm.${agreement.form}`)}</dd>
        </div>
        <div>
          <dt>{t('providers.choiceSystem')}</dt>
          <dd>{agreement.choiceSystem?.name ?? t('providers.noChoiceSystem')}</dd>
        </div>
        <div>
          <dt>{t('provider.validity')}</dt>
          <dd>{validity}</dd>
        </div>
        {agreement.units.length > 0 && (
          <div className="facts__wide">
            <dt>{t('provider.coveredUnits')}</dt>
            <dd>
              <ul className="inline-list inline-list--dots">
                {agreement.units.map((u) => (
                  <li key={u.id}>{u.name}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <div className="facts__wide">
          <dt>{t('provider.scope')}</dt>
          <dd>
            <ScopeNote inProgramScope={agreement.inProgramScope} reason={agreement.outOfScopeReason} />
          </dd>
        </div>
      </dl>
    </li>
  );
}
