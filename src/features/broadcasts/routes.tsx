import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router-dom';
import { paths } from '@/config/paths.ts';
import { askAhead } from '@/utils/ask-ahead.ts';

export const broadcastRoutes = (queryClient: QueryClient): RouteObject[] => [
  {
    path: paths.broadcasts.list.path,
    ...askAhead(async (url) => (await import('./broadcast-list-state.ts')).prefetchBroadcastList(queryClient, url)),
    lazy: async () => ({ Component: (await import('./pages/broadcast-list-page.tsx')).BroadcastListPage }),
  },
  {
    path: paths.broadcasts.create.path,
    lazy: async () => ({ Component: (await import('./pages/broadcast-create-page.tsx')).BroadcastCreatePage }),
  },
  {
    path: paths.broadcasts.drafts.path,
    lazy: async () => ({ Component: (await import('./pages/broadcast-drafts-page.tsx')).BroadcastDraftsPage }),
  },
  {
    path: paths.broadcasts.draft.path,
    lazy: async () => ({ Component: (await import('./pages/broadcast-create-page.tsx')).BroadcastCreatePage }),
  },
  {
    path: paths.broadcasts.report.path,
    lazy: async () => ({ Component: (await import('./pages/broadcast-report-page.tsx')).BroadcastReportPage }),
  },
];
