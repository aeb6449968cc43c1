import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { ProgramFacts_ProgramFragment } from '../../gql/graphql';
import { useDataLang } from '../../shared/hooks/useDataLang';
import { useFormat } from '../../shared/hooks/useFormat';
import { Badge } from '../../shared/ui/Badge';

export const ProgramFactsFragment = graphql(`
  fragment ProgramFacts_program on Program {
    id
    title
    status
    termStart
    termEnd
    decisionReference
    decidedBy
    decidedAt
    programVersion
  }
`);

/** Title and decision facts of one program. */
export function ProgramFacts({ program }: { program: ProgramFacts_ProgramFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = useDataLang();
  return (
    <section className="panel program-facts" aria-labelledby="program-title" data-testid="program-facts">
      <p className="eyebrow">
        <Badge tone={program.status === 'ADOPTED' ? 'success' : 'neutral'}>{t(`programStatus.${program.status}`)}</Badge>
      </p>
      <h2 id="program-title" className="program-facts__title" lang={lang}>
        {program.title}
      </h2>
      <dl className="facts facts--inline">
        <div>
          <dt>{t('program.term')}</dt>
          <dd>{t('format.term', { start: program.termStart, end: program.termEnd })}</dd>
        </div>
        <div>
          <dt>{t('common.decisionReference')}</dt>
          <dd data-testid="program-reference">{program.decisionReference}</dd>
        </div>
        <div>
          <dt>{t('common.decidedBy')}</dt>
          <dd lang={program.decidedBy ? lang : undefined}>{program.decidedBy ?? t('common.notSet')}</dd>
        </div>
        <div>
          <dt>{t('common.decidedAt')}</dt>
          <dd>{program.decidedAt ? format.date(program.decidedAt) : t('common.notSet')}</dd>
        </div>
        <div>
          <dt>{t('program.version')}</dt>
          <dd>{program.programVersion}</dd>
        </div>
      </dl>
    </section>
  );
}
