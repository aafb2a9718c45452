import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { paths } from '@/config/paths.ts';

export const broadcastRoutes = (queryClient: QueryClient): RouteObject[] => [
  {
    path: paths.broadcasts.list.path,
    // The broadcasts are asked for as the navigation starts, while the page's code loads (see contactRoutes).
    loader: async ({ request }) => (await import('./broadcast-list-state.ts')).prefetchBroadcastList(queryClient, request.url),
    // Once on the page, its own query follows the URL: a new search or page is no navigation to wait for.
    shouldRevalidate: () => false,
    lazy: async () => ({ Component: (await import('./pages/broadcast-list-page.tsx')).BroadcastListPage }),
  },
  {
    path: paths.broadcasts.create.path,
    lazy: async () => ({ Component: (await import('./pages/broadcast-create-page.tsx')).BroadcastCreatePage }),
  },
  {
    path: paths.broadcasts.report.path,
    lazy: async () => ({ Component: (await import('./pages/broadcast-report-page.tsx')).BroadcastReportPage }),
  },
];
