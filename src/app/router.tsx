import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { accountRoutes } from '@/features/account/routes.tsx';
import { audioRoutes } from '@/features/audio/routes.tsx';
import { userRoutes } from '@/features/users/routes.tsx';
import { broadcastRoutes } from '@/features/broadcasts/routes.tsx';
import { contactRoutes } from '@/features/contacts/routes.tsx';
import { listRoutes } from '@/features/lists/routes.tsx';
import { conversationRoutes } from '@/features/conversations/routes.tsx';
import { optOutRoutes } from '@/features/opt-outs/routes.tsx';
import { paths } from '@/config/paths.ts';
import { LoginPage } from '@/features/auth/pages/login-page.tsx';
import { AppLayout } from './app-layout.tsx';
import { FirstView } from './first-view.tsx';
import { RequireSession } from './require-session.tsx';
import { RouteErrorPage } from './route-error-page.tsx';

/**
 * Each feature brings its routes; every page is its own chunk, loaded when first visited. A route may ask for its
 * page's data through the query client while that chunk loads.
 */
export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    {
      path: paths.login.path,
      errorElement: <RouteErrorPage />,
      // The login page comes with the app: it is the first page of most visits and shares its fields with every form.
      Component: LoginPage,
    },
    {
      element: (
        <RequireSession>
          <AppLayout />
        </RequireSession>
      ),
      errorElement: <RouteErrorPage />,
      // Until the first page's code has arrived, the outline the page was served with.
      hydrateFallbackElement: <FirstView />,
      children: [
        {
          errorElement: <RouteErrorPage />,
          children: [
            { index: true, element: <Navigate to={paths.broadcasts.list.href()} replace /> },
            ...broadcastRoutes(queryClient),
            ...accountRoutes,
            ...userRoutes(queryClient),
            ...audioRoutes(queryClient),
            ...contactRoutes(queryClient),
            ...listRoutes(queryClient),
            ...conversationRoutes,
            ...optOutRoutes(queryClient),
            // Rarely seen, so it comes when asked for, like the pages.
            { path: '*', lazy: async () => ({ Component: (await import('./not-found-page.tsx')).NotFoundPage }) },
          ],
        },
      ],
    },
  ]);
}
