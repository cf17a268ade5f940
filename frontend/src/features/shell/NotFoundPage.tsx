import { Link, useLocation } from 'react-router';
import { EmptyState } from '../../ui/EmptyState';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <>
      <h1>Page not found</h1>
      <EmptyState title={`There is no page at ${pathname}.`}>
        <p>
          The link may be old or mistyped. Go to the <Link to="/alerts">alerts</Link> or pick a section above.
        </p>
      </EmptyState>
    </>
  );
}
