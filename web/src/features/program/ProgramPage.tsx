import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useHashTarget } from '../../shared/hooks/useHashTarget';
import { PageHeader } from '../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { pickCurrentProgram } from './pickProgram';
import { ProgramFacts } from './ProgramFacts';
import { GoalCard } from './GoalCard';
import { GuidelineItem } from './GuidelineItem';
import { GoverningDocumentItem } from './GoverningDocumentItem';
import { provideTexts, useNamespace } from '../../app/i18n';
import programTexts from '../../app/locales/pages/program.sv';

/** This page's own texts, in Swedish, come with its code (English is fetched when chosen). */
provideTexts('pages/program', 'sv', programTexts);

const ProgramPageQuery = graphql(`
  query ProgramPage {
    programs {
      id
      status
      termStart
      ...ProgramFacts_program
      goals {
        id
        ...GoalCard_goal
      }
      guidelines {
        id
        ...GuidelineItem_guideline
      }
    }
    governingDocuments {
      id
      ...GoverningDocumentItem_document
    }
  }
`);

export default function ProgramPage() {
  useNamespace('pages/program');
  const { t } = useTranslation();
  useDocumentTitle(t('program.title'));
  const { data, loading, error, refetch } = useQuery(ProgramPageQuery);
  const program = data ? pickCurrentProgram(data.programs) : null;
  useHashTarget(Boolean(data));

  return (
    <>
      <PageHeader title={t('program.heading')} lead={t('program.lead')} />
      <div aria-busy={loading}>
        {loading && <Loading label={t('program.loading')} />}
        {error && <ErrorNotice onRetry={() => void refetch()} />}
        {data && !program && <EmptyNotice title={t('program.none')} />}
        {program && (
          <>
            <ProgramFacts program={program} />

            <section aria-labelledby="goals-heading" className="section">
              <h2 id="goals-heading">{t('program.goalsHeading')}</h2>
              <p className="section__lead">{t('program.goalsLead')}</p>
              <ol className="goal-list" data-testid="goal-list">
                {program.goals.map((goal) => (
                  <GoalCard key={goal.id} goal={goal} />
                ))}
              </ol>
            </section>

            <section aria-labelledby="guidelines-heading" className="section">
              <h2 id="guidelines-heading">{t('program.guidelinesHeading')}</h2>
              <p className="section__lead">{t('program.guidelinesLead')}</p>
              <ul className="legend" aria-label={t('program.obligation')}>
                <li>{t('obligation.SHALL_explained')}</li>
                <li>{t('obligation.SHOULD_explained')}</li>
              </ul>
              <ol className="guideline-list" data-testid="guideline-list">
                {program.guidelines.map((guideline) => (
                  <GuidelineItem key={guideline.id} guideline={guideline} />
                ))}
              </ol>
            </section>
          </>
        )}
        {data && (
          <section aria-labelledby="documents-heading" className="section">
            <h2 id="documents-heading">{t('program.documentsHeading')}</h2>
            <p className="section__lead">{t('program.documentsLead')}</p>
            {data.governingDocuments.length === 0 ? (
              <p>{t('program.documentsNone')}</p>
            ) : (
              <ul className="document-list" data-testid="document-list">
                {data.governingDocuments.map((doc) => (
                  <GoverningDocumentItem key={doc.id} document={doc} />
                ))}
              </ul>
            )}
          </section>
        )}
      </div>
    </>
  );
}
