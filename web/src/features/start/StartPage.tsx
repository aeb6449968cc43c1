import { lazy, Suspense } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { paths } from '../../app/routes';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useDataLang } from '../../shared/hooks/useDataLang';
import { useFormat } from '../../shared/hooks/useFormat';
import { pickCurrentProgram } from '../program/pickProgram';
import type { ProgramSummary_ProgramFragment } from '../../gql/graphql';
import { provideTexts, useNamespace } from '../../app/i18n';
import startTexts from '../../app/locales/pages/start.sv';
import programTexts from '../../app/locales/pages/program.sv';

/** This page's own texts, in Swedish, come with its code (English is fetched when chosen). */
provideTexts('pages/start', 'sv', startTexts);
provideTexts('pages/program', 'sv', programTexts);

/** The way into the published results: its own chunk, with the public results' texts. */
const MunicipalityChooser = lazy(() => import('../public/MunicipalityChooser'));

const StartPageQuery = graphql(`
  query StartPage {
    programs {
      id
      status
      termStart
      ...ProgramSummary_program
    }
  }
`);

export const ProgramSummaryFragment = graphql(`
  fragment ProgramSummary_program on Program {
    id
    title
    termStart
    termEnd
    decisionReference
    decidedBy
    decidedAt
  }
`);

export default function StartPage() {
  useNamespace('pages/start', 'pages/program');
  const { t } = useTranslation();
  useDocumentTitle(t('start.title'), { full: true });
  const { data, loading, error } = useQuery(StartPageQuery);
  const program = data ? pickCurrentProgram(data.programs) : null;

  return (
    <>
      <section className="hero" aria-labelledby="start-heading">
        <div className="hero__text">
          <h1 id="start-heading">{t('start.heading')}</h1>
          <p className="lead">{t('start.lead')}</p>
        </div>
        <div className="hero__program" aria-busy={loading}>
          <h2 className="eyebrow">{t('start.programLabel')}</h2>
          {loading && <p role="status">{t('start.programLoading')}</p>}
          {/* The start page stays useful without the API; the program page shows the full error. */}
          {error && <p>{t('common.errorTitle')}</p>}
          {data && !program && <p>{t('start.programMissing')}</p>}
          {program && <ProgramSummary program={program} />}
        </div>
      </section>

      <Suspense fallback={null}>
        <MunicipalityChooser />
      </Suspense>

      <section className="equal-terms" aria-labelledby="equal-heading">
        <h2 id="equal-heading">{t('start.equalTerms')}</h2>
        <p>{t('start.equalTermsBody')}</p>
      </section>

      <section aria-labelledby="cards-heading">
        <h2 id="cards-heading">{t('start.cardsHeading')}</h2>
        <ul className="cards">
          <StartCard to={paths.program} title={t('nav.program')} body={t('start.cardProgram')} />
          <StartCard to={paths.indicators} title={t('nav.indicators')} body={t('start.cardIndicators')} />
          <StartCard to={paths.providers} title={t('nav.providers')} body={t('start.cardProviders')} />
          <StartCard to={paths.accessibility} title={t('nav.accessibility')} body={t('start.cardAccessibility')} />
        </ul>
      </section>
    </>
  );
}

function ProgramSummary({ program }: { program: ProgramSummary_ProgramFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = useDataLang();
  return (
    <div className="program-summary" data-testid="start-program">
      <p className="program-summary__title" lang={lang}>
        {program.title}
      </p>
      <dl className="facts facts--inline">
        <div>
          <dt>{t('common.decisionReference')}</dt>
          <dd data-testid="start-program-reference">{program.decisionReference}</dd>
        </div>
        <div>
          <dt>{t('program.term')}</dt>
          <dd>{t('format.term', { start: program.termStart, end: program.termEnd })}</dd>
        </div>
        {program.decidedAt && (
          <div>
            <dt>{t('common.decidedAt')}</dt>
            <dd>{format.date(program.decidedAt)}</dd>
          </div>
        )}
      </dl>
      <Link to={paths.program} className="button button--primary">
        {t('start.programLink')}
      </Link>
    </div>
  );
}

function StartCard({ to, title, body }: { to: string; title: string; body: string }) {
  return (
    <li className="card card--link">
      <h3 className="card__title">
        <Link to={to} className="card__link">
          {title}
        </Link>
      </h3>
      <p>{body}</p>
      <span className="card__arrow" aria-hidden="true">→</span>
    </li>
  );
}
