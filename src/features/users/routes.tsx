import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router-dom';
import { paths } from '@/config/paths.ts';
import { askAhead } from '@/utils/ask-ahead.ts';

export const usersRoutes = (queryClient: QueryClient): RouteObject[] => [
  {
    path: paths.users.list.path,
    ...askAhead(async (url) => (await import('./users-list-state.ts')).prefetchUsersList(queryClient, url)),
    lazy: async () => ({ Component: (await import('./pages/users-list-page.tsx')).UsersListPage }),
  },
  {
    path: paths.users.create.path,
    lazy: async () => ({ Component: (await import('./pages/users-create-page.tsx')).UsersCreatePage }),
  },
  {
    path: paths.users.edit.path,
    lazy: async () => ({ Component: (await import('./pages/users-edit-page.tsx')).UsersEditPage }),
  },
  {
    path: paths.settings.path,
    lazy: async () => ({ Component: (await import('./pages/users-settings-page.tsx')).UsersSettingsPage }),
  },
];
