import type { RouteObject } from 'react-router';
import { paths } from '@/config/paths.ts';

export const audioRoutes: RouteObject[] = [
  {
    path: paths.audio.list.path,
    lazy: async () => ({ Component: (await import('./pages/audio-list-page.tsx')).AudioListPage }),
  },
];
