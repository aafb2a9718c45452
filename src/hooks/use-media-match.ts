import { useSyncExternalStore } from 'react';

/**
 * Whether a media query (`@media (min-width:900px)` or `(min-width:900px)`) matches, kept current as the window
 * changes. All the app's frame needs of MUI's useMediaQuery, without its weight in the first load.
 */
export function useMediaMatch(query: string): boolean {
  const media = query.replace(/^@media\s*/, '');
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(media);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(media).matches,
  );
}
