import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNamespace } from '../../app/i18n';
import { paths } from '../../app/routes';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import { TableScroll } from '../../shared/ui/TableScroll';
import { Breadcrumb } from './Breadcrumb';

export const OPEN_DATA_CSV = '/open-data/facts.csv';
export const OPEN_DATA_JSON = '/open-data/facts.json';
const CC0_URL = 'https://creativecommons.org/publicdomain/zero/1.0/deed.sv';

/** The columns of the open data files, in file order. */
export const OPEN_DATA_COLUMNS = [
  'id',
  'indicatorCode',
  'indicatorName',
  'period',
  'providerId',
  'providerName',
  'ownership',
  'unitId',
  'unitName',
  'municipalityCode',
  'municipalityName',
  'value',
  'numerator',
  'denominator',
  'target',
  'suppressed',
  'status',
  'publishedAt',
  'updatedAt',
] as const;

/** /oppna-data — what the open data is, the downloads, the licence and the columns. */
export default function OpenDataPage() {
  useNamespace('public/shared', 'public/openData');
  const { t } = useTranslation('public');
  useDocumentTitle(t('openData.title'));
  return (
    <article className="prose pub-open-data">
      <Breadcrumb items={[{ label: t('openData.title') }]} />
      <PageHeader title={t('openData.heading')} lead={t('openData.lead')} />

      <h2>{t('openData.downloadHeading')}</h2>
      <ul className="pub-downloads">
        <li>
          <a href={OPEN_DATA_CSV} download className="button button--primary" data-testid="open-data-csv">
            {t('openData.csv')}
          </a>
        </li>
        <li>
          <a href={OPEN_DATA_JSON} className="button button--secondary" data-testid="open-data-json">
            {t('openData.json')}
          </a>
        </li>
      </ul>
      <p>{t('openData.csvNote')}</p>
      <p>{t('openData.updated')}</p>

      <h2>{t('openData.whatHeading')}</h2>
      <p>{t('openData.what')}</p>

      <h2 id="licens">{t('openData.licenceHeading')}</h2>
      <p className="callout" data-testid="open-data-licence">
        {t('openData.licence')}
        <br />
        <a href={CC0_URL} rel="noopener noreferrer" hrefLang="sv">
          {t('openData.licenceLink')}
        </a>
      </p>

      <h2 id="kolumner">{t('openData.columnsHeading')}</h2>
      <TableScroll label={t('openData.columnsCaption')}>
        <table className="table" data-testid="open-data-columns">
          <caption>{t('openData.columnsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('openData.column')}</th>
              <th scope="col">{t('openData.description')}</th>
            </tr>
          </thead>
          <tbody>
            {OPEN_DATA_COLUMNS.map((column) => (
              <tr key={column}>
                <th scope="row">
                  <code>{column}</code>
                </th>
                <td>{t(`openData.columns.${column}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h2>{t('openData.apiHeading')}</h2>
      <p>{t('openData.api')}</p>
      <p>
        <a href="/graphiql">{t('openData.apiLink')}</a> · <Link to={paths.indicators}>{t('common.indicator')}</Link>
      </p>
    </article>
  );
}
