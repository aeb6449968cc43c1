import { Link } from 'react-router';
import { PageHeader } from '../../shared/ui/PageHeader';

/** The object of the address does not exist (or may not be seen). */
export function NotFoundPanel({ title, body, back }: { title: string; body?: string; back: { to: string; label: string } }) {
  return (
    <div data-testid="admin-not-found">
      <PageHeader title={title} lead={body} />
      <p>
        <Link to={back.to} className="button button--primary">
          {back.label}
        </Link>
      </p>
    </div>
  );
}
