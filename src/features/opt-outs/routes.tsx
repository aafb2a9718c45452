import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router-dom';
import { paths } from '@/config/paths.ts';
import { askAhead } from '@/utils/ask-ahead.ts';

export const optOutRoutes = (queryClient: QueryClient): RouteObject[] => [
  {
    path: paths.optOuts.list.path,
    ...askAhead(async (url) => (await import('./opt-out-list-state.ts')).prefetchOptOutList(queryClient, url)),
    lazy: async () => ({ Component: (await import('./pages/opt-out-list-page.tsx')).OptOutListPage }),
  },
  {
    path: paths.phoneNumbers.history.path,
    lazy: async () => ({ Component: (await import('./pages/phone-number-history-page.tsx')).PhoneNumberHistoryPage }),
  },
];
