import type { RouteObject } from 'react-router';
import { paths } from '@/config/paths.ts';

export const optOutRoutes: RouteObject[] = [
  {
    path: paths.optOuts.list.path,
    lazy: async () => ({ Component: (await import('./pages/opt-out-list-page.tsx')).OptOutListPage }),
  },
  {
    path: paths.phoneNumbers.history.path,
    lazy: async () => ({ Component: (await import('./pages/phone-number-history-page.tsx')).PhoneNumberHistoryPage }),
  },
];
