import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { paths } from '@/config/paths.ts';

export const listRoutes = (queryClient: QueryClient): RouteObject[] => [
  {
    path: paths.lists.list.path,
    // The page's rows are asked for as navigation starts (see contactRoutes).
    loader: async ({ request }) => (await import('./list-list-state.ts')).prefetchListList(queryClient, request.url),
    shouldRevalidate: () => false,
    lazy: async () => ({ Component: (await import('./pages/list-list-page.tsx')).ListListPage }),
  },
  {
    path: paths.lists.detail.path,
    lazy: async () => ({ Component: (await import('./pages/list-detail-page.tsx')).ListDetailPage }),
  },
];
