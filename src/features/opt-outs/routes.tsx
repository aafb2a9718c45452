import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { paths } from '@/config/paths.ts';

export const optOutRoutes = (queryClient: QueryClient): RouteObject[] => [
  {
    path: paths.optOuts.list.path,
    // The page's rows are asked for as navigation starts (see contactRoutes).
    loader: async ({ request }) => (await import('./opt-out-list-state.ts')).prefetchOptOutList(queryClient, request.url),
    shouldRevalidate: () => false,
    lazy: async () => ({ Component: (await import('./pages/opt-out-list-page.tsx')).OptOutListPage }),
  },
  {
    path: paths.phoneNumbers.history.path,
    lazy: async () => ({ Component: (await import('./pages/phone-number-history-page.tsx')).PhoneNumberHistoryPage }),
  },
];
