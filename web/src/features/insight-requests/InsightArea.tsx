import { Outlet } from 'react-router';
import { useNamespace } from '../../app/i18n';

/** The insight request pages: load their texts (the "publication" namespace) before any of them renders. */
export default function InsightArea() {
  useNamespace('publication');
  return <Outlet />;
}
