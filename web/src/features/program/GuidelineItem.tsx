import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { GuidelineItem_GuidelineFragment } from '../../gql/graphql';
import { useDataLang } from '../../shared/hooks/useDataLang';
import { Badge } from '../../shared/ui/Badge';
import { goalAnchor } from './GoalCard';

export const GuidelineItemFragment = graphql(`
  fragment GuidelineItem_guideline on Guideline {
    id
    code
    text
    obligation
    goal {
      id
      code
      title
    }
  }
`);

/** One guideline: code, what the provider shall or should do, and the goal it serves. */
export function GuidelineItem({ guideline }: { guideline: GuidelineItem_GuidelineFragment }) {
  const { t } = useTranslation();
  const lang = useDataLang();
  return (
    <li className="guideline" id={`riktlinje-${guideline.code}`} data-testid="guideline">
      <div className="guideline__meta">
        <span className="code">{guideline.code}</span>
        <Badge tone={guideline.obligation === 'SHALL' ? 'warning' : 'neutral'}>
          <span className="visually-hidden">{t('program.obligation')}: </span>
          {t(`obligation.${guideline.obligation}`)}
        </Badge>
      </div>
      <div className="guideline__body">
        <p lang={lang}>{guideline.text}</p>
        <p className="guideline__goal">
          {guideline.goal ? (
            <>
              {t('program.guidelineGoal')}:{' '}
              <a href={`#${goalAnchor(guideline.goal.code)}`}>
                {guideline.goal.code} <span lang={lang}>{guideline.goal.title}</span>
              </a>
            </>
          ) : (
            t('program.guidelineNoGoal')
          )}
        </p>
      </div>
    </li>
  );
}
