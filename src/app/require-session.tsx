import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';
import { LoadingScreen } from '@/components/feedback/loading-screen.tsx';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert.tsx';
import { paths } from '@/config/paths.ts';

/** Renders its children for a signed-in user; sends anyone else to the login page and back here afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const session = useQuery(sessionQueries.current());

  if (session.isPending) return <LoadingScreen label="Checking your session" />;
  if (session.isError) {
    return (
      <div style={{ padding: 24 }}>
        <QueryErrorAlert title="Your session could not be checked." error={session.error} onRetry={() => void session.refetch()} />
      </div>
    );
  }
  if (!session.data) {
    return <Navigate to={paths.login.href(`${location.pathname}${location.search}${location.hash}`)} replace />;
  }
  return children;
}
