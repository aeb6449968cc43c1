import { Outlet } from 'react-router';
import { useNamespace } from '../../app/i18n';

/** The region's follow-up report pages: load their texts (the "followUp" namespace) before any of them renders. */
export default function FollowUpArea() {
  useNamespace('followUp');
  return <Outlet />;
}
