import { queryOptions } from '@tanstack/react-query';
import { pageSaysSandbox } from '@/utils/page-meta.ts';
import { getServerConfig, getSession } from './session-requests.ts';

export const sessionQueries = {
  all: () => ['session'] as const,
  current: () =>
    queryOptions({
      queryKey: [...sessionQueries.all(), 'current'],
      queryFn: ({ signal }) => getSession(signal),
      // The session changes only through login, logout and 401s, which update this entry themselves.
      staleTime: 5 * 60_000,
    }),
  serverConfig: () =>
    queryOptions({
      queryKey: [...sessionQueries.all(), 'server-config'],
      queryFn: ({ signal }) => getServerConfig(signal),
      // The page itself says it when our server sent it: no request, and the first paint already knows.
      initialData: () => {
        const sandbox = pageSaysSandbox();
        return sandbox === undefined ? undefined : { Sandbox: sandbox };
      },
      staleTime: Infinity,
    }),
};
