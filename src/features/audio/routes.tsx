import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { paths } from '@/config/paths.ts';

export const audioRoutes = (queryClient: QueryClient): RouteObject[] => [
  {
    path: paths.audio.list.path,
    // The page's rows are asked for as navigation starts (see contactRoutes).
    loader: async ({ request }) => (await import('./audio-list-state.ts')).prefetchAudioList(queryClient, request.url),
    shouldRevalidate: () => false,
    lazy: async () => ({ Component: (await import('./pages/audio-list-page.tsx')).AudioListPage }),
  },
];
