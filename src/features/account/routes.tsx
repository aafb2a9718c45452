import type { RouteObject } from 'react-router';
import { paths } from '@/config/paths.ts';

export const accountRoutes: RouteObject[] = [
  {
    path: paths.account.path,
    lazy: async () => ({ Component: (await import('./pages/account-page.tsx')).AccountPage }),
  },
];
