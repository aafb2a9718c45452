import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router-dom';
import { paths } from '@/config/paths.ts';
import { askAhead } from '@/utils/ask-ahead.ts';

export const audioRoutes = (queryClient: QueryClient): RouteObject[] => [
  {
    path: paths.audio.list.path,
    ...askAhead(async (url) => (await import('./audio-list-state.ts')).prefetchAudioList(queryClient, url)),
    lazy: async () => ({ Component: (await import('./pages/audio-list-page.tsx')).AudioListPage }),
  },
];
