import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { AgreementList_AgreementFragment } from '../../gql/graphql';
import { ScopeNote } from './ScopeNote';

export const AgreementListFragment = graphql(`
  fragment AgreementList_agreement on Agreement {
    id
    reference
    form
    inProgramScope
    outOfScopeReason
    choiceSystem {
      id
      name
    }
  }
`);

/** A provider's agreements in short: reference, form, choice system and program scope. */
export function AgreementList({ agreements }: { agreements: readonly AgreementList_AgreementFragment[] }) {
  const { t } = useTranslation();
  if (agreements.length === 0) return <p className="muted">{t('providers.noAgreements')}</p>;
  return (
    <ul className="agreement-list">
      {agreements.map((agreement) => (
        <li key={agreement.id} className="agreement-list__item" data-testid="agreement">
          <p className="agreement-list__head">
            <span className="code">{agreement.reference}</span> {t(`agreementForm.${agreement.form}`)}
          </p>
          {agreement.choiceSystem && (
            <p className="agreement-list__meta">
              {t('providers.choiceSystem')}: {agreement.choiceSystem.name}
            </p>
          )}
          <ScopeNote inProgramScope={agreement.inProgramScope} reason={agreement.outOfScopeReason} />
        </li>
      ))}
    </ul>
  );
}
