import { Outlet } from 'react-router';
import { useNamespace } from '../../app/i18n';

/** The last-resort pages: load their texts (the "lastResort" namespace) before any of them renders. */
export default function LastResortArea() {
  useNamespace('lastResort');
  return <Outlet />;
}
