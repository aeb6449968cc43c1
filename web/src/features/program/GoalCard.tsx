import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { GoalCard_GoalFragment } from '../../gql/graphql';
import { useDataLang } from '../../shared/hooks/useDataLang';
import { paths } from '../../app/routes';
import { Badge } from '../../shared/ui/Badge';

export const GoalCardFragment = graphql(`
  fragment GoalCard_goal on Goal {
    id
    code
    title
    description
    category
    guidelines {
      id
      code
    }
    indicators {
      id
      code
      name
    }
  }
`);

export function goalAnchor(code: string): string {
  return `mal-${code}`;
}

/** One goal of the program with its area, guidelines and indicators. */
export function GoalCard({ goal }: { goal: GoalCard_GoalFragment }) {
  const { t } = useTranslation();
  const lang = useDataLang();
  return (
    <li className="card goal" id={goalAnchor(goal.code)} data-testid="goal">
      <h3 className="goal__title">
        <span className="code">{goal.code}</span> <span lang={lang}>{goal.title}</span>
      </h3>
      <p className="goal__category">
        <Badge tone="info">
          <span className="visually-hidden">{t('program.goalCategory')}: </span>
          {t(`goalCategory.${goal.category}`)}
        </Badge>
      </p>
      <p lang={lang}>{goal.description}</p>
      {(goal.guidelines.length > 0 || goal.indicators.length > 0) && (
        <dl className="goal__links">
          {goal.guidelines.length > 0 && (
            <div>
              <dt>{t('program.goalGuidelines')}</dt>
              <dd>
                <ul className="inline-list">
                  {goal.guidelines.map((g) => (
                    <li key={g.id}>
                      <a href={`#riktlinje-${g.code}`}>{g.code}</a>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
          {goal.indicators.length > 0 && (
            <div>
              <dt>{t('program.goalIndicators')}</dt>
              <dd>
                <ul className="inline-list">
                  {goal.indicators.map((i) => (
                    <li key={i.id}>
                      <Link to={`${paths.indicators}#indikator-${i.code}`} lang={lang}>
                        {i.name}
                      </Link>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
        </dl>
      )}
    </li>
  );
}
