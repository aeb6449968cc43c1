import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../shared/hooks/useFormat';
import { PageHeader } from '../../shared/ui/PageHeader';
import { provideTexts, useNamespace } from '../../app/i18n';
import accessibilityTexts from '../../app/locales/pages/accessibility.sv';

/** This page's own texts, in Swedish, come with its code (English is fetched when chosen). */
provideTexts('pages/accessibility', 'sv', accessibilityTexts);

export const ACCESSIBILITY_EMAIL = 'tillganglighet@insyn.example';
const DIGG_REPORT_URL = 'https://www.digg.se/tdosanmalan';

/** Tillgänglighetsredogörelse per lagen (2018:1937) om tillgänglighet till digital offentlig service. */
export default function AccessibilityPage() {
  useNamespace('pages/accessibility');
  const { t } = useTranslation();
  const format = useFormat();
  useDocumentTitle(t('accessibility.title'));
  return (
    <article className="prose">
      <PageHeader title={t('accessibility.heading')} lead={t('accessibility.intro')} />

      <h2>{t('accessibility.statusHeading')}</h2>
      <p>{t('accessibility.status')}</p>

      <h2>{t('accessibility.problemsHeading')}</h2>
      <ul>
        <li>{t('accessibility.problemGraphiql')}</li>
        <li>{t('accessibility.problemLanguage')}</li>
      </ul>

      <h2>{t('accessibility.contactHeading')}</h2>
      <p>{t('accessibility.contact')}</p>

      <h2 id="rapportera">{t('accessibility.reportHeading')}</h2>
      <p>{t('accessibility.report')}</p>
      <p className="callout">
        <a href={`mailto:${ACCESSIBILITY_EMAIL}`} data-testid="report-accessibility">
          {t('accessibility.reportLink', { email: ACCESSIBILITY_EMAIL })}
        </a>
        <br />
        {t('accessibility.reportAnswer')}
      </p>

      <h2>{t('accessibility.supervisionHeading')}</h2>
      <p>{t('accessibility.supervision')}</p>
      <p>
        <a href={DIGG_REPORT_URL} rel="noopener noreferrer">
          {t('accessibility.supervisionLink')}
        </a>
      </p>

      <h2>{t('accessibility.technicalHeading')}</h2>
      <p>{t('accessibility.technical')}</p>

      <h2>{t('accessibility.testingHeading')}</h2>
      <p>{t('accessibility.testing', { date: format.date(t('accessibility.updatedDate')) })}</p>
    </article>
  );
}
