import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { mayUse } from '../../app/access';
import { useNamespace } from '../../app/i18n';
import { paths } from '../../app/routes';
import { useViewer } from '../../app/viewer';

/** Coverage, the register, compensation and unit economics, and (for those who keep the register) the import of listed persons. */
export function LastResortNav() {
  useNamespace('compensation');
  const { t } = useTranslation('lastResort');
  const { t: tc } = useTranslation('compensation');
  const { viewer } = useViewer();
  return (
    <nav aria-label={t('nav.label')} className="subnav subnav--inline">
      <ul className="subnav__list">
        <li>
          <NavLink to={paths.lastResort} end className="subnav__link">
            {t('nav.coverage')}
          </NavLink>
        </li>
        <li>
          <NavLink to={paths.lastResortObligations} className="subnav__link">
            {t('nav.register')}
          </NavLink>
        </li>
        <li>
          <NavLink to={paths.compensation} className="subnav__link">
            {tc('nav.compensation')}
          </NavLink>
        </li>
        <li>
          <NavLink to={paths.compensationEconomics} className="subnav__link">
            {tc('nav.economics')}
          </NavLink>
        </li>
        {mayUse(viewer?.roles, 'lastResortEdit') && (
          <li>
            <NavLink to={paths.lastResortImport} className="subnav__link">
              {t('nav.import')}
            </NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
