import type { RouteObject } from 'react-router-dom';
import { paths } from '@/config/paths.ts';

export const accountRoutes: RouteObject[] = [
  {
    path: paths.account.path,
    lazy: async () => ({ Component: (await import('./pages/account-page.tsx')).AccountPage }),
  },
];
