import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '../../app/routes';

/** The neutrality report and the annual reports of the region. */
export function FollowUpNav() {
  const { t } = useTranslation('followUp');
  return (
    <nav aria-label={t('region.nav')} className="subnav subnav--inline">
      <ul className="subnav__list">
        <li>
          <NavLink to={paths.regionNeutrality} className="subnav__link">
            {t('region.navNeutrality')}
          </NavLink>
        </li>
        <li>
          <NavLink to={paths.regionAnnualReports} className="subnav__link">
            {t('region.navAnnual')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
