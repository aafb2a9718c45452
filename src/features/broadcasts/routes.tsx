import type { RouteObject } from 'react-router';
import { paths } from '@/config/paths.ts';

export const broadcastRoutes: RouteObject[] = [
  {
    path: paths.broadcasts.list.path,
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
