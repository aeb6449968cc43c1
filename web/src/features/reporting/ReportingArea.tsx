import { Outlet } from 'react-router';
import { useNamespace } from '../../app/i18n';

/**
 * The follow-up pages (reports, receipts, rounds, templates): loads their texts (the "reporting"
 * namespace) before any of them renders, so the public pages and the rest of the logged-in app
 * never download them.
 */
export default function ReportingArea() {
  useNamespace('reporting');
  return <Outlet />;
}
