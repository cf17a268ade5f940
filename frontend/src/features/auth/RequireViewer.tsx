import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useViewer } from './useViewer';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageSkeleton } from '../../ui/Skeleton';

/** Renders its children only for a signed-in user; sends others to the login page. */
export function RequireViewer({ children }: { children: ReactNode }) {
  const { viewer, signedOut, error } = useViewer();
  const location = useLocation();
  if (signedOut) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (error && !viewer) {
    return (
      <main className="centered">
        <ErrorNotice error={error} />
      </main>
    );
  }
  if (!viewer) return <PageSkeleton />;
  return <>{children}</>;
}
