import { Outlet } from 'react-router';
import { useNamespace } from '../../app/i18n';
import './public.css';

/**
 * The public results pages (municipality, unit, comparison, open data, insight requests): loads
 * their texts (the "public" namespace) before any of them renders, so no other page downloads them.
 */
export default function PublicArea() {
  useNamespace('public');
  return <Outlet />;
}
