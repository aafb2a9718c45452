import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { paths } from '@/config/paths.ts';

export const contactRoutes = (queryClient: QueryClient): RouteObject[] => [
  {
    path: paths.contacts.list.path,
    // The contacts are asked for at the click, while the page's code loads. The request's code loads on its own,
    // so that it stays out of the app's first bundle.
    loader: async ({ request }) => (await import('./contact-list-state.ts')).prefetchContactList(queryClient, request.url),
    // Once on the page, its own query follows the URL: a new search or page is no navigation to wait for.
    shouldRevalidate: () => false,
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
