import type { RouteObject } from 'react-router';
import { paths } from '@/config/paths.ts';

export const contactRoutes: RouteObject[] = [
  {
    path: paths.contacts.list.path,
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
