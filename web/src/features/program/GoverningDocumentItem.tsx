import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/routes';
import { graphql } from '../../gql';
import type { GoverningDocumentItem_DocumentFragment } from '../../gql/graphql';
import { useDataLang } from '../../shared/hooks/useDataLang';
import { useFormat } from '../../shared/hooks/useFormat';
import { Badge } from '../../shared/ui/Badge';

export const GoverningDocumentItemFragment = graphql(`
  fragment GoverningDocumentItem_document on GoverningDocument {
    id
    title
    kind
    summary
    decisionReference
    decidedBy
    decidedAt
  }
`);

/** A council decision Insyn works under, e.g. the equal-conditions rules RS/383/2021. */
export function GoverningDocumentItem({ document }: { document: GoverningDocumentItem_DocumentFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = useDataLang();
  return (
    <li className="card document" data-testid="governing-document">
      <p className="eyebrow">
        <Badge tone="neutral">{t(`documentKind.${document.kind}`)}</Badge>
      </p>
      <h3 className="document__title" lang={lang}>
        {document.title}
      </h3>
      <p lang={lang}>{document.summary}</p>
      <dl className="facts facts--inline">
        <div>
          <dt>{t('common.decisionReference')}</dt>
          <dd>{document.decisionReference}</dd>
        </div>
        <div>
          <dt>{t('common.decidedBy')}</dt>
          <dd lang={lang}>{document.decidedBy}</dd>
        </div>
        {document.decidedAt && (
          <div>
            <dt>{t('common.decidedAt')}</dt>
            <dd>{format.date(document.decidedAt)}</dd>
          </div>
        )}
      </dl>
      {document.kind === 'EQUAL_CONDITIONS' && (
        <p>
          <Link to={paths.equalConditions} data-testid="equal-conditions-link">
            {t('documentKind.equalConditionsLink')}
          </Link>
        </p>
      )}
    </li>
  );
}
