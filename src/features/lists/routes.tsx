import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router-dom';
import { paths } from '@/config/paths.ts';
import { askAhead } from '@/utils/ask-ahead.ts';

export const listRoutes = (queryClient: QueryClient): RouteObject[] => [
  {
    path: paths.lists.list.path,
    ...askAhead(async (url) => (await import('./list-list-state.ts')).prefetchListList(queryClient, url)),
    lazy: async () => ({ Component: (await import('./pages/list-list-page.tsx')).ListListPage }),
  },
  {
    path: paths.lists.detail.path,
    lazy: async () => ({ Component: (await import('./pages/list-detail-page.tsx')).ListDetailPage }),
  },
];
