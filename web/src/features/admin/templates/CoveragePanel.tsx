import { useTranslation } from 'react-i18next';
import type { TemplateEdit_TemplateFragment } from '../../../gql/graphql';
import { TableScroll } from '../../../shared/ui/TableScroll';

type Coverage = TemplateEdit_TemplateFragment['coverage'];

/**
 * How the template covers the adopted program: for each goal and guideline, the questions that
 * give evidence for it; those without any are marked, in words and with an icon.
 */
export function CoveragePanel({ coverage, note }: { coverage: Coverage; note?: string }) {
  const { t } = useTranslation('reporting');
  const { t: tMain } = useTranslation();
  if (!coverage.program) return <p className="notice notice--info">{t('coverage.noProgram')}</p>;
  const goalsCovered = coverage.goals.filter((g) => g.questions.length > 0).length;
  const guidelinesCovered = coverage.guidelines.filter((g) => g.questions.length > 0).length;
  const questions = (list: { id: string; code: string }[]) =>
    list.length > 0 ? (
      list.map((q) => q.code).join(', ')
    ) : (
      <span className="coverage-none">
        <span aria-hidden="true" className="coverage-none__icon">
          !
        </span>
        {t('coverage.none')}
      </span>
    );
  return (
    <div className="coverage" data-testid="coverage">
      <h2>{t('coverage.heading')}</h2>
      <p className="section__lead">
        {t('coverage.lead')} {note}
      </p>
      <p className="muted" lang="sv">
        {coverage.program.title}
      </p>
      <section className="section section--tight" aria-labelledby="coverage-goals">
        <h3 id="coverage-goals">{t('coverage.goals')}</h3>
        <p>{t('coverage.summary', { covered: goalsCovered, total: coverage.goals.length })}</p>
        <TableScroll label={t('coverage.goalsTable')}>
          <table className="table table--full coverage-table">
            <caption className="visually-hidden">{t('coverage.goalsTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('coverage.goal')}</th>
                <th scope="col">{t('coverage.questions')}</th>
              </tr>
            </thead>
            <tbody>
              {coverage.goals.map((g) => (
                <tr key={g.goal.id} className={g.questions.length === 0 ? 'is-uncovered' : undefined} data-testid="coverage-goal">
                  <th scope="row" lang="sv">
                    <span className="code">{g.goal.code}</span> {g.goal.title}
                  </th>
                  <td>{questions(g.questions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section className="section section--tight" aria-labelledby="coverage-guidelines">
        <h3 id="coverage-guidelines">{t('coverage.guidelines')}</h3>
        <p>{t('coverage.summary', { covered: guidelinesCovered, total: coverage.guidelines.length })}</p>
        <TableScroll label={t('coverage.guidelinesTable')}>
          <table className="table table--full coverage-table">
            <caption className="visually-hidden">{t('coverage.guidelinesTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('coverage.guideline')}</th>
                <th scope="col">{t('coverage.questions')}</th>
              </tr>
            </thead>
            <tbody>
              {coverage.guidelines.map((g) => (
                <tr key={g.guideline.id} className={g.questions.length === 0 ? 'is-uncovered' : undefined} data-testid="coverage-guideline">
                  <th scope="row">
                    <span className="code">{g.guideline.code}</span> <span className="muted">{tMain(`obligation.${g.guideline.obligation}`)}</span>{' '}
                    <span className="coverage-table__text" lang="sv">
                      {g.guideline.text}
                    </span>
                  </th>
                  <td>{questions(g.questions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </div>
  );
}
