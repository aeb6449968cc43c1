import { Outlet } from 'react-router';
import { useNamespace } from '../../app/i18n';

/** The notifications page: loads its texts (the "review" namespace) before it renders. */
export default function NotificationsArea() {
  useNamespace('review');
  return <Outlet />;
}
