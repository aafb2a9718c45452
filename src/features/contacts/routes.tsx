import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router-dom';
import { paths } from '@/config/paths.ts';
import { askAhead } from '@/utils/ask-ahead.ts';

export const contactRoutes = (queryClient: QueryClient): RouteObject[] => [
  {
    path: paths.contacts.list.path,
    ...askAhead(async (url) => (await import('./contact-list-state.ts')).prefetchContactList(queryClient, url)),
    lazy: async () => ({ Component: (await import('./pages/contact-list-page.tsx')).ContactListPage }),
  },
  {
    path: paths.contacts.import.path,
    lazy: async () => ({ Component: (await import('./pages/contact-import-page.tsx')).ContactImportPage }),
  },
  {
    path: paths.contacts.detail.path,
    lazy: async () => ({ Component: (await import('./pages/contact-detail-page.tsx')).ContactDetailPage }),
  },
];
