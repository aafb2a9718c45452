import type { RouteObject } from 'react-router';
import { paths } from '@/config/paths.ts';

export const listRoutes: RouteObject[] = [
  {
    path: paths.lists.list.path,
    lazy: async () => ({ Component: (await import('./pages/list-list-page.tsx')).ListListPage }),
  },
  {
    path: paths.lists.detail.path,
    lazy: async () => ({ Component: (await import('./pages/list-detail-page.tsx')).ListDetailPage }),
  },
];
