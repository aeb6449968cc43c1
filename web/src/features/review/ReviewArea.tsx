import { Outlet } from 'react-router';
import { useNamespace } from '../../app/i18n';

/**
 * The review pages (queue and report review): load their texts (the "review" namespace) and the
 * follow-up texts they share with the report pages (statuses, question types, answers) before
 * any of them renders.
 */
export default function ReviewArea() {
  useNamespace('review');
  useNamespace('reporting');
  return <Outlet />;
}
