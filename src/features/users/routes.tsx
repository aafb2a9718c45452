import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router-dom';
import { paths } from '@/config/paths.ts';
import { askAhead } from '@/utils/ask-ahead.ts';

export const userRoutes = (queryClient: QueryClient): RouteObject[] => [
  {
    path: paths.users.list.path,
    ...askAhead(async (url) => (await import('./user-list-state.ts')).prefetchUserList(queryClient, url)),
    lazy: async () => ({ Component: (await import('./pages/user-list-page.tsx')).UserListPage }),
  },
  {
    path: paths.users.create.path,
    lazy: async () => ({ Component: (await import('./pages/user-create-page.tsx')).UserCreatePage }),
  },
  {
    path: paths.users.edit.path,
    lazy: async () => ({ Component: (await import('./pages/user-edit-page.tsx')).UserEditPage }),
  },
  {
    path: paths.settings.path,
    lazy: async () => ({ Component: (await import('./pages/user-settings-page.tsx')).UserSettingsPage }),
  },
];
